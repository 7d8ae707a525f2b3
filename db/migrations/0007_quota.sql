CREATE SCHEMA "platform";
--> statement-breakpoint
CREATE TABLE "platform"."quota_nins" (
	"client_id" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"nin" char(18) NOT NULL,
	CONSTRAINT "quota_nins_client_id_window_start_nin_pk" PRIMARY KEY("client_id","window_start","nin")
);
--> statement-breakpoint
CREATE TABLE "platform"."quota_windows" (
	"client_id" text NOT NULL,
	"window_start" timestamp with time zone NOT NULL,
	"used" integer NOT NULL,
	CONSTRAINT "quota_windows_client_id_window_start_pk" PRIMARY KEY("client_id","window_start")
);
