-- Search finds conversations: one document of words per conversation (its messages' texts and
-- authors' names, without positions), so a common word matches each conversation once instead of
-- once per message. The background indexer rebuilds it from the first message.
CREATE TABLE conversation_search (
    conversation_id uuid     PRIMARY KEY REFERENCES conversation (id),
    brand_id        uuid     NOT NULL,
    words           tsvector NOT NULL
);
CREATE INDEX conversation_search_words ON conversation_search USING gin (words);
DROP TABLE message_search;
UPDATE search_progress SET last_seq = 0 WHERE id = 1;
