-- The quota's check of which NINs a request adds, by index probes of those NINs only.
-- 0017 compared the char(18) column with jsonb's text (`q.nin = r.n`), which casts the
-- column and so can use only the index's first two columns: every request read the
-- client's whole window (411 index entries a request on average in a 10-second bench,
-- most of the audited read's database time, and growing with the window). A lookup by
-- `nin = ANY(...)` is no better while the planner has no statistics of this busy table
-- (it filters the window instead). So the request's NINs are inserted straight away: the
-- primary key's conflict check probes each NIN, whatever the planner thinks, and what was
-- inserted is what the request adds. A refused request's rows are removed again by their
-- ctids (a TID scan), so it counts nothing. The window row is locked by SELECT ... FOR
-- UPDATE and written only when the count moved, not twice per call. Same verdicts, same
-- order, same lock.
CREATE OR REPLACE FUNCTION platform.consume_nin_quota_batch(
  p_client text, p_window timestamptz, p_requests jsonb, p_limit integer
) RETURNS integer[]
LANGUAGE plpgsql AS $$
DECLARE
  total integer;
  before integer;
  added tid[];
  request jsonb;
  verdicts integer[] := '{}';
BEGIN
  DELETE FROM platform.quota_nins WHERE client_id = p_client AND window_start < p_window;
  DELETE FROM platform.quota_windows WHERE client_id = p_client AND window_start < p_window;
  -- The window row's lock first: every caller for this client waits here, so the NINs
  -- below are read and written by one call at a time.
  INSERT INTO platform.quota_windows (client_id, window_start, used)
  VALUES (p_client, p_window, 0)
  ON CONFLICT (client_id, window_start) DO NOTHING;
  SELECT used INTO total FROM platform.quota_windows
  WHERE client_id = p_client AND window_start = p_window
  FOR UPDATE;
  before := total;
  FOR request IN SELECT value FROM jsonb_array_elements(p_requests) LOOP
    WITH inserted AS (
      INSERT INTO platform.quota_nins (client_id, window_start, nin)
      SELECT DISTINCT p_client, p_window, n::char(18) FROM jsonb_array_elements_text(request) AS r(n)
      ON CONFLICT DO NOTHING
      RETURNING ctid
    )
    SELECT coalesce(array_agg(ctid), '{}') INTO added FROM inserted;
    IF total + cardinality(added) > p_limit THEN
      -- Refused: nothing of this request is counted.
      DELETE FROM platform.quota_nins WHERE ctid = ANY (added);
      verdicts := verdicts || -1;
    ELSE
      total := total + cardinality(added);
      verdicts := verdicts || total;
    END IF;
  END LOOP;
  IF total <> before THEN
    UPDATE platform.quota_windows SET used = total
    WHERE client_id = p_client AND window_start = p_window;
  END IF;
  RETURN verdicts;
END;
$$;
