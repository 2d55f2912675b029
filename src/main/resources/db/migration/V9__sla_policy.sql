-- Each brand's response targets: minutes by risk band for the first and for each next reply,
-- counted in calendar time or in the brand's business hours.
CREATE TABLE sla_policy (
    organisation_id uuid    NOT NULL,
    brand_id        uuid    PRIMARY KEY,
    first_high      integer NOT NULL CHECK (first_high > 0),
    first_medium    integer NOT NULL CHECK (first_medium > 0),
    first_low       integer NOT NULL CHECK (first_low > 0),
    next_high       integer NOT NULL CHECK (next_high > 0),
    next_medium     integer NOT NULL CHECK (next_medium > 0),
    next_low        integer NOT NULL CHECK (next_low > 0),
    business_hours  boolean NOT NULL DEFAULT false,
    time_zone       text    NOT NULL DEFAULT 'UTC',
    work_days       integer[] NOT NULL DEFAULT '{1,2,3,4,5}',
    day_start       time    NOT NULL DEFAULT '09:00',
    day_end         time    NOT NULL DEFAULT '17:00',
    updated_at      timestamptz NOT NULL DEFAULT now()
);
