CREATE SCHEMA "vehicles";
--> statement-breakpoint
CREATE TABLE "vehicles"."consultations" (
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
CREATE TABLE "vehicles"."idempotency_keys" (
	"client_id" text NOT NULL,
	"key" text NOT NULL,
	"operation" text NOT NULL,
	"request_hash" text NOT NULL,
	"response" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_client_id_key_pk" PRIMARY KEY("client_id","key")
);
--> statement-breakpoint
CREATE TABLE "vehicles"."ownerships" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"vin" char(17) NOT NULL,
	"owner_nin" char(18) NOT NULL,
	"from_date" date NOT NULL,
	"to_date" date
);
--> statement-breakpoint
CREATE TABLE "vehicles"."registration_cards" (
	"number" text PRIMARY KEY NOT NULL,
	"vin" char(17) NOT NULL,
	"holder_nin" char(18) NOT NULL,
	"plate" text NOT NULL,
	"issue_date" date NOT NULL,
	"closed_date" date,
	"status" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vehicles"."serials" (
	"key" text PRIMARY KEY NOT NULL,
	"last" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vehicles"."status_events" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"vin" char(17) NOT NULL,
	"status" text NOT NULL,
	"actor" text NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "vehicles"."vehicles" (
	"vin" char(17) PRIMARY KEY NOT NULL,
	"make" text NOT NULL,
	"model" text NOT NULL,
	"category" text NOT NULL,
	"energy" text NOT NULL,
	"year" integer NOT NULL,
	"first_registration_date" date NOT NULL,
	"plate" text NOT NULL,
	"wilaya_code" char(2) NOT NULL,
	"status" text NOT NULL,
	"owner_nin" char(18) NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE INDEX "consultations_nin_idx" ON "vehicles"."consultations" USING btree ("nin","at");--> statement-breakpoint
CREATE INDEX "consultations_client_idx" ON "vehicles"."consultations" USING btree ("client_id","at");--> statement-breakpoint
CREATE INDEX "consultations_ministry_idx" ON "vehicles"."consultations" USING btree ("ministry","at");--> statement-breakpoint
CREATE INDEX "ownerships_vin_idx" ON "vehicles"."ownerships" USING btree ("vin","id");--> statement-breakpoint
CREATE INDEX "ownerships_owner_idx" ON "vehicles"."ownerships" USING btree ("owner_nin");--> statement-breakpoint
CREATE INDEX "cards_vin_idx" ON "vehicles"."registration_cards" USING btree ("vin","issue_date");--> statement-breakpoint
CREATE INDEX "status_events_vin_idx" ON "vehicles"."status_events" USING btree ("vin","id");--> statement-breakpoint
CREATE UNIQUE INDEX "vehicles_plate_idx" ON "vehicles"."vehicles" USING btree ("plate");--> statement-breakpoint
CREATE INDEX "vehicles_owner_idx" ON "vehicles"."vehicles" USING btree ("owner_nin");--> statement-breakpoint
CREATE INDEX "vehicles_wilaya_idx" ON "vehicles"."vehicles" USING btree ("wilaya_code","vin");