-- The NIN quota of many requests of one client counted in one call. Each subgraph process
-- gathers the requests that arrive while a client's previous call is in flight and sends
-- them together: the client's window row is locked once per batch, not once per request,
-- and the requests are still counted one after another in their order, each accepted only
-- if its new NINs fit, so the count stays exact. consume_nin_quota (0016) stays defined
-- for replicas of the previous version during a rolling deploy.
CREATE OR REPLACE FUNCTION platform.consume_nin_quota_batch(
  p_client text, p_window timestamptz, p_requests jsonb, p_limit integer
) RETURNS integer[]
LANGUAGE plpgsql AS $$
DECLARE
  total integer;
  fresh integer;
  request jsonb;
  verdicts integer[] := '{}';
BEGIN
  DELETE FROM platform.quota_nins WHERE client_id = p_client AND window_start < p_window;
  DELETE FROM platform.quota_windows WHERE client_id = p_client AND window_start < p_window;
  -- The window row's lock first: every caller for this client waits here, so the NINs
  -- below are read and written by one call at a time.
  INSERT INTO platform.quota_windows (client_id, window_start, used)
  VALUES (p_client, p_window, 0)
  ON CONFLICT (client_id, window_start) DO UPDATE SET used = platform.quota_windows.used
  RETURNING used INTO total;
  FOR request IN SELECT value FROM jsonb_array_elements(p_requests) LOOP
    SELECT count(DISTINCT n) INTO fresh
    FROM jsonb_array_elements_text(request) AS r(n)
    WHERE NOT EXISTS (
      SELECT 1 FROM platform.quota_nins q
      WHERE q.client_id = p_client AND q.window_start = p_window AND q.nin = r.n
    );
    IF total + fresh > p_limit THEN
      -- Refused: nothing of this request is counted.
      verdicts := verdicts || -1;
    ELSE
      INSERT INTO platform.quota_nins (client_id, window_start, nin)
      SELECT DISTINCT p_client, p_window, n FROM jsonb_array_elements_text(request) AS r(n)
      ON CONFLICT DO NOTHING;
      total := total + fresh;
      verdicts := verdicts || total;
    END IF;
  END LOOP;
  UPDATE platform.quota_windows SET used = total
  WHERE client_id = p_client AND window_start = p_window;
  RETURN verdicts;
END;
$$;
