-- Working conversations: risk, assignment, snoozing, response clocks; notes, the event log,
-- and the outbox of replies.

ALTER TABLE conversation
    ADD COLUMN risk            smallint    NOT NULL DEFAULT 0,
    ADD COLUMN assignee_id     uuid,
    ADD COLUMN snoozed_until   timestamptz,
    -- the oldest customer message not yet answered: the response clock runs from it
    ADD COLUMN awaiting_since  timestamptz,
    ADD COLUMN first_reply_at  timestamptz,
    ADD COLUMN last_reply_at   timestamptz,
    -- what the latest customer message says, for the inbox's filters
    ADD COLUMN latest_sentiment text,
    ADD COLUMN latest_intent    text,
    ADD COLUMN latest_urgency   text;

-- what existing conversations would have had
UPDATE conversation c SET
    risk = COALESCE((SELECT max((m.analysis -> 'risk' ->> 'score')::int) FROM message m
                     WHERE m.conversation_id = c.id AND m.direction = 'inbound'), 0),
    awaiting_since = (SELECT min(m.created_at) FROM message m
                      WHERE m.conversation_id = c.id AND m.direction = 'inbound');
UPDATE conversation c SET
    latest_sentiment = l.analysis -> 'sentiment' ->> 'label',
    latest_intent = l.analysis -> 'intent' ->> 'label',
    latest_urgency = l.analysis -> 'urgency' ->> 'level'
FROM (SELECT DISTINCT ON (conversation_id) conversation_id, analysis FROM message
      WHERE direction = 'inbound' AND analysis IS NOT NULL AND (analysis ->> 'analysed')::boolean
      ORDER BY conversation_id, created_at DESC) l
WHERE l.conversation_id = c.id;

-- no index holds last_message_at, which every new message changes: those updates stay HOT
CREATE INDEX conversation_inbox_risk ON conversation (brand_id, status, risk DESC);
CREATE INDEX conversation_inbox_assignee ON conversation (brand_id, assignee_id, status);

-- The inbox's search. Customers by handle; the words of messages in a table of their own that
-- a background indexer fills in order of message.seq (search_progress), so ingest does not pay
-- for the full-text index; messages past the indexer's position are searched directly.
CREATE INDEX customer_identity_key ON customer_identity (brand_id, identity_key);
CREATE TABLE message_search (
    message_id      uuid     PRIMARY KEY,
    brand_id        uuid     NOT NULL,
    conversation_id uuid     NOT NULL,
    words           tsvector NOT NULL
);
CREATE INDEX message_search_words ON message_search USING gin (words);
CREATE TABLE search_progress (
    id       integer PRIMARY KEY CHECK (id = 1),
    last_seq bigint  NOT NULL
);
INSERT INTO search_progress VALUES (1, 0);

CREATE TABLE conversation_note (
    id              uuid PRIMARY KEY,
    organisation_id uuid        NOT NULL,
    brand_id        uuid        NOT NULL,
    conversation_id uuid        NOT NULL REFERENCES conversation (id),
    author_id       uuid        NOT NULL,
    text            text        NOT NULL CHECK (length(text) BETWEEN 1 AND 10000),
    mentions        uuid[]      NOT NULL DEFAULT '{}',
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX conversation_note_conversation ON conversation_note (conversation_id, created_at);

CREATE TABLE conversation_event (
    id              uuid PRIMARY KEY,
    organisation_id uuid        NOT NULL,
    brand_id        uuid        NOT NULL,
    conversation_id uuid        NOT NULL REFERENCES conversation (id),
    kind            text        NOT NULL,
    actor_id        uuid,
    detail          jsonb       NOT NULL DEFAULT '{}',
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX conversation_event_conversation ON conversation_event (conversation_id, created_at);

-- A reply is written here in the same transaction as its message and the conversation's
-- change, then delivered by the channel's connector; nothing is lost between the two.
CREATE TABLE outbox (
    id              uuid PRIMARY KEY,
    organisation_id uuid        NOT NULL,
    brand_id        uuid        NOT NULL,
    conversation_id uuid        NOT NULL REFERENCES conversation (id),
    message_id      uuid        NOT NULL REFERENCES message (id),
    author_id       uuid,
    connector       text        NOT NULL,
    state           text        NOT NULL CHECK (state IN ('queued', 'sending', 'sent', 'failed', 'manual')),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL DEFAULT now(),
    last_error      text,
    coach           jsonb       NOT NULL DEFAULT '{}',
    created_at      timestamptz NOT NULL DEFAULT now(),
    sent_at         timestamptz
);
CREATE INDEX outbox_due ON outbox (next_attempt_at) WHERE state = 'queued';
CREATE INDEX outbox_conversation ON outbox (conversation_id, created_at);

-- where a channel's replies go: a signed webhook, or by hand
ALTER TABLE channel
    ADD COLUMN reply_webhook_url    text,
    ADD COLUMN reply_webhook_secret text;
