home-task-status = Check how far your application has got
home-task-status-hint = With the registry number and access code you received when you applied.
apply-check-status-link = Check how far the application has got
status-title = Check by registry number
status-lead = Enter the registry number and access code you received when you sent your application, complaint, signal or proposal.
status-number = Registry number
status-number-hint = For example RDM-2026-000042
status-code = Access code
status-code-hint = 10 characters, for example ABCDE-12345. Upper and lower case are the same.
status-check = Check
status-checking = Checking…
status-not-found = We could not find an application or report with this registry number and access code. Check them and try again.
status-result-title = { $kind ->
    [complaint] Complaint
    [signal] Signal
    [proposal] Proposal
    [praise] Praise
   *[other] Application
} { $number }
status-service = Service
status-action-title = What you need to do now
status-action-wait = Nothing. The municipality is working on your { $kind ->
    [complaint] complaint
    [signal] signal
    [proposal] proposal
    [praise] praise
   *[other] application
}. If the deadline is extended, you will see the reason here.
status-action-more-information = The municipality needs more information or documents from you. See the note in the history below.
status-action-collect = The result is ready. Collect it at the municipality's counter, bringing an identity document.
status-action-sent = The result is ready and will be sent to you the way you chose.
status-action-refused = { $kind ->
    [complaint] The complaint has been rejected
    [signal] The signal has been rejected
    [proposal] The proposal has been rejected
    [praise] The praise has been rejected
   *[other] The application has been refused
}. The reason is given in the history below. You can appeal the refusal under the Administrative Procedure Code.
status-timeline = { $kind ->
    [complaint] History of the complaint
    [signal] History of the signal
    [proposal] History of the proposal
    [praise] History of the praise
   *[other] History of the application
}
status-event-new-date = New expected date: { $date }
status-event-reason = Reason
status-registered = Registered
status-in-progress = In progress
status-more-information-needed = More information needed
status-ready = Ready
status-completed = Completed
status-refused = Refused
event-registered = { $kind ->
    [complaint] The complaint was registered
    [signal] The signal was registered
    [proposal] The proposal was registered
    [praise] The praise was registered
   *[other] The application was registered
}
event-in-progress = Work on the { $kind ->
    [complaint] complaint
    [signal] signal
    [proposal] proposal
    [praise] praise
   *[other] application
} started
event-more-information-needed = More information is needed from you
event-deadline-extended = The deadline was extended
event-ready = The result is ready
event-completed = { $kind ->
    [complaint] The complaint was dealt with
    [signal] The signal was dealt with
    [proposal] The proposal was dealt with
    [praise] The praise was dealt with
   *[other] The application was completed
}
event-refused = { $kind ->
    [complaint] The complaint was rejected
    [signal] The signal was rejected
    [proposal] The proposal was rejected
    [praise] The praise was rejected
   *[other] The application was refused
}
event-note = A note from the municipality
error-registry-number-invalid = Enter a registry number like RDM-2026-000042
error-access-code-invalid = Enter an access code of 10 characters, like ABCDE-12345
error-rate-limited = Too many attempts. Try again in { $minutes ->
    [one] 1 minute
   *[other] { $minutes } minutes
}.
