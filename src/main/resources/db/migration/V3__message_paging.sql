-- Pages of a brand's messages in the order they were stored (see ConversationQueries.messages).
CREATE INDEX message_brand_seq ON message (brand_id, seq);
