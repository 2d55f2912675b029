-- Saved filters of the inbox ("my VIP complaints", "late refunds"): an agent's own, or shared
-- with the brand's team. The query is the inbox's own query string (status=open&intent=…).
CREATE TABLE saved_view (
    id              uuid        PRIMARY KEY,
    organisation_id uuid        NOT NULL,
    brand_id        uuid        NOT NULL,
    owner_id        uuid        NOT NULL,
    name            text        NOT NULL,
    query           text        NOT NULL,
    shared          boolean     NOT NULL DEFAULT false,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX saved_view_brand ON saved_view (brand_id, owner_id);
