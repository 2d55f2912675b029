-- Response targets by channel kind ({"email": {"first": 1440, "next": 1440}}): a channel kind
-- named here uses its own targets instead of the risk bands.
ALTER TABLE sla_policy ADD COLUMN channel_targets jsonb NOT NULL DEFAULT '{}';
