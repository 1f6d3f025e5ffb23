home-task-services = Намерете административна услуга
home-task-services-hint = Какво струва, колко време отнема и какви документи са нужни.
services-title = Административни услуги
services-loading = Зареждане на услугите…
services-lead = Намерете услугата, от която имате нужда, и вижте какво струва, колко време отнема и какво да подготвите.
services-search-label = Търсене на услуга
services-search-hint = Например „наследници“ или „скица“. Можете да пишете и на латиница.
services-search-button = Търсене
services-categories = Категории
services-all-categories = Всички услуги
services-results = Услуги
services-count = { $count ->
    [0] Няма намерени услуги
    [one] Намерена е 1 услуга
   *[other] Намерени са { $count } услуги
}
services-none = Няма услуга, която да отговаря на търсенето. Проверете как е изписана думата или изберете категория.
services-nearest-title = Може би търсите
services-none-categories = Разгледайте услугите по категории
services-none-phone = Не намирате услугата? Обадете се на гишето:
services-fee-from = Такса от { $fee }
service-loading = Зареждане на услугата…
service-back = Обратно към всички услуги
service-department = Отговорно звено
service-fees-title = Срокове и такси
service-fees-caption = Сроковете и таксите според вида на услугата
service-fees-tier = Вид на услугата
service-fees-deadline = Срок
service-fees-fee = Такса
service-documents-title = Необходими документи
service-questions-title = Какво ще ви попитаме
service-questions-lead = Освен данните ви за контакт, в заявлението ще ви попитаме:
service-question-optional = по желание
service-result-title = Как ще получите резултата
service-how-title = Как да заявите услугата
service-legal-title = Нормативно основание
tier-ordinary = Обикновена
tier-fast = Бърза
tier-express = Експресна
delivery-counter = На гишето в общината
delivery-post = С лицензиран пощенски оператор на посочен от вас адрес
delivery-email = По електронна поща
deadline-hours = { $n ->
    [one] { $n } час
   *[other] { $n } часа
}
deadline-calendar-days = { $n ->
    [one] { $n } календарен ден
   *[other] { $n } календарни дни
}
deadline-working-days = { $n ->
    [one] { $n } работен ден
   *[other] { $n } работни дни
}
deadline-months = { $n ->
    [one] { $n } месец
   *[other] { $n } месеца
}
field-kind-text = текст
field-kind-number = число
field-kind-date = дата
field-kind-single-choice = избор на един отговор
field-kind-multiple-choice = избор на един или повече отговори
field-kind-yes-no = да или не
error-service-not-found = Няма услуга с такъв код в тази община.
error-category-not-found = Няма такава категория услуги.
error-query-too-long = Текстът за търсене е твърде дълъг. Съкратете го до 200 знака.
