-- ==== Hand-written (drizzle-kit cannot express partitioning; it generated only the new
-- ==== composite key, which the snapshot records): every consultation log is partitioned
-- ==== by month on "at", at national volume about 111 million rows a year.
--
-- One partition per calendar month in UTC, named consultations_yYYYYmMM, plus
-- consultations_default as a safety net for a row no monthly partition covers. The hash
-- chain follows "id" across partitions (verifyChain reads in id order), so moving rows
-- into partitions changes neither the chain nor any hash. The append-only row trigger is
-- created on the parent, which PostgreSQL clones onto every partition, present and future;
-- TRUNCATE triggers are per table, so each partition gets its own (see below).

-- Creates the missing monthly partitions of `parent` for the months from `from_at` through
-- `to_at`; returns how many it created. A month that already has rows in the default
-- partition is left there (PostgreSQL would refuse the new partition) with a warning: the
-- rows stay valid and verifiable, and `npm run db:partitions` reports them.
CREATE FUNCTION platform.create_monthly_partitions(parent regclass, from_at timestamptz, to_at timestamptz)
RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  -- Months are counted in UTC whatever the session's time zone, so that a bound never
  -- moves with daylight saving time.
  month_start timestamp := date_trunc('month', from_at AT TIME ZONE 'UTC');
  last_month timestamp := date_trunc('month', to_at AT TIME ZONE 'UTC');
  nsp text;
  rel text;
  part text;
  lower_bound text;
  upper_bound text;
  truncate_guard regproc;
  in_default boolean;
  created integer := 0;
