CREATE TABLE "documents"."public_lookups" (
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
CREATE TABLE "documents"."rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"window_start" bigint NOT NULL,
	"count" integer NOT NULL,
	"previous_count" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vehicles"."public_lookups" (
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
CREATE TABLE "vehicles"."rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"window_start" bigint NOT NULL,
	"count" integer NOT NULL,
	"previous_count" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
ALTER TABLE "documents"."applications" ADD COLUMN "tracking_code_hash" char(64);--> statement-breakpoint
CREATE INDEX "public_lookups_address_idx" ON "documents"."public_lookups" USING btree ("client_address","at");--> statement-breakpoint
CREATE INDEX "public_lookups_subject_idx" ON "documents"."public_lookups" USING btree ("subject","at");--> statement-breakpoint
CREATE INDEX "rate_limits_window_idx" ON "documents"."rate_limits" USING btree ("window_start");--> statement-breakpoint
CREATE INDEX "public_lookups_address_idx" ON "vehicles"."public_lookups" USING btree ("client_address","at");--> statement-breakpoint
CREATE INDEX "public_lookups_subject_idx" ON "vehicles"."public_lookups" USING btree ("subject","at");--> statement-breakpoint
CREATE INDEX "rate_limits_window_idx" ON "vehicles"."rate_limits" USING btree ("window_start");--> statement-breakpoint
-- The documents subgraph's log of public lookups is append-only: operators read it to see
-- someone walking through numbers, so nobody may rewrite it (drizzle does not track
-- triggers; written here by hand, as in 0004/0006).
CREATE FUNCTION documents.refuse_public_lookup_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the public lookup log is append-only (% refused)', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER public_lookups_append_only
  BEFORE UPDATE OR DELETE ON documents.public_lookups
  FOR EACH ROW EXECUTE FUNCTION documents.refuse_public_lookup_change();
--> statement-breakpoint
CREATE TRIGGER public_lookups_no_truncate
  BEFORE TRUNCATE ON documents.public_lookups
  FOR EACH STATEMENT EXECUTE FUNCTION documents.refuse_public_lookup_change();
--> statement-breakpoint
-- The vehicles subgraph's log of public lookups is append-only: operators read it to see
-- someone walking through numbers, so nobody may rewrite it (drizzle does not track
-- triggers; written here by hand, as in 0004/0006).
CREATE FUNCTION vehicles.refuse_public_lookup_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the public lookup log is append-only (% refused)', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER public_lookups_append_only
  BEFORE UPDATE OR DELETE ON vehicles.public_lookups
  FOR EACH ROW EXECUTE FUNCTION vehicles.refuse_public_lookup_change();
--> statement-breakpoint
CREATE TRIGGER public_lookups_no_truncate
  BEFORE TRUNCATE ON vehicles.public_lookups
  FOR EACH STATEMENT EXECUTE FUNCTION vehicles.refuse_public_lookup_change();
