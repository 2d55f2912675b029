-- The inbox's first page for each common filter walks an index in risk order and stops after a
-- page: ties of risk are broken by the conversation id (newest conversation first), which never
-- changes, so an update that keeps risk and labels stays a HOT update.
DROP INDEX conversation_inbox_risk;
CREATE INDEX conversation_inbox_risk ON conversation (brand_id, status, risk DESC, id DESC);
CREATE INDEX conversation_inbox_sentiment ON conversation (brand_id, latest_sentiment, risk DESC, id DESC);
CREATE INDEX conversation_inbox_intent ON conversation (brand_id, latest_intent, risk DESC, id DESC);
CREATE INDEX conversation_inbox_urgency ON conversation (brand_id, latest_urgency, risk DESC, id DESC);
-- search: "does this conversation have a message with these words", probed in risk order
CREATE INDEX message_search_conversation ON message_search (conversation_id);