BEGIN
  SELECT n.nspname, c.relname INTO nsp, rel
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE c.oid = parent;
  -- Two processes creating the same month (a deploy's Job and the daily CronJob) wait
  -- for each other instead of failing on "already exists".
  PERFORM pg_advisory_xact_lock(hashtextextended('partitions:' || nsp || '.' || rel, 0));
  SELECT t.tgfoid::regproc INTO truncate_guard
    FROM pg_trigger t WHERE t.tgrelid = parent AND t.tgname = rel || '_no_truncate';
  WHILE month_start <= last_month LOOP
    part := rel || '_y' || to_char(month_start, 'YYYY') || 'm' || to_char(month_start, 'MM');
    lower_bound := to_char(month_start, 'YYYY-MM-DD') || ' 00:00:00+00';
    upper_bound := to_char(month_start + interval '1 month', 'YYYY-MM-DD') || ' 00:00:00+00';
    IF to_regclass(format('%I.%I', nsp, part)) IS NULL THEN
      in_default := false;
      IF to_regclass(format('%I.%I', nsp, rel || '_default')) IS NOT NULL THEN
        EXECUTE format('SELECT EXISTS (SELECT 1 FROM %I.%I WHERE at >= $1 AND at < $2)',
                       nsp, rel || '_default')
          INTO in_default USING lower_bound::timestamptz, upper_bound::timestamptz;
      END IF;
      IF in_default THEN
        RAISE WARNING '%.%: rows of % are in the default partition; that month stays there',
          nsp, rel, to_char(month_start, 'YYYY-MM');
      ELSE
        EXECUTE format('CREATE TABLE %I.%I PARTITION OF %I.%I FOR VALUES FROM (%L) TO (%L)',
                       nsp, part, nsp, rel, lower_bound, upper_bound);
        IF truncate_guard IS NOT NULL THEN
          EXECUTE format('CREATE TRIGGER %I BEFORE TRUNCATE ON %I.%I FOR EACH STATEMENT EXECUTE FUNCTION %s()',
                         rel || '_no_truncate', nsp, part, truncate_guard);
        END IF;
        created := created + 1;
      END IF;
    END IF;
    month_start := month_start + interval '1 month';
  END LOOP;
  RETURN created;
END;
$$;
--> statement-breakpoint
-- Every partitioned consultation log, this month through `months_ahead` months ahead.
CREATE FUNCTION platform.ensure_consultation_partitions(months_ahead integer DEFAULT 3)
RETURNS integer LANGUAGE plpgsql AS $$
DECLARE
  parent regclass;
  created integer := 0;
BEGIN
  FOR parent IN
    SELECT c.oid::regclass FROM pg_partitioned_table p JOIN pg_class c ON c.oid = p.partrelid
     WHERE c.relname = 'consultations' ORDER BY c.oid::regclass::text
  LOOP
    created := created + platform.create_monthly_partitions(
      parent, now(), now() + make_interval(months => months_ahead));
  END LOOP;
  RETURN created;
END;
$$;
--> statement-breakpoint
-- Converts each schema's log in place: the same columns, sequence, index and trigger names,
-- and the same trigger functions (each schema keeps its own, so that it can move alone).
DO $$
DECLARE
  nsp text;
  old_table regclass;
  row_guard regproc;
  truncate_guard regproc;
  sequence_name text;
  first_at timestamptz;
BEGIN
  FOR nsp IN
    SELECT n.nspname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
     WHERE c.relname = 'consultations' AND c.relkind = 'r'
       AND n.nspname IN ('citizens', 'documents', 'vehicles', 'patrimony', 'disputes',
                         'education', 'hygiene', 'associations')
     ORDER BY 1
  LOOP
    old_table := format('%I.consultations', nsp)::regclass;
    SELECT tgfoid::regproc INTO row_guard FROM pg_trigger
     WHERE tgrelid = old_table AND tgname = 'consultations_append_only';
    SELECT tgfoid::regproc INTO truncate_guard FROM pg_trigger
     WHERE tgrelid = old_table AND tgname = 'consultations_no_truncate';
    IF row_guard IS NULL OR truncate_guard IS NULL THEN
      RAISE EXCEPTION '%.consultations has lost its append-only triggers', nsp;
    END IF;
    sequence_name := pg_get_serial_sequence(old_table::text, 'id');

    EXECUTE format('ALTER TABLE %I.consultations RENAME TO consultations_unpartitioned', nsp);
    EXECUTE format('DROP INDEX %I.consultations_nin_idx, %I.consultations_client_idx, %I.consultations_ministry_idx',
                   nsp, nsp, nsp);
    -- LIKE keeps the columns, their NOT NULLs and id's default on the same sequence.
    EXECUTE format('CREATE TABLE %I.consultations (LIKE %I.consultations_unpartitioned INCLUDING DEFAULTS,
                      CONSTRAINT consultations_id_at_pk PRIMARY KEY (id, at)) PARTITION BY RANGE (at)',
                   nsp, nsp);
    -- The sequence now belongs to the new table (it would go with the old one otherwise).
    EXECUTE format('ALTER SEQUENCE %s OWNED BY %I.consultations.id', sequence_name, nsp);
    EXECUTE format('CREATE INDEX consultations_nin_idx ON %I.consultations (nin, at)', nsp);
    EXECUTE format('CREATE INDEX consultations_client_idx ON %I.consultations (client_id, at)', nsp);
    EXECUTE format('CREATE INDEX consultations_ministry_idx ON %I.consultations (ministry, at)', nsp);
    EXECUTE format('CREATE TRIGGER consultations_append_only BEFORE UPDATE OR DELETE ON %I.consultations
                      FOR EACH ROW EXECUTE FUNCTION %s()', nsp, row_guard);
    EXECUTE format('CREATE TRIGGER consultations_no_truncate BEFORE TRUNCATE ON %I.consultations
                      FOR EACH STATEMENT EXECUTE FUNCTION %s()', nsp, truncate_guard);
    EXECUTE format('CREATE TABLE %I.consultations_default PARTITION OF %I.consultations DEFAULT', nsp, nsp);
    EXECUTE format('CREATE TRIGGER consultations_no_truncate BEFORE TRUNCATE ON %I.consultations_default
                      FOR EACH STATEMENT EXECUTE FUNCTION %s()', nsp, truncate_guard);

    -- Months from the oldest row through two months ahead, then the rows, in chain order.
    EXECUTE format('SELECT min(at) FROM %I.consultations_unpartitioned', nsp) INTO first_at;
    PERFORM platform.create_monthly_partitions(format('%I.consultations', nsp)::regclass,
                                               coalesce(first_at, now()), now() + interval '2 months');
    EXECUTE format('INSERT INTO %I.consultations SELECT * FROM %I.consultations_unpartitioned ORDER BY id',
                   nsp, nsp);
    EXECUTE format('DROP TABLE %I.consultations_unpartitioned', nsp);
  END LOOP;
END;
$$;
