-- Labels a team puts on conversations ("vip", "outage-nov"), for filters and bulk work.
ALTER TABLE conversation ADD COLUMN labels text[] NOT NULL DEFAULT '{}';
CREATE INDEX conversation_labels ON conversation USING gin (labels);
