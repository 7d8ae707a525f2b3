CREATE TABLE "citizens"."civil_acts" (
	"number" text PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"commune_code" char(4) NOT NULL,
	"act_date" date NOT NULL,
	"event_date" date NOT NULL,
	"event_commune_code" char(4) NOT NULL,
	"subject_nin" char(18) NOT NULL,
	"partner_nin" char(18),
	"corrects" text,
	"registered_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "citizens"."extract_revocations" (
	"extract_id" bigint PRIMARY KEY NOT NULL,
	"reason" text NOT NULL,
	"act_number" text,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "citizens"."extracts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"nin" char(18) NOT NULL,
	"act_number" text NOT NULL,
	"issued_at" timestamp with time zone NOT NULL,
	"expires_at" timestamp with time zone NOT NULL,
	"issued_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "citizens"."issuer_keys" (
	"kid" text PRIMARY KEY NOT NULL,
	"alg" text NOT NULL,
	"private_jwk" jsonb NOT NULL,
	"public_jwk" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "citizens"."marginal_notes" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"act_number" text NOT NULL,
	"kind" text NOT NULL,
	"source_act_number" text,
	"text" text NOT NULL,
	"noted_on" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "citizens"."public_lookups" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"request_id" text NOT NULL,
	"lookup" text NOT NULL,
	"subject" text NOT NULL,
	"client_address" text NOT NULL,
	"caller" text NOT NULL,
	"outcome" text NOT NULL,
	"detail" text
);
--> statement-breakpoint
CREATE TABLE "citizens"."rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"window_start" bigint NOT NULL,
	"count" integer NOT NULL,
	"previous_count" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "citizens"."serials" (
	"key" text PRIMARY KEY NOT NULL,
	"last" integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE "citizens"."citizens" ADD COLUMN "spouse_nin" char(18);--> statement-breakpoint
CREATE INDEX "civil_acts_subject_idx" ON "citizens"."civil_acts" USING btree ("subject_nin");--> statement-breakpoint
CREATE INDEX "civil_acts_partner_idx" ON "citizens"."civil_acts" USING btree ("partner_nin");--> statement-breakpoint
CREATE UNIQUE INDEX "civil_acts_corrects_idx" ON "citizens"."civil_acts" USING btree ("corrects");--> statement-breakpoint
CREATE UNIQUE INDEX "extracts_code_idx" ON "citizens"."extracts" USING btree ("code");--> statement-breakpoint
CREATE INDEX "extracts_nin_idx" ON "citizens"."extracts" USING btree ("nin");--> statement-breakpoint
CREATE INDEX "marginal_notes_act_idx" ON "citizens"."marginal_notes" USING btree ("act_number","id");--> statement-breakpoint
CREATE INDEX "public_lookups_address_idx" ON "citizens"."public_lookups" USING btree ("client_address","at");--> statement-breakpoint
CREATE INDEX "public_lookups_subject_idx" ON "citizens"."public_lookups" USING btree ("subject","at");--> statement-breakpoint
CREATE INDEX "rate_limits_window_idx" ON "citizens"."rate_limits" USING btree ("window_start");--> statement-breakpoint
CREATE INDEX "citizens_spouse_idx" ON "citizens"."citizens" USING btree ("spouse_nin");--> statement-breakpoint
-- ===== Hand-written (issue 10), kept apart from the generated statements above. =====
-- Civil acts, their marginal notes, extract revocations and
-- public lookups are append-only: a correction is a new act that names the one it corrects.
CREATE FUNCTION citizens.refuse_ledger_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only (% refused): correct an act with a new act', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER civil_acts_append_only BEFORE UPDATE OR DELETE ON citizens.civil_acts
  FOR EACH ROW EXECUTE FUNCTION citizens.refuse_ledger_change();
--> statement-breakpoint
CREATE TRIGGER civil_acts_no_truncate BEFORE TRUNCATE ON citizens.civil_acts
  FOR EACH STATEMENT EXECUTE FUNCTION citizens.refuse_ledger_change();
--> statement-breakpoint
CREATE TRIGGER marginal_notes_append_only BEFORE UPDATE OR DELETE ON citizens.marginal_notes
  FOR EACH ROW EXECUTE FUNCTION citizens.refuse_ledger_change();
--> statement-breakpoint
CREATE TRIGGER marginal_notes_no_truncate BEFORE TRUNCATE ON citizens.marginal_notes
  FOR EACH STATEMENT EXECUTE FUNCTION citizens.refuse_ledger_change();
--> statement-breakpoint
CREATE TRIGGER extract_revocations_append_only BEFORE UPDATE OR DELETE ON citizens.extract_revocations
  FOR EACH ROW EXECUTE FUNCTION citizens.refuse_ledger_change();
--> statement-breakpoint
CREATE TRIGGER public_lookups_append_only BEFORE UPDATE OR DELETE ON citizens.public_lookups
  FOR EACH ROW EXECUTE FUNCTION citizens.refuse_ledger_change();
--> statement-breakpoint
-- Births registered before acts existed get their birth act, numbered per office and year
-- in NIN order, declared on the day of birth; the serial counters continue after them.
INSERT INTO citizens.civil_acts
  (number, kind, commune_code, act_date, event_date, event_commune_code, subject_nin, registered_by)
SELECT c.birth_commune_code || '-' || extract(year from c.birth_date)::int || '-B-' ||
         lpad((row_number() OVER (PARTITION BY c.birth_commune_code, extract(year from c.birth_date)
                                  ORDER BY c.nin))::text, 6, '0'),
       'BIRTH', c.birth_commune_code, c.birth_date, c.birth_date, c.birth_commune_code, c.nin,
       'migration:0009'
FROM citizens.citizens c;
--> statement-breakpoint
INSERT INTO citizens.serials (key, last)
SELECT 'act:' || commune_code || ':' || extract(year from event_date)::int || ':B', count(*)
FROM citizens.civil_acts WHERE kind = 'BIRTH'
GROUP BY commune_code, extract(year from event_date)
ON CONFLICT (key) DO UPDATE SET last = greatest(citizens.serials.last, excluded.last);
