-- Tenancy: organisations (a brand's own team or an agency), their brands, users with one role
-- each, brand memberships, personal API tokens and invitations.

CREATE TABLE organisation (
    id          uuid PRIMARY KEY,
    name        text        NOT NULL,
    slug        text        NOT NULL UNIQUE,
    kind        text        NOT NULL CHECK (kind IN ('brand', 'agency')),
    created_at  timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE brand (
    id              uuid PRIMARY KEY,
    organisation_id uuid        NOT NULL REFERENCES organisation (id),
    slug            text        NOT NULL CHECK (slug ~ '^[a-z0-9][a-z0-9-]{0,39}$'),
    name            text        NOT NULL,
    description     text        NOT NULL DEFAULT '',
    created_at      timestamptz NOT NULL DEFAULT now(),
    UNIQUE (organisation_id, slug),
    UNIQUE (organisation_id, id)
);

CREATE TABLE app_user (
    id              uuid PRIMARY KEY,
    organisation_id uuid        NOT NULL REFERENCES organisation (id),
    email           text        NOT NULL,
    name            text        NOT NULL,
    password_hash   text,
    role            text        NOT NULL CHECK (role IN ('owner', 'admin', 'manager', 'agent', 'viewer')),
    all_brands      boolean     NOT NULL DEFAULT false,
    failed_sign_ins integer     NOT NULL DEFAULT 0,
    locked_until    timestamptz,
    last_sign_in_at timestamptz,
    disabled_at     timestamptz,
    created_at      timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX app_user_email_key ON app_user (lower(email));
CREATE INDEX app_user_organisation ON app_user (organisation_id);

CREATE TABLE brand_membership (
    organisation_id uuid NOT NULL,
    brand_id        uuid NOT NULL,
    user_id         uuid NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    PRIMARY KEY (brand_id, user_id),
    FOREIGN KEY (organisation_id, brand_id) REFERENCES brand (organisation_id, id) ON DELETE CASCADE
);
CREATE INDEX brand_membership_user ON brand_membership (user_id);

-- Only a SHA-256 of each token is kept: the token itself is shown once, when created.
CREATE TABLE api_token (
    id              uuid PRIMARY KEY,
    organisation_id uuid        NOT NULL REFERENCES organisation (id),
    user_id         uuid        NOT NULL REFERENCES app_user (id) ON DELETE CASCADE,
    name            text        NOT NULL,
    token_hash      bytea       NOT NULL UNIQUE,
    display_prefix  text        NOT NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    expires_at      timestamptz,
    last_used_at    timestamptz,
    revoked_at      timestamptz
);
CREATE INDEX api_token_user ON api_token (user_id);

CREATE TABLE invitation (
    id              uuid PRIMARY KEY,
    organisation_id uuid        NOT NULL REFERENCES organisation (id),
    email           text        NOT NULL,
    role            text        NOT NULL CHECK (role IN ('owner', 'admin', 'manager', 'agent', 'viewer')),
    all_brands      boolean     NOT NULL,
    brand_ids       uuid[]      NOT NULL DEFAULT '{}',
    token_hash      bytea       NOT NULL UNIQUE,
    invited_by      uuid REFERENCES app_user (id) ON DELETE SET NULL,
    created_at      timestamptz NOT NULL DEFAULT now(),
    expires_at      timestamptz NOT NULL,
    accepted_at     timestamptz,
    revoked_at      timestamptz
);
CREATE INDEX invitation_organisation ON invitation (organisation_id);
