-- Ingest writes a brand's messages as fast as one core of PostgreSQL allows, so every index on a
-- hot table must earn its keep:
-- * conversations are found by their thread key; the latest of a key is picked among its few
--   rows. Without last_message_at in any index, updating it is a HOT update (no index writes).
-- * messages by time use a BRIN index: nearly free to maintain, as messages arrive roughly in
--   time order.
-- * room on each page for HOT updates of the rows ingest changes again and again.
DROP INDEX conversation_thread;
DROP INDEX conversation_brand_recent;
CREATE INDEX conversation_thread ON conversation (brand_id, customer_id, channel_id, visibility);
ALTER TABLE conversation SET (fillfactor = 80);
ALTER TABLE customer SET (fillfactor = 85);
ALTER TABLE customer_identity SET (fillfactor = 85);

DROP INDEX message_brand_created;
CREATE INDEX message_created_brin ON message USING brin (created_at);
DROP INDEX customer_brand;

-- rows ingest updates again and again: vacuum them sooner than PostgreSQL's default 20% of dead rows
ALTER TABLE conversation SET (autovacuum_vacuum_scale_factor = 0.05, autovacuum_analyze_scale_factor = 0.05);
ALTER TABLE customer SET (autovacuum_vacuum_scale_factor = 0.05, autovacuum_analyze_scale_factor = 0.05);
ALTER TABLE customer_identity SET (autovacuum_vacuum_scale_factor = 0.05, autovacuum_analyze_scale_factor = 0.05);
