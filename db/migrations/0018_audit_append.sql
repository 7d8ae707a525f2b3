-- A batch of consultations appended to a subgraph's hash-chained log in one statement (one
-- round trip, its own transaction) instead of five (begin, the chain's lock, its head, the
-- insert, commit). The writer computes the rows' hashes from the head it last saw; under
-- the chain's lock the function checks that head is still the chain's and inserts, or
-- inserts nothing and returns the actual head, from which the writer hashes again (another
-- replica wrote in between). The lock is the one the writer took before (same key), so
-- replicas of the previous version during a rolling deploy still exclude each other.
CREATE OR REPLACE FUNCTION platform.append_consultations(
  p_table regclass, p_lock text, p_expected_head text, p_rows jsonb
) RETURNS text
LANGUAGE plpgsql AS $$
DECLARE
  head text;
BEGIN
  PERFORM pg_advisory_xact_lock(hashtextextended(p_lock, 0));
  EXECUTE format('SELECT hash FROM %s ORDER BY id DESC LIMIT 1', p_table) INTO head;
  head := coalesce(head, repeat('0', 64));
  IF head <> p_expected_head THEN
    RETURN head;
  END IF;
  EXECUTE format(
    'INSERT INTO %s (at, request_id, principal_kind, client_id, subject, ministry, commune_code,
                     nin, groups, purpose, outcome, prev_hash, hash)
     SELECT at, request_id, principal_kind, client_id, subject, ministry, commune_code,
            nin, groups, purpose, outcome, prev_hash, hash
     FROM jsonb_populate_recordset(NULL::%s, $1) WITH ORDINALITY AS r
     ORDER BY ordinality',
    p_table, p_table) USING p_rows;
  RETURN NULL;
END;
$$;
