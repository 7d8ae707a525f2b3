CREATE TABLE "citizens"."certificate_request_events" (
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
CREATE TABLE "citizens"."certificate_requests" (
	"number" text PRIMARY KEY NOT NULL,
	"nin" char(18) NOT NULL,
	"type" text NOT NULL,
	"reason" text NOT NULL,
	"address" text,
	"commune_code" char(4) NOT NULL,
	"channel" text NOT NULL,
	"contact_phone" text NOT NULL,
	"applicant_birth_date" date NOT NULL,
	"tracking_code_hash" char(64) NOT NULL,
	"status" text NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"justification" text,
	"certificate_code" text,
	"credential" text,
	"submitted_at" timestamp with time zone NOT NULL,
	"decided_at" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "citizens"."outbox" (
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
CREATE INDEX "certificate_request_events_request_idx" ON "citizens"."certificate_request_events" USING btree ("request_number","id");--> statement-breakpoint
CREATE INDEX "certificate_requests_queue_idx" ON "citizens"."certificate_requests" USING btree ("commune_code","status","number");--> statement-breakpoint
CREATE INDEX "certificate_requests_nin_idx" ON "citizens"."certificate_requests" USING btree ("nin","submitted_at");--> statement-breakpoint
CREATE UNIQUE INDEX "certificate_requests_open_idx" ON "citizens"."certificate_requests" USING btree ("nin","type") WHERE "citizens"."certificate_requests"."status" = 'SUBMITTED';--> statement-breakpoint
CREATE INDEX "outbox_pending_idx" ON "citizens"."outbox" USING btree ("status","next_attempt_at","id");--> statement-breakpoint
-- ==== hand-written block (drizzle-kit does not generate triggers): every step is kept
CREATE TRIGGER certificate_request_events_append_only BEFORE UPDATE OR DELETE ON citizens.certificate_request_events
  FOR EACH ROW EXECUTE FUNCTION citizens.refuse_ledger_change();
--> statement-breakpoint
CREATE TRIGGER certificate_request_events_no_truncate BEFORE TRUNCATE ON citizens.certificate_request_events
  FOR EACH STATEMENT EXECUTE FUNCTION citizens.refuse_ledger_change();
-- ==== end of hand-written block
