-- "Needs review" is a small share of conversations: a partial index in risk order holds only them.
CREATE INDEX conversation_inbox_review ON conversation (brand_id, risk DESC, id DESC) WHERE latest_review;
