-- AF Annotator project schema, version 2: transcripts get an integer key in insertion order, and
-- segments and predictions are keyed by it instead of the content-hash id (decision 0081), so that
-- their key indexes grow at the right edge during an import. The text id stays unique and is
-- what every other table, and everything outside the project, refers to.
-- Run with foreign keys off (Migrations does); it checks them before committing.

CREATE TABLE transcript_v2 (
    key         INTEGER PRIMARY KEY,
    id          TEXT NOT NULL UNIQUE,
    source      TEXT,
    format      TEXT,
    model       TEXT,
    condition   TEXT,
    setting     TEXT,
    imported_at TEXT NOT NULL,
    metadata    TEXT NOT NULL DEFAULT '{}'
);
INSERT INTO transcript_v2(key, id, source, format, model, condition, setting, imported_at, metadata)
    SELECT rowid, id, source, format, model, condition, setting, imported_at, metadata FROM transcript ORDER BY rowid;

CREATE TABLE segment_v2 (
    transcript_key INTEGER NOT NULL REFERENCES transcript(key) ON DELETE CASCADE,
    ordinal        INTEGER NOT NULL,
    kind           TEXT NOT NULL CHECK (kind IN ('SYSTEM','USER_INPUT','SCRATCHPAD','OUTPUT','OTHER')),
    text           TEXT NOT NULL,
    PRIMARY KEY (transcript_key, ordinal)
);
INSERT INTO segment_v2(transcript_key, ordinal, kind, text)
    SELECT t.key, s.ordinal, s.kind, s.text FROM segment s JOIN transcript_v2 t ON t.id = s.transcript_id
    ORDER BY t.key, s.ordinal;

CREATE TABLE prediction_v2 (
    transcript_key INTEGER NOT NULL REFERENCES transcript(key) ON DELETE CASCADE,
    classifier     TEXT NOT NULL,
    label          TEXT,
    score          REAL,
    criteria       TEXT NOT NULL DEFAULT '{}',
    quotes         TEXT NOT NULL DEFAULT '[]',
    raw            TEXT,
    PRIMARY KEY (transcript_key, classifier)
);
INSERT INTO prediction_v2(transcript_key, classifier, label, score, criteria, quotes, raw)
    SELECT t.key, p.classifier, p.label, p.score, p.criteria, p.quotes, p.raw
    FROM prediction p JOIN transcript_v2 t ON t.id = p.transcript_id ORDER BY t.key, p.classifier;

-- A span referred to its segment by (transcript_id, ordinal); segments no longer carry the text id,
-- so a span now cascades from its transcript, and the store checks the segment and the offsets
-- on every write (SpanRepository).
CREATE TABLE span_v2 (
    id             INTEGER PRIMARY KEY AUTOINCREMENT,
    transcript_id  TEXT NOT NULL REFERENCES transcript(id) ON DELETE CASCADE,
    rater_id       INTEGER NOT NULL REFERENCES rater(id) ON DELETE CASCADE,
    segment_ordinal INTEGER NOT NULL,
    start_offset   INTEGER NOT NULL,
    end_offset     INTEGER NOT NULL,
    tag            TEXT NOT NULL,
    quote          TEXT NOT NULL,
    note           TEXT NOT NULL DEFAULT '',
    CHECK (start_offset >= 0 AND end_offset > start_offset)
);
INSERT INTO span_v2(id, transcript_id, rater_id, segment_ordinal, start_offset, end_offset, tag, quote, note)
    SELECT id, transcript_id, rater_id, segment_ordinal, start_offset, end_offset, tag, quote, note FROM span ORDER BY id;
-- Span ids are never reused: carry the AUTOINCREMENT counter over, also past deleted spans.
DELETE FROM sqlite_sequence WHERE name = 'span_v2';
INSERT INTO sqlite_sequence(name, seq) SELECT 'span_v2', seq FROM sqlite_sequence WHERE name = 'span';

DROP TABLE span;
DROP TABLE prediction;
DROP TABLE segment;
DROP TABLE transcript;
ALTER TABLE transcript_v2 RENAME TO transcript;
ALTER TABLE segment_v2 RENAME TO segment;
ALTER TABLE prediction_v2 RENAME TO prediction;
ALTER TABLE span_v2 RENAME TO span;
CREATE INDEX span_by_transcript ON span(transcript_id, rater_id);
