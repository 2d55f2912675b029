-- Whether an agent takes new conversations: automatic assignment passes over agents who are
-- away. No row: available.
CREATE TABLE agent_presence (
    user_id    uuid        PRIMARY KEY,
    available  boolean     NOT NULL,
    changed_at timestamptz NOT NULL DEFAULT now()
);
