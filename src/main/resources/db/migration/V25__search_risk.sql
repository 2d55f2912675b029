-- A search shows the riskiest conversations first: each search document keeps the risk its
-- conversation had when the indexer last wrote it. Only a new message changes a conversation's
-- risk, and the indexer rewrites the document for every new message, so the copy is exact for
-- every conversation without messages the indexer has not reached yet.
ALTER TABLE conversation_search ADD COLUMN risk integer NOT NULL DEFAULT 0;
UPDATE conversation_search cs SET risk = c.risk FROM conversation c WHERE c.id = cs.conversation_id;
