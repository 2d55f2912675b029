-- The inbox's "topic/promise/policy" and "needs review" filters read the latest customer
-- message's reading from the conversation row (no index: they narrow an index walk in
-- risk order, and an index on a column every message updates would slow ingest).
ALTER TABLE conversation
    ADD COLUMN latest_topics text[] NOT NULL DEFAULT '{}',
    ADD COLUMN latest_review boolean NOT NULL DEFAULT false;

-- When each agent last read each conversation: the inbox's unread marker.
CREATE TABLE conversation_read (
    user_id         uuid        NOT NULL,
    conversation_id uuid        NOT NULL REFERENCES conversation (id),
    brand_id        uuid        NOT NULL,
    read_at         timestamptz NOT NULL,
    PRIMARY KEY (user_id, conversation_id)
);
