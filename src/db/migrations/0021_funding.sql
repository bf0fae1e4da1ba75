CREATE TABLE "funding_allocations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"budget_id" uuid NOT NULL,
	"centre_id" uuid NOT NULL,
	"amount_fen" bigint NOT NULL,
	"note" varchar(100),
	CONSTRAINT "funding_allocations_amount_chk" CHECK ("funding_allocations"."amount_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "funding_budget_lines" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"budget_id" uuid NOT NULL,
	"source" varchar(16) NOT NULL,
	"amount_fen" bigint NOT NULL,
	"note" varchar(100),
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "funding_budget_lines_source_chk" CHECK ("funding_budget_lines"."source" in ('government','donation','grant','other')),
	CONSTRAINT "funding_budget_lines_amount_chk" CHECK ("funding_budget_lines"."amount_fen" >= 0)
);
--> statement-breakpoint
CREATE TABLE "funding_budgets" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"town_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"note" varchar(300),
	"updated_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "funding_expenses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"node_id" uuid NOT NULL,
	"category" varchar(16) NOT NULL,
	"teacher_id" uuid,
	"payee" varchar(60) NOT NULL,
	"amount_fen" bigint NOT NULL,
	"spent_on" date NOT NULL,
	"description" varchar(200) NOT NULL,
	"invoice_file_id" uuid,
	"activity_id" uuid,
	"status" varchar(12) DEFAULT 'recorded' NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"review_note" varchar(200),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funding_expenses_category_chk" CHECK ("funding_expenses"."category" in ('teaching_fee','allowance','award','activity','equipment')),
	CONSTRAINT "funding_expenses_status_chk" CHECK ("funding_expenses"."status" in ('recorded','approved','rejected')),
	CONSTRAINT "funding_expenses_amount_chk" CHECK ("funding_expenses"."amount_fen" > 0),
	CONSTRAINT "funding_expenses_fee_teacher_chk" CHECK (("funding_expenses"."category" = 'teaching_fee') = ("funding_expenses"."teacher_id" is not null)),
	CONSTRAINT "funding_expenses_reviewer_chk" CHECK ("funding_expenses"."reviewed_by" <> "funding_expenses"."recorded_by")
);
--> statement-breakpoint
CREATE TABLE "funding_standards" (
	"county_id" uuid PRIMARY KEY NOT NULL,
	"per_resident_fen" integer NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "funding_standards_fen_chk" CHECK ("funding_standards"."per_resident_fen" in (100, 200))
);
--> statement-breakpoint
ALTER TABLE "funding_allocations" ADD CONSTRAINT "funding_allocations_budget_id_funding_budgets_id_fk" FOREIGN KEY ("budget_id") REFERENCES "public"."funding_budgets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_allocations" ADD CONSTRAINT "funding_allocations_centre_id_org_nodes_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."org_nodes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_budget_lines" ADD CONSTRAINT "funding_budget_lines_budget_id_funding_budgets_id_fk" FOREIGN KEY ("budget_id") REFERENCES "public"."funding_budgets"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_budgets" ADD CONSTRAINT "funding_budgets_town_id_org_nodes_id_fk" FOREIGN KEY ("town_id") REFERENCES "public"."org_nodes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_budgets" ADD CONSTRAINT "funding_budgets_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_expenses" ADD CONSTRAINT "funding_expenses_node_id_org_nodes_id_fk" FOREIGN KEY ("node_id") REFERENCES "public"."org_nodes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_expenses" ADD CONSTRAINT "funding_expenses_teacher_id_teachers_id_fk" FOREIGN KEY ("teacher_id") REFERENCES "public"."teachers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_expenses" ADD CONSTRAINT "funding_expenses_invoice_file_id_stored_files_id_fk" FOREIGN KEY ("invoice_file_id") REFERENCES "public"."stored_files"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_expenses" ADD CONSTRAINT "funding_expenses_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_expenses" ADD CONSTRAINT "funding_expenses_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_expenses" ADD CONSTRAINT "funding_expenses_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_standards" ADD CONSTRAINT "funding_standards_county_id_org_nodes_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."org_nodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "funding_standards" ADD CONSTRAINT "funding_standards_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "funding_allocations_budget_centre_uq" ON "funding_allocations" USING btree ("budget_id","centre_id");--> statement-breakpoint
CREATE INDEX "funding_budget_lines_budget_idx" ON "funding_budget_lines" USING btree ("budget_id");--> statement-breakpoint
CREATE UNIQUE INDEX "funding_budgets_town_year_uq" ON "funding_budgets" USING btree ("town_id","year");--> statement-breakpoint
CREATE INDEX "funding_expenses_node_idx" ON "funding_expenses" USING btree ("node_id","spent_on");