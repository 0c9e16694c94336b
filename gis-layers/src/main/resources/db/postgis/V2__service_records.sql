-- Sink Atlas store schema, version 2: service records (API keys, reported target figures, audit entries),
-- only ever appended.

CREATE TABLE sa_records (
    id      bigserial PRIMARY KEY,
    kind    text NOT NULL,
    body    jsonb NOT NULL,
    author  text,
    at      timestamptz NOT NULL
);

CREATE INDEX sa_records_kind ON sa_records (kind, id);
