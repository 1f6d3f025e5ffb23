-- Municipalities and their imported Client Charters.
CREATE TABLE municipalities (
    id            INTEGER PRIMARY KEY,
    slug          TEXT    NOT NULL UNIQUE,
    name_bg       TEXT    NOT NULL,
    name_en       TEXT,
    -- The editable profile as loaded from its TOML file, kept as JSON.
    profile       TEXT    NOT NULL,
    demo          INTEGER NOT NULL DEFAULT 0,
    position      INTEGER NOT NULL DEFAULT 0,
    created_at    TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now')),
    updated_at    TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE TABLE charter_imports (
    municipality_id INTEGER PRIMARY KEY REFERENCES municipalities(id) ON DELETE CASCADE,
    source_name     TEXT    NOT NULL,
    title           TEXT,
    imported_at     TEXT    NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE TABLE charter_sections (
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    id              TEXT    NOT NULL,
    position        INTEGER NOT NULL,
    numeral         TEXT,
    title           TEXT    NOT NULL,
    role            TEXT    NOT NULL,
    PRIMARY KEY (municipality_id, id)
);

CREATE TABLE charter_subsections (
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    id              TEXT    NOT NULL,
    section_id      TEXT    NOT NULL,
    position        INTEGER NOT NULL,
    number          INTEGER,
    title           TEXT    NOT NULL,
    PRIMARY KEY (municipality_id, id),
    FOREIGN KEY (municipality_id, section_id) REFERENCES charter_sections(municipality_id, id) ON DELETE CASCADE
);

-- A block belongs to a section, or to a subsection when subsection_id is set.
-- body is the block as JSON (paragraph, list or contacts) in Bulgarian, with **emphasis** marks.
CREATE TABLE charter_blocks (
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    section_id      TEXT    NOT NULL,
    subsection_id   TEXT,
    position        INTEGER NOT NULL,
    body            TEXT    NOT NULL,
    FOREIGN KEY (municipality_id, section_id) REFERENCES charter_sections(municipality_id, id) ON DELETE CASCADE
);
CREATE INDEX charter_blocks_owner ON charter_blocks (municipality_id, section_id, subsection_id, position);

-- Translations of charter texts, keyed by stable ids (`ii.title`, `ii-3.b0.i2`).
CREATE TABLE charter_translations (
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    lang            TEXT    NOT NULL,
    key             TEXT    NOT NULL,
    text            TEXT    NOT NULL,
    PRIMARY KEY (municipality_id, lang, key)
);
