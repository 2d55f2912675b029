-- A brand's saved replies; {{customer.name}}, {{agent.name}} and {{brand.name}} are filled in
-- when one is used.
CREATE TABLE saved_reply (
    id              uuid PRIMARY KEY,
    organisation_id uuid        NOT NULL,
    brand_id        uuid        NOT NULL,
    name            text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    text            text        NOT NULL CHECK (length(text) BETWEEN 1 AND 10000),
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX saved_reply_name ON saved_reply (brand_id, lower(name));
