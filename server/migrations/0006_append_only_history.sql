-- The history of a request is append-only: the database itself refuses to change or delete it.
CREATE TRIGGER request_events_no_update BEFORE UPDATE ON request_events
BEGIN
    SELECT RAISE(ABORT, 'request history is append-only');
END;

CREATE TRIGGER request_events_no_delete BEFORE DELETE ON request_events
BEGIN
    SELECT RAISE(ABORT, 'request history is append-only');
END;
