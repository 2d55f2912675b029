-- The inbox's live updates ask for each brand's newest change.
CREATE INDEX conversation_event_brand ON conversation_event (brand_id, created_at DESC);
