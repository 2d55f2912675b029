-- A brand's owner can flag a customer as abusive (the "set a boundary" stance): the flag is
-- shown wherever the customer appears, with who set it, when and why.
ALTER TABLE customer
    ADD COLUMN abusive_at   timestamptz,
    ADD COLUMN abusive_by   uuid,
    ADD COLUMN abusive_note text;
