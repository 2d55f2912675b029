-- When a customer was last seen follows from their conversations (conversation.last_message_at);
-- keeping a copy on the customer cost an update per customer on every ingested batch.
ALTER TABLE customer DROP COLUMN last_seen_at;
CREATE INDEX conversation_customer ON conversation (customer_id);
