-- Conversations are updated with nearly every message: more room on each page (70% filled,
-- was 80%) keeps those updates in place (HOT: no new index entries), which matters now that the
-- inbox has an index per common filter.
ALTER TABLE conversation SET (fillfactor = 70);
