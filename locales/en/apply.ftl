form-back = Back
form-continue = Continue
form-yes = Yes
form-no = No
form-error-summary-title = There is a problem
form-error-prefix = Error:
form-title-error-prefix = Error:{" "}
date-long = { $day } { $month ->
    [1] January
    [2] February
    [3] March
    [4] April
    [5] May
    [6] June
    [7] July
    [8] August
    [9] September
    [10] October
    [11] November
   *[12] December
} { $year }
apply-start = Start now
apply-restored = We have brought back the answers you gave before. Check them and continue.
apply-start-again = Start again
apply-applicant-title = About the applicant
apply-applicant-kind = You are applying as
apply-kind-person = A person
apply-kind-company = A company or organisation
apply-person-name = Full name
apply-personal-number = Personal number (ЕГН or ЛНЧ)
apply-personal-number-hint = 10 digits, for example 8032056031
apply-company-name = Name of the company or organisation
apply-eik = Company number (ЕИК or БУЛСТАТ)
apply-eik-hint = 9 or 13 digits
apply-representative = Name of the representative
apply-representative-hint = The person who represents the company or is authorised by it
apply-contact-title = How we can contact you
apply-contact-lead = Give at least one of the two. We use them only for this application.
apply-email = Email address
apply-phone = Phone number
apply-phone-hint = For example 0888 123 456
apply-questions-title = About the service
apply-tier-title = Type of service
apply-tier-legend = How soon do you need the result
apply-tier-lead = The faster the service, the higher the fee.
apply-tier-option = { $tier } – { $fee }
apply-tier-hint = Deadline: { $deadline }. Expected by { $date }.
apply-delivery-title = Receiving the result
apply-delivery-legend = How do you want to receive the result
apply-address = Postal address
apply-address-hint = Town or village, postcode, street and number
apply-delivery-email = Email address to receive it
apply-consent-title = Consent to the processing of personal data
apply-consent-lead = To provide the service, the municipality processes the personal data in the application:
apply-consent-what = we use the name, personal or company number and contact details you gave;
apply-consent-why = only to provide the service and to contact you about it;
apply-consent-keep = we keep them as long as the law on keeping records requires.
apply-consent-privacy-link = Read how we process personal data
apply-consent-label = I agree to my personal data being processed for this service
apply-consent-given = Given
apply-check-title = Check your answers
apply-not-answered = Not answered
apply-change = Change
apply-submit-title = Sending the application
apply-submit-lead = By sending it you confirm that the details are correct.
apply-submit = Send the application
apply-submitting = Sending…
apply-submit-retry = Try sending again
apply-submit-failed = The application was not sent
apply-submit-kept = Your answers are kept. When the connection is back, try again – the application will not be filed twice.
apply-confirmation-title = Application submitted
apply-confirmation-number = Your registry number is
apply-confirmation-missing-title = No application submitted
apply-confirmation-missing = There is no application for this service submitted in this browser tab.
apply-access-code = Access code
apply-access-code-keep = Write down the registry number and the access code. With them you can check how far your application has got. The code is not shown again.
apply-expected = Expected completion
apply-expected-with-time = { $date }, { $time }
apply-next-title = What happens next
apply-next-registered = The application has been filed with the municipality's registry office under the number above.
apply-next-fee = The fee is paid at the municipality's counter or by bank transfer before you receive the result.
apply-next-extension = If the deadline has to be extended, the municipality will tell you and give the reason.
apply-print = Print or save as PDF
error-answer-required = Answer the question “{ $label }”
error-answer-too-long = The answer to “{ $label }” is too long
error-answer-number-range = The answer to “{ $label }” is outside the allowed values
error-answer-number-invalid = Enter a number in “{ $label }”, for example 2
error-answer-date-invalid = Enter a date in “{ $label }”
error-answer-date-future = The date in “{ $label }” cannot be in the future
error-answer-choices-count = Choose an allowed number of answers in “{ $label }”
error-answer-invalid = Check the answer to “{ $label }”
error-applicant-kind-required = Choose whether you apply as a person or as a company
error-applicant-name-required = Enter a name
error-applicant-name-too-long = The name must be 150 characters or fewer
error-personal-number-required = Enter a personal number (ЕГН or ЛНЧ)
error-personal-number-length = A personal number has exactly 10 digits
error-personal-number-digits = A personal number contains digits only
error-personal-number-date = Check the personal number – the date of birth in it does not exist
error-personal-number-checksum = Check the personal number – one of the digits is wrong
error-eik-required = Enter a company number (ЕИК or БУЛСТАТ)
error-eik-length = A company number has 9 or 13 digits
error-eik-digits = A company number contains digits only
error-eik-checksum = Check the company number – one of the digits is wrong
error-representative-required = Enter the name of the representative
error-representative-too-long = The representative's name must be 150 characters or fewer
error-contact-required = Enter an email address or a phone number
error-email-invalid = Enter an email address in the form name@example.bg
error-phone-invalid = Enter a phone number with 6 to 15 digits, for example 0888 123 456
error-tier-required = Choose the type of service
error-delivery-required = Choose how you want to receive the result
error-address-required = Enter a postal address
error-address-too-long = The address must be 300 characters or fewer
error-delivery-email-required = Enter the email address to receive the result at
error-consent-required = To send the application, you need to consent to the processing of your personal data
error-field-invalid = Check this answer
