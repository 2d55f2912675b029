-- Replies by e-mail: the SMTP server a channel's replies go through, and the sender address.
ALTER TABLE channel
    ADD COLUMN reply_smtp_host     text,
    ADD COLUMN reply_smtp_port     integer CHECK (reply_smtp_port BETWEEN 1 AND 65535),
    ADD COLUMN reply_smtp_starttls boolean NOT NULL DEFAULT true,
    ADD COLUMN reply_smtp_username text,
    ADD COLUMN reply_smtp_password text,
    ADD COLUMN reply_from          text;
