-- Imports started from the web UI (Settings → Import): the uploaded file, its mapping, progress.
CREATE TABLE import_job (
    id              uuid PRIMARY KEY,
    organisation_id uuid        NOT NULL,
    brand_id        uuid        NOT NULL,
    created_by      uuid        NOT NULL,
    file_name       text        NOT NULL,
    stored_path     text        NOT NULL,
    format          text        NOT NULL CHECK (format IN ('csv', 'jsonl')),
    mapping         jsonb       NOT NULL DEFAULT '{}',
    channel_kind    text,
    channel_name    text,
    status          text        NOT NULL CHECK (status IN ('uploaded', 'queued', 'running', 'done', 'failed', 'interrupted')),
    total_bytes     bigint      NOT NULL,
    bytes_read      bigint      NOT NULL DEFAULT 0,
    rows_read       bigint      NOT NULL DEFAULT 0,
    created         bigint      NOT NULL DEFAULT 0,
    duplicates      bigint      NOT NULL DEFAULT 0,
    rejected        bigint      NOT NULL DEFAULT 0,
    undated         bigint      NOT NULL DEFAULT 0,
    error           text,
    rejects_path    text,
    created_at      timestamptz NOT NULL DEFAULT now(),
    started_at      timestamptz,
    finished_at     timestamptz
);
CREATE INDEX import_job_brand ON import_job (brand_id, created_at DESC);
