CREATE TABLE "sign_in_rules" (
	"county_id" uuid PRIMARY KEY NOT NULL,
	"opens_before_minutes" integer,
	"closes_after_minutes" integer,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resident_login_throttle" (
	"key" varchar(100) PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"window_started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "sign_ins" ADD COLUMN "source_id" varchar(64);--> statement-breakpoint
ALTER TABLE "sign_ins" ADD COLUMN "pending_reason" varchar(12);--> statement-breakpoint
ALTER TABLE "sign_in_rules" ADD CONSTRAINT "sign_in_rules_county_id_org_nodes_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."org_nodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sign_ins_activity_source_idx" ON "sign_ins" USING btree ("activity_id","source_id");