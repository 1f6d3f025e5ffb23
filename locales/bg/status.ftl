home-task-status = Проверете докъде е стигнало заявлението ви
home-task-status-hint = С входящия номер и кода за достъп, които получихте при подаването.
apply-check-status-link = Проверете докъде е стигнало заявлението
status-title = Проверка по входящ номер
status-lead = Въведете входящия номер и кода за достъп, които получихте, когато подадохте заявлението, жалбата, сигнала или предложението си.
status-number = Входящ номер
status-number-hint = Например RDM-2026-000042
status-code = Код за достъп
status-code-hint = 10 знака, например ABCDE-12345. Малките и главните букви не се различават.
status-check = Проверете
status-checking = Проверка…
status-not-found = Не намерихме заявление или сигнал с този входящ номер и код за достъп. Проверете ги и опитайте отново.
status-result-title = { $kind ->
    [complaint] Жалба
    [signal] Сигнал
    [proposal] Предложение
    [praise] Похвала
   *[other] Заявление
} { $number }
status-service = Услуга
status-action-title = Какво трябва да направите сега
status-action-wait = Нищо. Общината работи по { $kind ->
    [complaint] жалбата
    [signal] сигнала
    [proposal] предложението
    [praise] похвалата
   *[other] заявлението
} ви. Ако срокът бъде удължен, ще видите причината тук.
status-action-more-information = Общината има нужда от още информация или документи от вас. Вижте бележката в историята по-долу.
status-action-collect = Резултатът е готов. Получете го на гишето в общината, като носите документ за самоличност.
status-action-sent = Резултатът е готов и ще ви бъде изпратен по начина, който избрахте.
status-action-refused = { $kind ->
    [complaint] Жалбата е отхвърлена
    [signal] Сигналът е отхвърлен
    [proposal] Предложението е отхвърлено
    [praise] Похвалата е отхвърлена
   *[other] Заявлението е отказано
}. Причината е посочена в историята по-долу. Можете да обжалвате отказа по реда на Административнопроцесуалния кодекс.
status-timeline = { $kind ->
    [complaint] История на жалбата
    [signal] История на сигнала
    [proposal] История на предложението
    [praise] История на похвалата
   *[other] История на заявлението
}
status-event-new-date = Нова очаквана дата: { $date }
status-event-reason = Причина
status-registered = Заведено
status-in-progress = В процес на изпълнение
status-more-information-needed = Нужна е още информация
status-ready = Готово
status-completed = Приключено
status-refused = Отказано
event-registered = { $kind ->
    [complaint] Жалбата е заведена
    [signal] Сигналът е заведен
    [proposal] Предложението е заведено
    [praise] Похвалата е заведена
   *[other] Заявлението е заведено
}
event-in-progress = Работата по { $kind ->
    [complaint] жалбата
    [signal] сигнала
    [proposal] предложението
    [praise] похвалата
   *[other] заявлението
} започна
event-more-information-needed = Нужна е още информация от вас
event-deadline-extended = Срокът е удължен
event-ready = Резултатът е готов
event-completed = { $kind ->
    [complaint] Жалбата е разгледана
    [signal] Сигналът е разгледан
    [proposal] Предложението е разгледано
    [praise] Похвалата е разгледана
   *[other] Заявлението е приключено
}
event-refused = { $kind ->
    [complaint] Жалбата е отхвърлена
    [signal] Сигналът е отхвърлен
    [proposal] Предложението е отхвърлено
    [praise] Похвалата е отхвърлена
   *[other] Заявлението е отказано
}
event-note = Бележка от общината
error-registry-number-invalid = Въведете входящ номер във вида RDM-2026-000042
error-access-code-invalid = Въведете код за достъп от 10 знака, например ABCDE-12345
error-rate-limited = Твърде много опити. Опитайте отново след { $minutes ->
    [one] 1 минута
   *[other] { $minutes } минути
}.
