-- Every missed response target, recorded once per wait (a conversation awaiting a reply since
-- a given time): what the insights report. ended_at is set when the wait ends (the late reply, or the conversation resolved).
CREATE TABLE sla_breach (
    id              uuid        PRIMARY KEY,
    organisation_id uuid        NOT NULL,
    brand_id        uuid        NOT NULL,
    conversation_id uuid        NOT NULL REFERENCES conversation (id),
    target          text        NOT NULL CHECK (target IN ('first', 'next')),
    risk            int         NOT NULL,
    target_minutes  int         NOT NULL,
    awaiting_since  timestamptz NOT NULL,
    due_at          timestamptz NOT NULL,
    recorded_at     timestamptz NOT NULL DEFAULT now(),
    ended_at        timestamptz,
    UNIQUE (conversation_id, awaiting_since)
);
CREATE INDEX sla_breach_brand ON sla_breach (brand_id, due_at DESC);
