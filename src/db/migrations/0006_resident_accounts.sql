CREATE TABLE "resident_accounts" (
	"resident_id" uuid PRIMARY KEY NOT NULL,
	"phone" varchar(20) NOT NULL,
	"password_hash" text,
	"activation_code_hash" varchar(64),
	"activation_expires_at" timestamp with time zone,
	"activation_issued_by" uuid,
	"failed_attempts" integer DEFAULT 0 NOT NULL,
	"locked_until" timestamp with time zone,
	"disabled" boolean DEFAULT false NOT NULL,
	"last_login_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resident_devices" (
	"id" varchar(64) PRIMARY KEY NOT NULL,
	"resident_id" uuid NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_used_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resident_sessions" (
	"id" varchar(64) PRIMARY KEY NOT NULL,
	"resident_id" uuid NOT NULL,
	"csrf_token" varchar(64) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
ALTER TABLE "resident_accounts" ADD CONSTRAINT "resident_accounts_resident_id_residents_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."residents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resident_accounts" ADD CONSTRAINT "resident_accounts_activation_issued_by_users_id_fk" FOREIGN KEY ("activation_issued_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resident_devices" ADD CONSTRAINT "resident_devices_resident_id_residents_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."residents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resident_sessions" ADD CONSTRAINT "resident_sessions_resident_id_residents_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."residents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "resident_accounts_phone_uq" ON "resident_accounts" USING btree ("phone");--> statement-breakpoint
CREATE INDEX "resident_devices_resident_idx" ON "resident_devices" USING btree ("resident_id");--> statement-breakpoint
CREATE INDEX "resident_sessions_resident_idx" ON "resident_sessions" USING btree ("resident_id");