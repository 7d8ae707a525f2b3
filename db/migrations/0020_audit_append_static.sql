-- One appender per consultation log, its statements written out for that table, so that
-- PostgreSQL keeps their plans for the session: platform.append_consultations (0018) takes
-- the table as an argument and so runs both statements by EXECUTE, planned again at every
-- call (a merge over the log's partitions for the head, the INSERT through the partitioned
-- table), once per audit batch of every subgraph. Same lock, same check of the head, same
-- rows. A migration that adds a consultation log calls
-- platform.create_consultations_appender for it; 0018's function stays for replicas of the
-- previous version during a rolling deploy (the lock is the same, so they exclude each other).
CREATE OR REPLACE FUNCTION platform.create_consultations_appender(p_table regclass)
RETURNS void
LANGUAGE plpgsql AS $create$
DECLARE
  schema_name text := (SELECT n.nspname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = p_table);
BEGIN
  EXECUTE format($fn$
    CREATE OR REPLACE FUNCTION %1$I.append_consultations(
      p_lock text, p_expected_head text, p_rows jsonb
    ) RETURNS text
    LANGUAGE plpgsql AS $body$
    DECLARE
      head text;
    BEGIN
      PERFORM pg_advisory_xact_lock(hashtextextended(p_lock, 0));
      SELECT hash INTO head FROM %2$s ORDER BY id DESC LIMIT 1;
      head := coalesce(head, repeat('0', 64));
      IF head <> p_expected_head THEN
        RETURN head;
      END IF;
      INSERT INTO %2$s (at, request_id, principal_kind, client_id, subject, ministry, commune_code,
                        nin, groups, purpose, outcome, prev_hash, hash)
      SELECT at, request_id, principal_kind, client_id, subject, ministry, commune_code,
             nin, groups, purpose, outcome, prev_hash, hash
      FROM jsonb_populate_recordset(NULL::%2$s, p_rows) WITH ORDINALITY AS r
      ORDER BY ordinality;
      RETURN NULL;
    END;
    $body$
  $fn$, schema_name, p_table);
END;
$create$;
--> statement-breakpoint
DO $$
DECLARE
  t regclass;
BEGIN
  FOR t IN
    SELECT c.oid::regclass FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE c.relname = 'consultations' AND c.relkind IN ('p', 'r')
      AND n.nspname IN ('citizens', 'documents', 'vehicles', 'patrimony', 'disputes',
                        'education', 'hygiene', 'associations')
  LOOP
    PERFORM platform.create_consultations_appender(t);
  END LOOP;
END;
$$;
