-- Conversations are updated with nearly every message: room on each page keeps those updates
-- in place (HOT: no new index entries), which matters now that the inbox has an index per filter.
ALTER TABLE conversation SET (fillfactor = 70);
