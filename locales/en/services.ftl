home-task-services = Find an administrative service
home-task-services-hint = What it costs, how long it takes and which documents you need.
services-title = Administrative services
services-loading = Loading the services…
services-lead = Find the service you need and see what it costs, how long it takes and what to prepare.
services-search-label = Search for a service
services-search-hint = For example “heirs” or “sketch”. You can also type in Bulgarian.
services-search-button = Search
services-categories = Categories
services-all-categories = All services
services-results = Services
services-count = { $count ->
    [0] No services found
    [one] 1 service found
   *[other] { $count } services found
}
services-none = No service matches your search. Check the spelling or choose a category.
services-nearest-title = Perhaps you are looking for
services-none-categories = Browse the services by category
services-none-phone = Cannot find the service? Call the counter:
services-fee-from = Fee from { $fee }
service-loading = Loading the service…
service-back = Back to all services
service-department = Responsible department
service-fees-title = Deadlines and fees
service-fees-caption = Deadlines and fees by type of service
service-fees-tier = Type of service
service-fees-deadline = Deadline
service-fees-fee = Fee
service-documents-title = Documents you need
service-questions-title = What we will ask you
service-questions-lead = Besides your contact details, the application asks:
service-question-optional = optional
service-result-title = How you receive the result
service-how-title = How to apply
service-legal-title = Legal basis
tier-ordinary = Ordinary
tier-fast = Fast
tier-express = Express
delivery-counter = At the municipality's counter
delivery-post = By licensed postal operator to an address you give
delivery-email = By e-mail
deadline-hours = { $n ->
    [one] { $n } hour
   *[other] { $n } hours
}
deadline-calendar-days = { $n ->
    [one] { $n } calendar day
   *[other] { $n } calendar days
}
deadline-working-days = { $n ->
    [one] { $n } working day
   *[other] { $n } working days
}
deadline-months = { $n ->
    [one] { $n } month
   *[other] { $n } months
}
field-kind-text = text
field-kind-number = number
field-kind-date = date
field-kind-single-choice = choose one
field-kind-multiple-choice = choose one or more
field-kind-yes-no = yes or no
error-service-not-found = There is no service with this code in this municipality.
error-category-not-found = There is no such category of services.
error-query-too-long = The search text is too long. Shorten it to 200 characters.
