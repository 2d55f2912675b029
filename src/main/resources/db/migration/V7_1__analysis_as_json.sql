-- The analysis is written once per message and read whole: stored as json (text, checked on
-- the way in) it costs a fraction of jsonb to write, which ingest does tens of thousands of
-- times a second. Its fields are still readable with -> and ->>.
ALTER TABLE message ALTER COLUMN analysis TYPE json USING analysis::json;
