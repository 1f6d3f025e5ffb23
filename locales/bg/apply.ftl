form-back = Назад
form-continue = Продължете
form-yes = Да
form-no = Не
form-error-summary-title = Има проблем
form-error-prefix = Грешка:
form-title-error-prefix = Грешка:{" "}
date-long = { $day }.{ $month ->
    [1] 01
    [2] 02
    [3] 03
    [4] 04
    [5] 05
    [6] 06
    [7] 07
    [8] 08
    [9] 09
   *[other] { $month }
}.{ $year } г.
apply-start = Започнете
apply-restored = Възстановихме отговорите, които въведохте преди. Проверете ги и продължете.
apply-start-again = Започнете отначало
apply-applicant-title = Данни за заявителя
apply-applicant-kind = Подавате заявлението като
apply-kind-person = Физическо лице
apply-kind-company = Юридическо лице (фирма или организация)
apply-person-name = Име, презиме и фамилия
apply-personal-number = ЕГН или ЛНЧ
apply-personal-number-hint = 10 цифри, например 8032056031
apply-company-name = Наименование на фирмата или организацията
apply-eik = ЕИК или БУЛСТАТ
apply-eik-hint = 9 или 13 цифри
apply-representative = Име на представителя
apply-representative-hint = Лицето, което представлява фирмата или е упълномощено от нея
apply-contact-title = Как да се свържем с вас
apply-contact-lead = Посочете поне едно от двете. Ще ги използваме само за това заявление.
apply-email = Електронна поща
apply-phone = Телефон
apply-phone-hint = Например 0888 123 456
apply-questions-title = Въпроси за услугата
apply-tier-title = Вид на услугата
apply-tier-legend = Колко бързо ви е нужен резултатът
apply-tier-lead = Колкото по-бърза е услугата, толкова по-висока е таксата.
apply-tier-option = { $tier } – { $fee }
apply-tier-hint = Срок: { $deadline }. Очаквана дата: { $date }
apply-delivery-title = Получаване на резултата
apply-delivery-legend = Как искате да получите резултата
apply-address = Пощенски адрес
apply-address-hint = Град или село, пощенски код, улица и номер
apply-delivery-email = Електронна поща за получаване
apply-consent-title = Съгласие за обработване на лични данни
apply-consent-lead = За да изпълни услугата, общината обработва личните данни от заявлението:
apply-consent-what = ще използваме името, ЕГН, ЛНЧ или ЕИК и данните за контакт, които посочихте;
apply-consent-why = само за да изпълним услугата и да се свържем с вас за нея;
apply-consent-keep = ще ги пазим толкова, колкото изисква законът за съхраняване на документите.
apply-consent-privacy-link = Прочетете как обработваме личните данни
apply-consent-label = Съгласен съм личните ми данни да бъдат обработвани за тази услуга
apply-consent-given = Дадено
apply-check-title = Проверете отговорите си
apply-not-answered = Няма отговор
apply-change = Промяна
apply-submit-title = Изпращане на заявлението
apply-submit-lead = С изпращането потвърждавате, че данните са верни.
apply-submit = Изпратете заявлението
apply-submitting = Изпращане…
apply-submit-retry = Опитайте да изпратите отново
apply-submit-failed = Заявлението не беше изпратено
apply-submit-kept = Отговорите ви са запазени. Когато връзката се възстанови, опитайте отново – заявлението няма да бъде подадено два пъти.
apply-confirmation-title = Заявлението е подадено
apply-confirmation-number = Вашият входящ номер е
apply-confirmation-missing-title = Няма подадено заявление
apply-confirmation-missing = В този раздел на браузъра няма подадено заявление за тази услуга.
apply-access-code = Код за достъп
apply-access-code-keep = Запишете входящия номер и кода за достъп. С тях можете да проверите докъде е стигнало заявлението ви. Кодът не се показва отново.
apply-expected = Очаквана дата на изпълнение
apply-expected-with-time = { $date }, { $time } ч.
apply-next-title = Какво следва
apply-next-registered = Заявлението е заведено в деловодството на общината с входящия номер по-горе.
apply-next-fee = Таксата се плаща на гишето в общината или по банков път, преди да получите резултата.
apply-next-extension = Ако срокът трябва да бъде удължен, общината ще ви уведоми и ще посочи причината.
apply-print = Отпечатване или запазване като PDF
error-answer-required = Отговорете на въпроса „{ $label }“
error-answer-too-long = Отговорът на „{ $label }“ е твърде дълъг
error-answer-number-range = Отговорът на „{ $label }“ е извън допустимите стойности
error-answer-number-invalid = Въведете число в „{ $label }“, например 2
error-answer-date-invalid = Въведете дата в „{ $label }“
error-answer-date-future = Датата в „{ $label }“ не може да е в бъдещето
error-answer-choices-count = Изберете допустимия брой отговори в „{ $label }“
error-answer-invalid = Проверете отговора на „{ $label }“
error-applicant-kind-required = Изберете дали подавате като физическо или като юридическо лице
error-applicant-name-required = Въведете име
error-applicant-name-too-long = Името трябва да е до 150 знака
error-personal-number-required = Въведете ЕГН или ЛНЧ
error-personal-number-length = ЕГН или ЛНЧ трябва да е точно 10 цифри
error-personal-number-digits = ЕГН или ЛНЧ трябва да съдържа само цифри
error-personal-number-date = Проверете ЕГН – датата на раждане в него не съществува
error-personal-number-checksum = Проверете ЕГН или ЛНЧ – някоя от цифрите е грешна
error-eik-required = Въведете ЕИК или БУЛСТАТ
error-eik-length = ЕИК трябва да е 9 или 13 цифри
error-eik-digits = ЕИК трябва да съдържа само цифри
error-eik-checksum = Проверете ЕИК – някоя от цифрите е грешна
error-representative-required = Въведете името на представителя
error-representative-too-long = Името на представителя трябва да е до 150 знака
error-contact-required = Въведете електронна поща или телефон
error-email-invalid = Въведете електронна поща във вида ime@primer.bg
error-phone-invalid = Въведете телефон с 6 до 15 цифри, например 0888 123 456
error-tier-required = Изберете вид на услугата
error-delivery-required = Изберете как искате да получите резултата
error-address-required = Въведете пощенски адрес
error-address-too-long = Адресът трябва да е до 300 знака
error-delivery-email-required = Въведете електронна поща, на която да получите резултата
error-consent-required = За да подадете заявлението, трябва да дадете съгласие за обработване на личните данни
error-field-invalid = Проверете този отговор
