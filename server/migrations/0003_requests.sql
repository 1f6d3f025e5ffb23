-- Requests for services. Registry numbers are per municipality and year, without gaps.
CREATE TABLE registry_counters (
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    year            INTEGER NOT NULL,
    last            INTEGER NOT NULL,
    PRIMARY KEY (municipality_id, year)
);

CREATE TABLE requests (
    id               INTEGER PRIMARY KEY,
    municipality_id  INTEGER NOT NULL REFERENCES municipalities(id),
    registry_number  TEXT    NOT NULL UNIQUE,
    service_code     TEXT    NOT NULL,
    tier             TEXT    NOT NULL,
    fee_cents        INTEGER NOT NULL,
    submitted_at     INTEGER NOT NULL,
    expected_date    TEXT    NOT NULL,
    expected_time    TEXT,
    -- argon2id PHC string; the code itself is never stored.
    access_code_hash TEXT    NOT NULL,
    -- The request as submitted (JSON): it holds personal data and is never logged.
    body             TEXT    NOT NULL,
    status           TEXT    NOT NULL DEFAULT 'registered'
);

-- The append-only history of a request.
CREATE TABLE request_events (
    id          INTEGER PRIMARY KEY,
    request_id  INTEGER NOT NULL REFERENCES requests(id),
    at          INTEGER NOT NULL,
    kind        TEXT    NOT NULL,
    actor       TEXT    NOT NULL,
    note        TEXT
);
CREATE INDEX request_events_request ON request_events (request_id, id);

-- Exactly-once submission: only a hash of the Idempotency-Key is kept, and the first answer
-- (which holds the access code) is kept encrypted under a key derived from the Idempotency-Key.
CREATE TABLE idempotency_keys (
    key_hash     BLOB    PRIMARY KEY,
    body_hash    BLOB    NOT NULL,
    request_id   INTEGER NOT NULL REFERENCES requests(id),
    nonce        BLOB    NOT NULL,
    response     BLOB    NOT NULL,
    created_at   INTEGER NOT NULL
);
