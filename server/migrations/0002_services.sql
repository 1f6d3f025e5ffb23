-- Service catalogues: categories and services, each service's definition kept as JSON
-- as loaded from the municipality's catalogue file, with a folded search column.
CREATE TABLE service_categories (
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    id              TEXT    NOT NULL,
    position        INTEGER NOT NULL,
    definition      TEXT    NOT NULL,
    PRIMARY KEY (municipality_id, id)
);

CREATE TABLE services (
    municipality_id INTEGER NOT NULL REFERENCES municipalities(id) ON DELETE CASCADE,
    code            TEXT    NOT NULL,
    category_id     TEXT    NOT NULL,
    position        INTEGER NOT NULL,
    -- Lower-cased, transliterated and folded name, summary, description and code (see search.rs).
    search          TEXT    NOT NULL,
    definition      TEXT    NOT NULL,
    PRIMARY KEY (municipality_id, code),
    FOREIGN KEY (municipality_id, category_id) REFERENCES service_categories(municipality_id, id)
);
