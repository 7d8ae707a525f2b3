CREATE SCHEMA "documents";
--> statement-breakpoint
CREATE TABLE "documents"."application_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"application_number" text NOT NULL,
	"from_status" text,
	"to_status" text NOT NULL,
	"actor_kind" text NOT NULL,
	"actor" text NOT NULL,
	"reason" text,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "documents"."applications" (
	"number" text PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"categories" text[] NOT NULL,
	"reason" text NOT NULL,
	"nin" char(18) NOT NULL,
	"applicant_birth_date" date NOT NULL,
	"counter_commune_code" char(4) NOT NULL,
	"contact_phone" text NOT NULL,
	"status" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"previous_document_number" text,
	"document_number" text,
	"rejection_reason" text,
	"submitted_by" text NOT NULL,
	"submitted_at" timestamp with time zone NOT NULL,
	"updated_at" timestamp with time zone NOT NULL,
	"delivered_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "documents"."consultations" (
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
CREATE TABLE "documents"."documents" (
	"number" text PRIMARY KEY NOT NULL,
	"type" text NOT NULL,
	"categories" text[] NOT NULL,
	"holder_nin" char(18) NOT NULL,
	"issuing_commune_code" char(4) NOT NULL,
	"issue_date" date NOT NULL,
	"expiry_date" date NOT NULL,
	"status" text NOT NULL,
	"application_number" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "documents"."idempotency_keys" (
	"client_id" text NOT NULL,
	"key" text NOT NULL,
	"operation" text NOT NULL,
	"request_hash" text NOT NULL,
	"response" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_client_id_key_pk" PRIMARY KEY("client_id","key")
);
--> statement-breakpoint
CREATE TABLE "documents"."outbox" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"kind" text NOT NULL,
	"application_number" text NOT NULL,
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
CREATE TABLE "documents"."serials" (
	"key" text PRIMARY KEY NOT NULL,
	"last" integer NOT NULL
);
--> statement-breakpoint
CREATE INDEX "application_events_app_idx" ON "documents"."application_events" USING btree ("application_number","id");--> statement-breakpoint
CREATE INDEX "applications_queue_idx" ON "documents"."applications" USING btree ("counter_commune_code","status","number");--> statement-breakpoint
CREATE INDEX "applications_nin_idx" ON "documents"."applications" USING btree ("nin","type");--> statement-breakpoint
CREATE UNIQUE INDEX "applications_one_open_idx" ON "documents"."applications" USING btree ("nin","type") WHERE status in ('SUBMITTED', 'UNDER_REVIEW', 'APPROVED', 'IN_PRODUCTION', 'READY');--> statement-breakpoint
CREATE INDEX "consultations_nin_idx" ON "documents"."consultations" USING btree ("nin","at");--> statement-breakpoint
CREATE INDEX "consultations_client_idx" ON "documents"."consultations" USING btree ("client_id","at");--> statement-breakpoint
CREATE INDEX "consultations_ministry_idx" ON "documents"."consultations" USING btree ("ministry","at");--> statement-breakpoint
CREATE INDEX "documents_holder_idx" ON "documents"."documents" USING btree ("holder_nin","type");--> statement-breakpoint
CREATE INDEX "documents_issued_idx" ON "documents"."documents" USING btree ("issue_date","type");--> statement-breakpoint
CREATE INDEX "outbox_pending_idx" ON "documents"."outbox" USING btree ("status","next_attempt_at","id");