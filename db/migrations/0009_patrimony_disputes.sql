CREATE SCHEMA "patrimony";
--> statement-breakpoint
CREATE SCHEMA "disputes";
--> statement-breakpoint
CREATE TABLE "patrimony"."assets" (
	"inventory_number" text PRIMARY KEY NOT NULL,
	"commune_code" char(4) NOT NULL,
	"category" text NOT NULL,
	"productive" boolean NOT NULL,
	"name" text NOT NULL,
	"address" text NOT NULL,
	"surface_m2" integer NOT NULL,
	"acquisition_date" date NOT NULL,
	"acquisition_value_centimes" bigint NOT NULL,
	"legal_status" text NOT NULL,
	"condition" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "patrimony"."consultations" (
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
CREATE TABLE "patrimony"."expenses" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"asset_inventory_number" text NOT NULL,
	"commune_code" char(4) NOT NULL,
	"kind" text NOT NULL,
	"spent_on" date NOT NULL,
	"amount_centimes" bigint NOT NULL,
	"description" text NOT NULL,
	"recorded_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "patrimony"."formal_notices" (
	"number" text PRIMARY KEY NOT NULL,
	"lease_number" text NOT NULL,
	"commune_code" char(4) NOT NULL,
	"period" char(7) NOT NULL,
	"amount_due_centimes" bigint NOT NULL,
	"issued_on" date NOT NULL,
	"deadline" date NOT NULL,
	"issued_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "patrimony"."idempotency_keys" (
	"client_id" text NOT NULL,
	"key" text NOT NULL,
	"operation" text NOT NULL,
	"request_hash" text NOT NULL,
	"response" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_client_id_key_pk" PRIMARY KEY("client_id","key")
);
--> statement-breakpoint
CREATE TABLE "patrimony"."leases" (
	"number" text PRIMARY KEY NOT NULL,
	"asset_inventory_number" text NOT NULL,
	"commune_code" char(4) NOT NULL,
	"tenant_nin" char(18),
	"tenant_nif" char(15),
	"tenant_name" text,
	"tenant_phone" text NOT NULL,
	"start_date" date NOT NULL,
	"end_date" date NOT NULL,
	"monthly_rent_centimes" bigint NOT NULL,
	"deposit_centimes" bigint NOT NULL,
	"status" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "patrimony"."outbox" (
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
CREATE TABLE "patrimony"."payments" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"lease_number" text NOT NULL,
	"receipt_number" text NOT NULL,
	"paid_on" date NOT NULL,
	"amount_centimes" bigint NOT NULL,
	"recorded_by" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "patrimony"."serials" (
	"key" text PRIMARY KEY NOT NULL,
	"last" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "disputes"."case_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_number" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"level" text NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor" text NOT NULL,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "disputes"."cases" (
	"number" text PRIMARY KEY NOT NULL,
	"commune_code" char(4) NOT NULL,
	"role" text NOT NULL,
	"court" text NOT NULL,
	"level" text NOT NULL,
	"subject" text NOT NULL,
	"party_kind" text NOT NULL,
	"party_nin" char(18),
	"party_nif" char(15),
	"party_name" text,
	"lawyer" text NOT NULL,
	"amount_claimed_centimes" bigint NOT NULL,
	"lease_number" text,
	"notice_number" text,
	"status" text NOT NULL,
	"opened_on" date NOT NULL,
	"judgment_date" date,
	"decision" text,
	"amount_awarded_centimes" bigint,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "disputes"."consultations" (
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
CREATE TABLE "disputes"."hearings" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"case_number" text NOT NULL,
	"level" text NOT NULL,
	"date" date NOT NULL,
	"outcome" text NOT NULL,
	"recorded_by" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "disputes"."idempotency_keys" (
	"client_id" text NOT NULL,
	"key" text NOT NULL,
	"operation" text NOT NULL,
	"request_hash" text NOT NULL,
	"response" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_client_id_key_pk" PRIMARY KEY("client_id","key")
);
--> statement-breakpoint
CREATE TABLE "disputes"."serials" (
	"key" text PRIMARY KEY NOT NULL,
	"last" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "assets_commune_idx" ON "patrimony"."assets" USING btree ("commune_code","inventory_number");--> statement-breakpoint
CREATE INDEX "consultations_nin_idx" ON "patrimony"."consultations" USING btree ("nin","at");--> statement-breakpoint
CREATE INDEX "consultations_client_idx" ON "patrimony"."consultations" USING btree ("client_id","at");--> statement-breakpoint
CREATE INDEX "consultations_ministry_idx" ON "patrimony"."consultations" USING btree ("ministry","at");--> statement-breakpoint
CREATE INDEX "expenses_asset_idx" ON "patrimony"."expenses" USING btree ("asset_inventory_number","spent_on");--> statement-breakpoint
CREATE INDEX "expenses_commune_idx" ON "patrimony"."expenses" USING btree ("commune_code","spent_on");--> statement-breakpoint
CREATE UNIQUE INDEX "notices_lease_period_idx" ON "patrimony"."formal_notices" USING btree ("lease_number","period");--> statement-breakpoint
CREATE INDEX "leases_commune_idx" ON "patrimony"."leases" USING btree ("commune_code","number");--> statement-breakpoint
CREATE INDEX "leases_asset_idx" ON "patrimony"."leases" USING btree ("asset_inventory_number","start_date");--> statement-breakpoint
CREATE INDEX "leases_tenant_idx" ON "patrimony"."leases" USING btree ("tenant_nin","number");--> statement-breakpoint
CREATE INDEX "outbox_pending_idx" ON "patrimony"."outbox" USING btree ("status","next_attempt_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "payments_receipt_idx" ON "patrimony"."payments" USING btree ("receipt_number");--> statement-breakpoint
CREATE INDEX "payments_lease_idx" ON "patrimony"."payments" USING btree ("lease_number","paid_on");--> statement-breakpoint
CREATE INDEX "case_events_case_idx" ON "disputes"."case_events" USING btree ("case_number","id");--> statement-breakpoint
CREATE INDEX "cases_commune_idx" ON "disputes"."cases" USING btree ("commune_code","number");--> statement-breakpoint
CREATE INDEX "cases_party_idx" ON "disputes"."cases" USING btree ("party_nin","number");--> statement-breakpoint
CREATE INDEX "cases_lease_idx" ON "disputes"."cases" USING btree ("lease_number");--> statement-breakpoint
CREATE UNIQUE INDEX "cases_notice_idx" ON "disputes"."cases" USING btree ("notice_number");--> statement-breakpoint
CREATE INDEX "consultations_nin_idx" ON "disputes"."consultations" USING btree ("nin","at");--> statement-breakpoint
CREATE INDEX "consultations_client_idx" ON "disputes"."consultations" USING btree ("client_id","at");--> statement-breakpoint
CREATE INDEX "consultations_ministry_idx" ON "disputes"."consultations" USING btree ("ministry","at");--> statement-breakpoint
CREATE INDEX "hearings_case_idx" ON "disputes"."hearings" USING btree ("case_number","date");--> statement-breakpoint
-- ==== hand-written: the patrimony and disputes consultation logs are append-only ====
-- (each schema its own function, so either can move to its own database)
CREATE FUNCTION patrimony.refuse_consultation_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the consultation log is append-only (% refused)', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER consultations_append_only
  BEFORE UPDATE OR DELETE ON patrimony.consultations
  FOR EACH ROW EXECUTE FUNCTION patrimony.refuse_consultation_change();
--> statement-breakpoint
CREATE TRIGGER consultations_no_truncate
  BEFORE TRUNCATE ON patrimony.consultations
  FOR EACH STATEMENT EXECUTE FUNCTION patrimony.refuse_consultation_change();
--> statement-breakpoint
CREATE FUNCTION disputes.refuse_consultation_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the consultation log is append-only (% refused)', TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;
--> statement-breakpoint
CREATE TRIGGER consultations_append_only
  BEFORE UPDATE OR DELETE ON disputes.consultations
  FOR EACH ROW EXECUTE FUNCTION disputes.refuse_consultation_change();
--> statement-breakpoint
CREATE TRIGGER consultations_no_truncate
  BEFORE TRUNCATE ON disputes.consultations
  FOR EACH STATEMENT EXECUTE FUNCTION disputes.refuse_consultation_change();
-- ==== end of hand-written SQL ====
