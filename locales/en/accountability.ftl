home-task-accountability = See how satisfied citizens are and whether deadlines are kept
home-task-accountability-hint = The results published for each half-year.
accountability-title = Service report
accountability-lead = As the Client Charter promises, every half-year we publish how satisfied citizens are with the service and how many applications were completed on time. The figures are computed from the applications received and the survey answers.
accountability-loading = Loading the report…
accountability-empty = There is no data to report yet.
accountability-demo = The figures below come from demonstration history, not from real applications.
accountability-no-data = no data
accountability-percent = { $value }%
accountability-period = { $half ->
    [1] H1
   *[2] H2
} { $year }
accountability-period-column = Period
accountability-satisfaction-title = Satisfaction
accountability-satisfaction-caption = Overall rating by half-year, average from 1 to 5
accountability-satisfaction-table = Average rating per question (1 to 5) and number of answers, by half-year
accountability-answers = Answers
accountability-on-time-title = Completed on time
accountability-on-time-caption = Share of applications completed on time, by half-year
accountability-on-time-table = Completed applications and how many on time, by half-year
accountability-completed = Completed
accountability-on-time = On time
accountability-share = Share on time
accountability-reports-title = Complaints, signals, proposals and praise
accountability-reports-caption = Share answered within the legal deadline, by half-year
accountability-reports-table = Received by kind, answered, and share answered on time, by half-year
accountability-answered = Answered
accountability-answered-on-time = Share on time
