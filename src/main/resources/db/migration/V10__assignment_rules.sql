-- How a brand's new conversations are assigned: by hand (off), round-robin or to the least
-- loaded agent of a pool, never beyond a cap of open conversations per agent.
CREATE TABLE assignment_rule (
    organisation_id uuid    NOT NULL,
    brand_id        uuid    PRIMARY KEY,
    mode            text    NOT NULL CHECK (mode IN ('off', 'round_robin', 'least_loaded')),
    cap             integer NOT NULL CHECK (cap BETWEEN 1 AND 10000),
    agents          uuid[]  NOT NULL DEFAULT '{}',
    last_assignee   uuid,
    updated_at      timestamptz NOT NULL DEFAULT now()
);
