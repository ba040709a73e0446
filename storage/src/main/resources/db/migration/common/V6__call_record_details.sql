-- The VTO's own calls (issue 13): each call record says its call id (as in its call/<id>/… events), when it
-- ended, why (the reason text) and whether a snapshot of the visitor was kept. Rows from before this version
-- ended when their talk did. The outcome column (VARCHAR(10)) takes the new 'refused' as it is.
ALTER TABLE call_record ADD COLUMN call_id VARCHAR(64) NOT NULL DEFAULT '';
ALTER TABLE call_record ADD COLUMN ended BIGINT NOT NULL DEFAULT 0;
ALTER TABLE call_record ADD COLUMN reason VARCHAR(200) NOT NULL DEFAULT '';
ALTER TABLE call_record ADD COLUMN snapshot BOOLEAN NOT NULL DEFAULT FALSE;
UPDATE call_record SET ended = at + talk_ms;

-- The JPEG taken when a call rang, one per call record, deleted with its record (retention prunes records).
-- Apart from the records so that searching and exporting them never reads the pictures.
CREATE TABLE call_snapshot (
    record_id BIGINT PRIMARY KEY REFERENCES call_record (id) ON DELETE CASCADE,
    jpeg      ${blob} NOT NULL
);
