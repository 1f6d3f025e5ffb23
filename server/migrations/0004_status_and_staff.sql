-- Staff who record events, by bearer token; only a hash of each token is kept.
CREATE TABLE staff_tokens (
    id          INTEGER PRIMARY KEY,
    name        TEXT    NOT NULL,
    token_hash  BLOB    NOT NULL UNIQUE,
    created_at  INTEGER NOT NULL,
    revoked_at  INTEGER
);

-- The reason of an extension or refusal, and the new expected date of an extension.
ALTER TABLE request_events ADD COLUMN reason TEXT;
ALTER TABLE request_events ADD COLUMN new_expected_date TEXT;
