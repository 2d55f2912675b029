-- What each brand teaches the analysis: labelled examples (from files and agents' corrections),
-- the models trained on them, and its own topics, promises and policies.

CREATE TABLE labelled_example (
    id              uuid PRIMARY KEY,
    organisation_id uuid        NOT NULL,
    brand_id        uuid        NOT NULL,
    task            text        NOT NULL CHECK (task IN ('sentiment', 'intent', 'emotion', 'topic')),
    text            text        NOT NULL,
    label           text        NOT NULL,
    source          text        NOT NULL CHECK (source IN ('file', 'correction')),
    message_id      uuid,
    created_by      uuid,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX labelled_example_brand_task ON labelled_example (brand_id, task);
CREATE UNIQUE INDEX labelled_example_correction ON labelled_example (brand_id, task, message_id) WHERE source = 'correction';

CREATE TABLE brand_model (
    organisation_id uuid        NOT NULL,
    brand_id        uuid        NOT NULL,
    task            text        NOT NULL,
    labels          text[]      NOT NULL,
    model           bytea       NOT NULL,
    examples        integer     NOT NULL,
    corrections     integer     NOT NULL DEFAULT 0,
    seconds         real        NOT NULL,
    trained_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (brand_id, task)
);

CREATE TABLE brand_topic (
    id              uuid PRIMARY KEY,
    organisation_id uuid        NOT NULL,
    brand_id        uuid        NOT NULL,
    kind            text        NOT NULL CHECK (kind IN ('topic', 'promise', 'policy')),
    name            text        NOT NULL,
    description     text        NOT NULL DEFAULT '',
    phrases         text[]      NOT NULL DEFAULT '{}',
    created_at      timestamptz NOT NULL DEFAULT now()
);
-- names are unique per brand and kind whatever their case: "Refunds" and "refunds" are one topic
CREATE UNIQUE INDEX brand_topic_name ON brand_topic (brand_id, kind, lower(name));
