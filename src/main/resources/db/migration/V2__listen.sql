-- Listen: channels (channels module), customers and their channel identities (customers module),
-- conversations and messages (conversations module). Every row carries its organisation and
-- brand; foreign keys stay within a module, other modules are referenced by id only.

CREATE TABLE channel (
    id              uuid PRIMARY KEY,
    organisation_id uuid        NOT NULL,
    brand_id        uuid        NOT NULL,
    kind            text        NOT NULL CHECK (kind ~ '^[a-z][a-z0-9_-]{0,29}$'),
    name            text        NOT NULL CHECK (length(name) BETWEEN 1 AND 100),
    created_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (brand_id, kind, name)
);

CREATE TABLE customer (
    id              uuid PRIMARY KEY,
    organisation_id uuid        NOT NULL,
    brand_id        uuid        NOT NULL,
    display_name    text        NOT NULL,
    first_seen_at   timestamptz NOT NULL,
    last_seen_at    timestamptz NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX customer_brand ON customer (brand_id, last_seen_at DESC);

-- An author on a network: a handle on a social network, or an e-mail address (network 'email').
-- The same (network, key) within a brand is always the same customer.
CREATE TABLE customer_identity (
    id              uuid PRIMARY KEY,
    organisation_id uuid        NOT NULL,
    brand_id        uuid        NOT NULL,
    customer_id     uuid        NOT NULL REFERENCES customer (id) DEFERRABLE INITIALLY DEFERRED,
    network         text        NOT NULL,
    identity_key    text        NOT NULL,
    handle          text        NOT NULL,
    name            text,
    followers       bigint CHECK (followers >= 0),
    created_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (brand_id, network, identity_key)
);
CREATE INDEX customer_identity_customer ON customer_identity (customer_id);

CREATE TABLE conversation (
    id               uuid PRIMARY KEY,
    organisation_id  uuid        NOT NULL,
    brand_id         uuid        NOT NULL,
    channel_id       uuid        NOT NULL,
    customer_id      uuid,
    visibility       text        NOT NULL CHECK (visibility IN ('public', 'private')),
    status           text        NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'pending', 'snoozed', 'resolved')),
    opened_at        timestamptz NOT NULL,
    last_message_at  timestamptz NOT NULL,
    last_inbound_at  timestamptz,
    message_count    integer     NOT NULL DEFAULT 0,
    created_at       timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX conversation_thread ON conversation (brand_id, customer_id, channel_id, visibility, last_message_at DESC);
CREATE INDEX conversation_brand_recent ON conversation (brand_id, last_message_at DESC);

CREATE TABLE message (
    id               uuid PRIMARY KEY,
    organisation_id  uuid        NOT NULL,
    brand_id         uuid        NOT NULL,
    channel_id       uuid        NOT NULL,
    conversation_id  uuid        NOT NULL REFERENCES conversation (id),
    customer_id      uuid,
    external_id      text        NOT NULL,
    direction        text        NOT NULL CHECK (direction IN ('inbound', 'outbound')),
    author_handle    text,
    author_name      text,
    author_followers bigint CHECK (author_followers >= 0),
    text             text        NOT NULL,
    created_at       timestamptz NOT NULL,
    received_at      timestamptz NOT NULL DEFAULT now(),
    visibility       text        NOT NULL CHECK (visibility IN ('public', 'private')),
    in_reply_to      text,
    url              text,
    metadata         jsonb       NOT NULL DEFAULT '{}',
    analysis         jsonb,
    seq              bigint GENERATED ALWAYS AS IDENTITY,
    UNIQUE (brand_id, channel_id, external_id)
);
CREATE INDEX message_conversation ON message (conversation_id, created_at);
CREATE INDEX message_brand_created ON message (brand_id, created_at DESC, id);
