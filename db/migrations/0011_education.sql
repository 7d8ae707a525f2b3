CREATE SCHEMA "education";
--> statement-breakpoint
CREATE TABLE "education"."academic_years" (
	"code" char(9) PRIMARY KEY NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL
);
--> statement-breakpoint
CREATE TABLE "education"."consultations" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"request_id" text NOT NULL,
	"principal_kind" text NOT NULL,
	"client_id" text NOT NULL,
	"subject" text NOT NULL,
	"ministry" text,
	"commune_code" char(4),
	"nin" char(18) NOT NULL,
	"groups" text[] NOT NULL,
	"purpose" text NOT NULL,
	"outcome" text NOT NULL,
	"prev_hash" char(64) NOT NULL,
	"hash" char(64) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "education"."enrolment_changes" (
	"seq" bigserial PRIMARY KEY NOT NULL,
	"enrolment_id" bigint NOT NULL,
	"school_code" char(6) NOT NULL,
	"kind" text NOT NULL,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "education"."enrolments" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"nin" char(18) NOT NULL,
	"school_code" char(6) NOT NULL,
	"year" char(9) NOT NULL,
	"grade" text NOT NULL,
	"section" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date,
	"status" text NOT NULL,
	"father_nin" char(18),
	"mother_nin" char(18),
	"average" numeric(4, 2),
	"decision" text,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "education"."idempotency_keys" (
	"client_id" text NOT NULL,
	"key" text NOT NULL,
	"operation" text NOT NULL,
	"request_hash" text NOT NULL,
	"response" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_client_id_key_pk" PRIMARY KEY("client_id","key")
);
--> statement-breakpoint
CREATE TABLE "education"."schools" (
	"code" char(6) PRIMARY KEY NOT NULL,
	"name_ar" text NOT NULL,
	"name_fr" text NOT NULL,
	"level" text NOT NULL,
	"sector" text NOT NULL,
	"commune_code" char(4) NOT NULL,
	"address" text NOT NULL,
	"capacity" integer NOT NULL,
	"status" text NOT NULL
);
--> statement-breakpoint
CREATE INDEX "consultations_nin_idx" ON "education"."consultations" USING btree ("nin","at");--> statement-breakpoint
CREATE INDEX "consultations_client_idx" ON "education"."consultations" USING btree ("client_id","at");--> statement-breakpoint
CREATE INDEX "consultations_ministry_idx" ON "education"."consultations" USING btree ("ministry","at");--> statement-breakpoint
CREATE INDEX "enrolment_changes_school_idx" ON "education"."enrolment_changes" USING btree ("school_code","seq");--> statement-breakpoint
CREATE UNIQUE INDEX "enrolments_one_open_idx" ON "education"."enrolments" USING btree ("nin","year") WHERE "education"."enrolments"."status" = 'ENROLLED';--> statement-breakpoint
CREATE INDEX "enrolments_nin_idx" ON "education"."enrolments" USING btree ("nin","year","id");--> statement-breakpoint
CREATE INDEX "enrolments_school_idx" ON "education"."enrolments" USING btree ("school_code","year","id");--> statement-breakpoint
CREATE INDEX "enrolments_father_idx" ON "education"."enrolments" USING btree ("father_nin");--> statement-breakpoint
CREATE INDEX "enrolments_mother_idx" ON "education"."enrolments" USING btree ("mother_nin");--> statement-breakpoint
CREATE INDEX "schools_commune_idx" ON "education"."schools" USING btree ("commune_code","code");--> statement-breakpoint
-- ===== hand-written (keep at the end when regenerating): the education subgraph's
-- consultation log and its change feed are append-only, like the other subgraphs' logs.
CREATE FUNCTION education.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER consultations_append_only
  BEFORE UPDATE OR DELETE ON education.consultations
  FOR EACH ROW EXECUTE FUNCTION education.refuse_change();
--> statement-breakpoint
CREATE TRIGGER consultations_no_truncate
  BEFORE TRUNCATE ON education.consultations
  FOR EACH STATEMENT EXECUTE FUNCTION education.refuse_change();
--> statement-breakpoint
CREATE TRIGGER enrolment_changes_append_only
  BEFORE UPDATE OR DELETE ON education.enrolment_changes
  FOR EACH ROW EXECUTE FUNCTION education.refuse_change();
--> statement-breakpoint
CREATE TRIGGER enrolment_changes_no_truncate
  BEFORE TRUNCATE ON education.enrolment_changes
  FOR EACH STATEMENT EXECUTE FUNCTION education.refuse_change();
-- ===== end of hand-written SQL
