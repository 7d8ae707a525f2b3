-- The NIN quota counted in one call, so that a client's window row is locked only while
-- the server runs it: the transaction around the statement used to hold that lock across
-- two round trips to the subgraph process, which serialised a busy client's requests on
-- the subgraph's event loop rather than on the database.
CREATE OR REPLACE FUNCTION platform.consume_nin_quota(
  p_client text, p_window timestamptz, p_nins text[], p_limit integer
) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
  total integer;
BEGIN
  BEGIN
    WITH fresh AS (
      INSERT INTO platform.quota_nins (client_id, window_start, nin)
      SELECT p_client, p_window, unnest(p_nins)
      ON CONFLICT DO NOTHING
      RETURNING 1
    ),
    old_nins AS (
      DELETE FROM platform.quota_nins WHERE client_id = p_client AND window_start < p_window
    ),
    old_windows AS (
      DELETE FROM platform.quota_windows WHERE client_id = p_client AND window_start < p_window
    )
    INSERT INTO platform.quota_windows (client_id, window_start, used)
    VALUES (p_client, p_window, (SELECT count(*) FROM fresh))
    ON CONFLICT (client_id, window_start) DO UPDATE SET used = platform.quota_windows.used + excluded.used
    RETURNING used INTO total;
    IF total > p_limit THEN
      -- Undo this call's NINs and count (the block is a subtransaction): a refused request
      -- spends nothing.
      RAISE EXCEPTION USING ERRCODE = 'QT001';
    END IF;
    RETURN total;
  EXCEPTION WHEN SQLSTATE 'QT001' THEN
    RETURN -1;
  END;
END;
$$;
