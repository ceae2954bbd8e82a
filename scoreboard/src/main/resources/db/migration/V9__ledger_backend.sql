-- A revert record names the backend whose reverter reverts it (toxiproxy, process, kubernetes),
-- so that recovery looks the reverter up instead of guessing it from the record's keys
-- (docs/adr/0007-kind-discovery-and-revert-records.md). Rows written before carry no
-- backend: each of the three backends of that time wrote one key the others did not, so the
-- backend is derived from it here, once.
ALTER TABLE chaos_injection ADD COLUMN backend VARCHAR(100) DEFAULT '' NOT NULL;

UPDATE chaos_injection SET backend =
  CASE
    WHEN revert_record LIKE '%"kubernetes":%' THEN 'kubernetes'
    WHEN revert_record LIKE '%"proxy":%' THEN 'toxiproxy'
    WHEN revert_record LIKE '%"pid":%' THEN 'process'
    ELSE ''
  END;
