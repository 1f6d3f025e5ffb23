-- Complaints, signals, proposals and praise are requests too: one registry, one status check.
-- kind is 'service' or the report's kind; synthetic marks demonstration history.
ALTER TABLE requests ADD COLUMN kind TEXT NOT NULL DEFAULT 'service';
ALTER TABLE requests ADD COLUMN synthetic INTEGER NOT NULL DEFAULT 0;
CREATE INDEX requests_municipality_time ON requests (municipality_id, submitted_at);

-- Satisfaction survey answers (1–5 per charter standard), optionally tied to one request.
CREATE TABLE feedback (
    id              INTEGER PRIMARY KEY,
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id),
    submitted_at    INTEGER NOT NULL,
    courtesy        INTEGER NOT NULL CHECK (courtesy BETWEEN 1 AND 5),
    clarity         INTEGER NOT NULL CHECK (clarity BETWEEN 1 AND 5),
    deadlines       INTEGER NOT NULL CHECK (deadlines BETWEEN 1 AND 5),
    accessibility   INTEGER NOT NULL CHECK (accessibility BETWEEN 1 AND 5),
    overall         INTEGER NOT NULL CHECK (overall BETWEEN 1 AND 5),
    comment         TEXT,
    -- At most one answer per request.
    request_id      INTEGER UNIQUE REFERENCES requests(id),
    synthetic       INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX feedback_municipality_time ON feedback (municipality_id, submitted_at);
