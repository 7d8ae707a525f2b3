CREATE SCHEMA "hygiene";
--> statement-breakpoint
CREATE SCHEMA "associations";
--> statement-breakpoint
CREATE TABLE "hygiene"."campaigns" (
	"id" text PRIMARY KEY NOT NULL,
	"commune_code" char(4) NOT NULL,
	"kind" text NOT NULL,
	"district" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"sites_covered" integer NOT NULL,
	"households_covered" integer NOT NULL,
	"product" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hygiene"."consultations" (
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
CREATE TABLE "hygiene"."establishments" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"category" text NOT NULL,
	"operator_nin" char(18),
	"operator_nif" char(15),
	"address" text NOT NULL,
	"commune_code" char(4) NOT NULL,
	"last_score" integer,
	"last_inspection_date" date,
	"last_measure" text,
	"follow_up_due" date,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hygiene"."idempotency_keys" (
	"client_id" text NOT NULL,
	"key" text NOT NULL,
	"operation" text NOT NULL,
	"request_hash" text NOT NULL,
	"response" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_client_id_key_pk" PRIMARY KEY("client_id","key")
);
--> statement-breakpoint
CREATE TABLE "hygiene"."inspection_items" (
	"inspection_id" text NOT NULL,
	"code" text NOT NULL,
	"result" text NOT NULL,
	CONSTRAINT "inspection_items_inspection_id_code_pk" PRIMARY KEY("inspection_id","code")
);
--> statement-breakpoint
CREATE TABLE "hygiene"."inspections" (
	"id" text PRIMARY KEY NOT NULL,
	"establishment_id" text NOT NULL,
	"commune_code" char(4) NOT NULL,
	"date" date NOT NULL,
	"inspector" text NOT NULL,
	"score" integer NOT NULL,
	"findings" text NOT NULL,
	"measure" text NOT NULL,
	"follow_up_due" date,
	"follow_up_of" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hygiene"."outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"reference" text NOT NULL,
	"recipient" text NOT NULL,
	"message" text NOT NULL,
	"status" text DEFAULT 'PENDING' NOT NULL,
	"attempts" integer DEFAULT 0 NOT NULL,
	"next_attempt_at" timestamp with time zone NOT NULL,
	"sent_at" timestamp with time zone,
	"provider_message_id" text,
	"last_error" text,
	"created_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hygiene"."public_lookups" (
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
CREATE TABLE "hygiene"."rate_limits" (
	"key" text PRIMARY KEY NOT NULL,
	"window_start" bigint NOT NULL,
	"count" integer NOT NULL,
	"previous_count" integer DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hygiene"."request_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"request_number" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"actor_kind" text NOT NULL,
	"actor" text NOT NULL,
	"note" text,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hygiene"."requests" (
	"number" text PRIMARY KEY NOT NULL,
	"commune_code" char(4) NOT NULL,
	"category" text NOT NULL,
	"place" text NOT NULL,
	"text" text NOT NULL,
	"establishment_id" text,
	"requester_nin" char(18),
	"contact_phone" text,
	"channel" text NOT NULL,
	"status" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"assignee" text,
	"filed_at" timestamp with time zone NOT NULL,
	"deadline" timestamp with time zone NOT NULL,
	"closed_at" timestamp with time zone,
	"justification" text
);
--> statement-breakpoint
CREATE TABLE "hygiene"."sampling_points" (
	"id" text PRIMARY KEY NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"commune_code" char(4) NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hygiene"."serials" (
	"key" text PRIMARY KEY NOT NULL,
	"last" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "hygiene"."water_samples" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"point_id" text NOT NULL,
	"commune_code" char(4) NOT NULL,
	"taken_on" date NOT NULL,
	"free_chlorine" real NOT NULL,
	"e_coli" integer NOT NULL,
	"total_coliforms" integer NOT NULL,
	"compliant" boolean NOT NULL,
	"failures" text[] NOT NULL,
	"recorded_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "associations"."annual_reports" (
	"association_id" text NOT NULL,
	"year" integer NOT NULL,
	"submitted_on" date NOT NULL,
	"summary" text NOT NULL,
	CONSTRAINT "annual_reports_association_id_year_pk" PRIMARY KEY("association_id","year")
);
--> statement-breakpoint
CREATE TABLE "associations"."association_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"association_id" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"actor" text NOT NULL,
	"reason" text,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "associations"."associations" (
	"id" text PRIMARY KEY NOT NULL,
	"commune_code" char(4) NOT NULL,
	"name" text NOT NULL,
	"name_ar" text NOT NULL,
	"name_key" text NOT NULL,
	"name_ar_key" text NOT NULL,
	"domain" text NOT NULL,
	"seat" text NOT NULL,
	"statutes" text NOT NULL,
	"status" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"declared_on" date NOT NULL,
	"decision_due" date NOT NULL,
	"registration_number" text,
	"registered_on" date,
	"refusal_reason" text,
	"declared_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "associations"."board_members" (
	"association_id" text NOT NULL,
	"board" integer NOT NULL,
	"nin" char(18) NOT NULL,
	"role" text NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date,
	CONSTRAINT "board_members_association_id_board_nin_pk" PRIMARY KEY("association_id","board","nin")
);
--> statement-breakpoint
CREATE TABLE "associations"."consultations" (
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
CREATE TABLE "associations"."founders" (
	"association_id" text NOT NULL,
	"nin" char(18) NOT NULL,
	CONSTRAINT "founders_association_id_nin_pk" PRIMARY KEY("association_id","nin")
);
--> statement-breakpoint
CREATE TABLE "associations"."general_assemblies" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"association_id" text NOT NULL,
	"held_on" date NOT NULL,
	"kind" text NOT NULL,
	"summary" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "associations"."idempotency_keys" (
	"client_id" text NOT NULL,
	"key" text NOT NULL,
	"operation" text NOT NULL,
	"request_hash" text NOT NULL,
	"response" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_client_id_key_pk" PRIMARY KEY("client_id","key")
);
--> statement-breakpoint
CREATE TABLE "associations"."serials" (
	"key" text PRIMARY KEY NOT NULL,
	"last" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "associations"."subsidies" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"association_id" text NOT NULL,
	"year" integer NOT NULL,
	"amount" bigint NOT NULL,
	"granted_on" date NOT NULL
);
--> statement-breakpoint
CREATE INDEX "campaigns_commune_idx" ON "hygiene"."campaigns" USING btree ("commune_code","start_date","id");--> statement-breakpoint
CREATE INDEX "consultations_nin_idx" ON "hygiene"."consultations" USING btree ("nin","at");--> statement-breakpoint
CREATE INDEX "consultations_client_idx" ON "hygiene"."consultations" USING btree ("client_id","at");--> statement-breakpoint
CREATE INDEX "consultations_ministry_idx" ON "hygiene"."consultations" USING btree ("ministry","at");--> statement-breakpoint
CREATE INDEX "establishments_commune_idx" ON "hygiene"."establishments" USING btree ("commune_code","id");--> statement-breakpoint
CREATE INDEX "establishments_operator_idx" ON "hygiene"."establishments" USING btree ("operator_nin");--> statement-breakpoint
CREATE INDEX "inspections_establishment_idx" ON "hygiene"."inspections" USING btree ("establishment_id","date","id");--> statement-breakpoint
CREATE INDEX "outbox_pending_idx" ON "hygiene"."outbox" USING btree ("status","next_attempt_at","id");--> statement-breakpoint
CREATE INDEX "public_lookups_address_idx" ON "hygiene"."public_lookups" USING btree ("client_address","at");--> statement-breakpoint
CREATE INDEX "public_lookups_subject_idx" ON "hygiene"."public_lookups" USING btree ("subject","at");--> statement-breakpoint
CREATE INDEX "rate_limits_window_idx" ON "hygiene"."rate_limits" USING btree ("window_start");--> statement-breakpoint
CREATE INDEX "request_events_request_idx" ON "hygiene"."request_events" USING btree ("request_number","id");--> statement-breakpoint
CREATE INDEX "requests_queue_idx" ON "hygiene"."requests" USING btree ("commune_code","status","number");--> statement-breakpoint
CREATE INDEX "requests_requester_idx" ON "hygiene"."requests" USING btree ("requester_nin");--> statement-breakpoint
CREATE INDEX "requests_establishment_idx" ON "hygiene"."requests" USING btree ("establishment_id");--> statement-breakpoint
CREATE INDEX "sampling_points_commune_idx" ON "hygiene"."sampling_points" USING btree ("commune_code","id");--> statement-breakpoint
CREATE INDEX "water_samples_commune_idx" ON "hygiene"."water_samples" USING btree ("commune_code","taken_on","id");--> statement-breakpoint
CREATE INDEX "water_samples_point_idx" ON "hygiene"."water_samples" USING btree ("point_id","taken_on");--> statement-breakpoint
CREATE INDEX "association_events_association_idx" ON "associations"."association_events" USING btree ("association_id","id");--> statement-breakpoint
CREATE INDEX "associations_commune_idx" ON "associations"."associations" USING btree ("commune_code","id");--> statement-breakpoint
CREATE UNIQUE INDEX "associations_name_idx" ON "associations"."associations" USING btree ("commune_code","name_key") WHERE status not in ('REFUSED', 'DISSOLVED');--> statement-breakpoint
CREATE INDEX "board_members_nin_idx" ON "associations"."board_members" USING btree ("nin");--> statement-breakpoint
CREATE INDEX "consultations_nin_idx" ON "associations"."consultations" USING btree ("nin","at");--> statement-breakpoint
CREATE INDEX "consultations_client_idx" ON "associations"."consultations" USING btree ("client_id","at");--> statement-breakpoint
CREATE INDEX "consultations_ministry_idx" ON "associations"."consultations" USING btree ("ministry","at");--> statement-breakpoint
CREATE INDEX "founders_nin_idx" ON "associations"."founders" USING btree ("nin");--> statement-breakpoint
CREATE INDEX "general_assemblies_association_idx" ON "associations"."general_assemblies" USING btree ("association_id","held_on");--> statement-breakpoint
CREATE INDEX "subsidies_association_idx" ON "associations"."subsidies" USING btree ("association_id","year");--> statement-breakpoint
-- ==== Hand-written (drizzle does not track triggers): append-only logs of the hygiene and
-- ==== associations subgraphs, each schema with its own function so it can move alone.
-- The consultation logs, the public lookup log, and the steps of citizens' requests and of
-- associations ("every step kept") refuse UPDATE, DELETE and TRUNCATE.
CREATE FUNCTION hygiene.refuse_log_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER consultations_append_only BEFORE UPDATE OR DELETE ON hygiene.consultations
  FOR EACH ROW EXECUTE FUNCTION hygiene.refuse_log_change();
--> statement-breakpoint
CREATE TRIGGER consultations_no_truncate BEFORE TRUNCATE ON hygiene.consultations
  FOR EACH STATEMENT EXECUTE FUNCTION hygiene.refuse_log_change();
--> statement-breakpoint
CREATE TRIGGER public_lookups_append_only BEFORE UPDATE OR DELETE ON hygiene.public_lookups
  FOR EACH ROW EXECUTE FUNCTION hygiene.refuse_log_change();
--> statement-breakpoint
CREATE TRIGGER public_lookups_no_truncate BEFORE TRUNCATE ON hygiene.public_lookups
  FOR EACH STATEMENT EXECUTE FUNCTION hygiene.refuse_log_change();
--> statement-breakpoint
CREATE TRIGGER request_events_append_only BEFORE UPDATE OR DELETE ON hygiene.request_events
  FOR EACH ROW EXECUTE FUNCTION hygiene.refuse_log_change();
--> statement-breakpoint
CREATE TRIGGER request_events_no_truncate BEFORE TRUNCATE ON hygiene.request_events
  FOR EACH STATEMENT EXECUTE FUNCTION hygiene.refuse_log_change();
--> statement-breakpoint
CREATE FUNCTION associations.refuse_log_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION '% is append-only (% refused)', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER consultations_append_only BEFORE UPDATE OR DELETE ON associations.consultations
  FOR EACH ROW EXECUTE FUNCTION associations.refuse_log_change();
--> statement-breakpoint
CREATE TRIGGER consultations_no_truncate BEFORE TRUNCATE ON associations.consultations
  FOR EACH STATEMENT EXECUTE FUNCTION associations.refuse_log_change();
--> statement-breakpoint
CREATE TRIGGER association_events_append_only BEFORE UPDATE OR DELETE ON associations.association_events
  FOR EACH ROW EXECUTE FUNCTION associations.refuse_log_change();
--> statement-breakpoint
CREATE TRIGGER association_events_no_truncate BEFORE TRUNCATE ON associations.association_events
  FOR EACH STATEMENT EXECUTE FUNCTION associations.refuse_log_change();
-- ==== end of hand-written block
