CREATE SCHEMA "citizens";
--> statement-breakpoint
CREATE SCHEMA "communes";
--> statement-breakpoint
CREATE TABLE "citizens"."citizens" (
	"nin" char(18) PRIMARY KEY NOT NULL,
	"given_name_ar" text NOT NULL,
	"family_name_ar" text NOT NULL,
	"given_name_lat" text NOT NULL,
	"family_name_lat" text NOT NULL,
	"sex" text NOT NULL,
	"birth_date" date NOT NULL,
	"birth_commune_code" char(4) NOT NULL,
	"father_nin" char(18),
	"mother_nin" char(18),
	"marital_status" text NOT NULL,
	"death_date" date,
	"registered_by" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "citizens"."idempotency_keys" (
	"client_id" text NOT NULL,
	"key" text NOT NULL,
	"operation" text NOT NULL,
	"request_hash" text NOT NULL,
	"response" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "idempotency_keys_client_id_key_pk" PRIMARY KEY("client_id","key")
);
--> statement-breakpoint
CREATE TABLE "citizens"."nin_serials" (
	"prefix" char(9) PRIMARY KEY NOT NULL,
	"last" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "communes"."communes" (
	"code" text PRIMARY KEY NOT NULL,
	"wilaya_code" text NOT NULL,
	"daira_code" text,
	"name_ar" text NOT NULL,
	"name_fr" text NOT NULL,
	"name_ber" text,
	"postal_code" text
);
--> statement-breakpoint
CREATE TABLE "communes"."dairas" (
	"code" text PRIMARY KEY NOT NULL,
	"wilaya_code" text NOT NULL,
	"name_ar" text NOT NULL,
	"name_fr" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "communes"."wilayas" (
	"code" text PRIMARY KEY NOT NULL,
	"name_ar" text NOT NULL,
	"name_fr" text NOT NULL,
	"name_en" text,
	"name_ber" text,
	"phone_codes" integer[] NOT NULL,
	"postal_codes" text[] NOT NULL,
	"adjacent_wilaya_codes" text[] NOT NULL
);
--> statement-breakpoint
ALTER TABLE "communes"."communes" ADD CONSTRAINT "communes_wilaya_code_wilayas_code_fk" FOREIGN KEY ("wilaya_code") REFERENCES "communes"."wilayas"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "communes"."communes" ADD CONSTRAINT "communes_daira_code_dairas_code_fk" FOREIGN KEY ("daira_code") REFERENCES "communes"."dairas"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "communes"."dairas" ADD CONSTRAINT "dairas_wilaya_code_wilayas_code_fk" FOREIGN KEY ("wilaya_code") REFERENCES "communes"."wilayas"("code") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "citizens_birth_commune_idx" ON "citizens"."citizens" USING btree ("birth_commune_code","nin");--> statement-breakpoint
CREATE INDEX "citizens_father_idx" ON "citizens"."citizens" USING btree ("father_nin");--> statement-breakpoint
CREATE INDEX "citizens_mother_idx" ON "citizens"."citizens" USING btree ("mother_nin");--> statement-breakpoint
CREATE INDEX "citizens_birth_date_idx" ON "citizens"."citizens" USING btree ("birth_date");--> statement-breakpoint
CREATE INDEX "citizens_family_lat_idx" ON "citizens"."citizens" USING btree (lower("family_name_lat") text_pattern_ops);--> statement-breakpoint
CREATE INDEX "citizens_family_ar_idx" ON "citizens"."citizens" USING btree ("family_name_ar" text_pattern_ops);--> statement-breakpoint
CREATE INDEX "communes_wilaya_idx" ON "communes"."communes" USING btree ("wilaya_code","code");--> statement-breakpoint
CREATE INDEX "communes_daira_idx" ON "communes"."communes" USING btree ("daira_code","code");--> statement-breakpoint
CREATE INDEX "dairas_wilaya_idx" ON "communes"."dairas" USING btree ("wilaya_code","code");