home-task-accountability = Вижте колко доволни са гражданите и спазват ли се сроковете
home-task-accountability-hint = Публикуваните резултати за всяко полугодие.
accountability-title = Отчет за обслужването
accountability-lead = Както обещава Хартата на клиента, всяко полугодие публикуваме колко доволни са гражданите от обслужването и колко от заявленията са изпълнени в срок. Числата се изчисляват от подадените заявления и отговорите на анкетата.
accountability-loading = Зареждане на отчета…
accountability-empty = Все още няма данни за отчет.
accountability-demo = Числата по-долу са от демонстрационна история, а не от истински заявления.
accountability-no-data = няма данни
accountability-percent = { $value } %
accountability-period = { $half ->
    [1] I полугодие
   *[2] II полугодие
} на { $year } г.
accountability-period-column = Период
accountability-satisfaction-title = Удовлетвореност
accountability-satisfaction-caption = Цялостна оценка по полугодия, средно от 1 до 5
accountability-satisfaction-table = Средна оценка по въпроси (от 1 до 5) и брой отговори по полугодия
accountability-answers = Отговори
accountability-on-time-title = Изпълнени в срок
accountability-on-time-caption = Дял на изпълнените в срок заявления по полугодия
accountability-on-time-table = Изпълнени заявления и колко от тях в срок, по полугодия
accountability-completed = Изпълнени
accountability-on-time = В срок
accountability-share = Дял в срок
accountability-reports-title = Жалби, сигнали, предложения и похвали
accountability-reports-caption = Дял на отговорените в законовия срок по полугодия
accountability-reports-table = Получени по вид, отговорени и дял на отговорените в срок, по полугодия
accountability-answered = Отговорени
accountability-answered-on-time = Дял в срок
