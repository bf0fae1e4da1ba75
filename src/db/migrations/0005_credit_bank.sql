CREATE TABLE "credit_balances" (
	"resident_id" uuid PRIMARY KEY NOT NULL,
	"county_id" uuid NOT NULL,
	"balance" numeric(10, 1) DEFAULT '0' NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "credit_redemptions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"county_id" uuid NOT NULL,
	"resident_id" uuid NOT NULL,
	"reward_id" uuid NOT NULL,
	"ledger_id" bigint NOT NULL,
	"cost" numeric(8, 1) NOT NULL,
	"channel" varchar(12) NOT NULL,
	"status" varchar(12) DEFAULT 'done' NOT NULL,
	"handled_by" uuid,
	"cancelled_by" uuid,
	"cancel_reason" varchar(200),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"cancelled_at" timestamp with time zone,
	CONSTRAINT "credit_redemptions_status_chk" CHECK ("credit_redemptions"."status" in ('done','cancelled')),
	CONSTRAINT "credit_redemptions_channel_chk" CHECK ("credit_redemptions"."channel" in ('counter','self'))
);
--> statement-breakpoint
CREATE TABLE "credit_rewards" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"county_id" uuid NOT NULL,
	"node_id" uuid NOT NULL,
	"name" varchar(60) NOT NULL,
	"description" varchar(300) DEFAULT '' NOT NULL,
	"cost" numeric(8, 1) NOT NULL,
	"stock" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "credit_rewards_stock_chk" CHECK ("credit_rewards"."stock" >= 0),
	CONSTRAINT "credit_rewards_cost_chk" CHECK ("credit_rewards"."cost" > 0)
);
--> statement-breakpoint
CREATE TABLE "credit_rules" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"county_id" uuid NOT NULL,
	"theme" varchar(24) NOT NULL,
	"credits_per_hour" numeric(5, 1) NOT NULL,
	"grant_at" varchar(12) DEFAULT 'sign_in' NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "credit_rules_grant_at_chk" CHECK ("credit_rules"."grant_at" in ('sign_in','done')),
	CONSTRAINT "credit_rules_rate_chk" CHECK ("credit_rules"."credits_per_hour" >= 0)
);
--> statement-breakpoint
ALTER TABLE "credit_balances" ADD CONSTRAINT "credit_balances_resident_id_residents_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."residents"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_balances" ADD CONSTRAINT "credit_balances_county_id_org_nodes_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."org_nodes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_redemptions" ADD CONSTRAINT "credit_redemptions_county_id_org_nodes_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."org_nodes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_redemptions" ADD CONSTRAINT "credit_redemptions_resident_id_residents_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."residents"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_redemptions" ADD CONSTRAINT "credit_redemptions_reward_id_credit_rewards_id_fk" FOREIGN KEY ("reward_id") REFERENCES "public"."credit_rewards"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_redemptions" ADD CONSTRAINT "credit_redemptions_ledger_id_credit_ledger_id_fk" FOREIGN KEY ("ledger_id") REFERENCES "public"."credit_ledger"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_redemptions" ADD CONSTRAINT "credit_redemptions_handled_by_users_id_fk" FOREIGN KEY ("handled_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_redemptions" ADD CONSTRAINT "credit_redemptions_cancelled_by_users_id_fk" FOREIGN KEY ("cancelled_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_rewards" ADD CONSTRAINT "credit_rewards_county_id_org_nodes_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."org_nodes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_rewards" ADD CONSTRAINT "credit_rewards_node_id_org_nodes_id_fk" FOREIGN KEY ("node_id") REFERENCES "public"."org_nodes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_rewards" ADD CONSTRAINT "credit_rewards_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_rules" ADD CONSTRAINT "credit_rules_county_id_org_nodes_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."org_nodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_rules" ADD CONSTRAINT "credit_rules_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "credit_redemptions_resident_idx" ON "credit_redemptions" USING btree ("resident_id");--> statement-breakpoint
CREATE INDEX "credit_redemptions_county_idx" ON "credit_redemptions" USING btree ("county_id","created_at");--> statement-breakpoint
CREATE UNIQUE INDEX "credit_redemptions_ledger_uq" ON "credit_redemptions" USING btree ("ledger_id");--> statement-breakpoint
CREATE INDEX "credit_rewards_node_idx" ON "credit_rewards" USING btree ("node_id");--> statement-breakpoint
CREATE UNIQUE INDEX "credit_rules_county_theme_uq" ON "credit_rules" USING btree ("county_id","theme");