home-task-report = Make a complaint, signal, proposal or praise
home-task-report-hint = About the service, a member of staff, or something wrong you have noticed.
home-task-feedback = Rate the service
home-task-feedback-hint = A short survey of five questions. The results are published every six months.
report-title = Complaints, signals, proposals and praise
report-lead = Tell us what happened. You will get a registry number and a code to follow the answer.
report-restored = We have brought back the text you entered before.
report-kind-legend = What do you want to send
report-kind-complaint = Complaint
report-kind-complaint-hint = You are unhappy with the service. It may be anonymous – it then counts as feedback on the service and you get no personal reply.
report-kind-signal = Signal
report-kind-signal-hint = You report a breach or irregularity. A name and a way to reply are needed: no proceedings are opened on anonymous signals (Art. 111(4) Administrative Procedure Code).
report-kind-proposal = Proposal
report-kind-proposal-hint = You suggest how the municipality could work better. A name and a way to reply are needed.
report-kind-praise = Praise
report-kind-praise-hint = You want to thank a member of staff or for good service. It may be anonymous.
report-subject = About (optional)
report-subject-hint = A service, department or member of staff, for example “Registry office”
report-text = Describe what happened
report-text-hint = When and where, what you expected and what you got. Do not attach documents here.
report-characters-left = { $count ->
    [one] 1 character left
   *[other] { $count } characters left
}
report-characters-over = { $count ->
    [one] The text is 1 character too long
   *[other] The text is { $count } characters too long
}
report-contact-title = Contact details for the reply
report-contact-required = For a signal or proposal, give your name and at least one way to reply to you.
report-contact-optional = Optional. If you leave these empty, the complaint or praise is anonymous and you get no personal reply.
report-name = Full name
report-confidential-title = Confidentiality
report-confidential = Your identity is never shown publicly and is seen only by the staff who handle what you send. The data is used only for the reply.
report-consent = I agree to my data being processed so that I get a reply
report-submit = Send
report-sent-title = Sent
report-answer-by = Answer due by
report-check-status-link = Check what is happening with what you sent
report-another-title = Something else to send?
report-another = Write a new complaint, signal, proposal or praise
report-anonymous-no-reply = You sent it anonymously: it counts as feedback on the service, but you get no personal reply. You can follow what was done with the registry number and code.
report-reply-coming = The municipality will answer within the legal time limit of two months and tell you within seven days of its decision.
error-report-kind-required = Choose what you want to send
error-report-text-required = Describe what happened
error-report-text-too-long = The text must be 5000 characters or fewer
error-report-name-required = For a signal or proposal, enter your full name
error-report-reply-required = Give an email address, phone number or address so that we can reply
feedback-offer = Rate the service
feedback-title = Rate the service
feedback-sent-title = Rating sent
feedback-again = Rate another visit
feedback-lead = Choose from 1 (very poor) to 5 (excellent). Answers are anonymous unless you give a registry number.
feedback-courtesy = Courtesy of staff
feedback-clarity = Clarity of information
feedback-deadlines = Keeping deadlines
feedback-accessibility = Accessibility of services
feedback-overall = Overall
feedback-scale = { $n ->
    [1] 1 – very poor
    [2] 2 – poor
    [3] 3 – fair
    [4] 4 – good
   *[5] 5 – excellent
}
feedback-comment = Comment (optional)
feedback-comment-hint = What should we improve? Up to 2000 characters.
feedback-request-title = For a particular application (optional)
feedback-request-hint = If you give a registry number and code, the rating is linked to that application. Each application can be rated once.
feedback-submit = Send the rating
feedback-thanks = Thank you! Your rating has been recorded and will be part of the next published report.
error-feedback-rating-required = Choose a rating from 1 to 5 for each question
error-feedback-comment-too-long = The comment must be 2000 characters or fewer
error-feedback-already-given = This application has already been rated.
