CREATE TABLE "award_nomination_files" (
	"nomination_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	CONSTRAINT "award_nomination_files_nomination_id_file_id_pk" PRIMARY KEY("nomination_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "award_nominations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"selection_id" uuid NOT NULL,
	"node_id" uuid NOT NULL,
	"nominee_kind" varchar(12) NOT NULL,
	"nominee_key" varchar(120) NOT NULL,
	"nominee_name" varchar(100) NOT NULL,
	"resident_id" uuid,
	"household_id" uuid,
	"teacher_id" uuid,
	"nominee_node_id" uuid,
	"members" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"account_html" text NOT NULL,
	"evidence" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"status" varchar(12) DEFAULT 'draft' NOT NULL,
	"review_scores" jsonb,
	"review_score" integer,
	"review_comment" varchar(500),
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"decision_comment" varchar(500),
	"decided_by" uuid,
	"decided_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "award_nominations_status_chk" CHECK ("award_nominations"."status" in ('draft','submitted','returned','reviewed','approved','rejected','published')),
	CONSTRAINT "award_nominations_kind_chk" CHECK ("award_nominations"."nominee_kind" in ('resident','household','building','centre','unit','teacher')),
	CONSTRAINT "award_nominations_score_chk" CHECK ("award_nominations"."review_score" is null or "award_nominations"."review_score" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE "award_selections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_node_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"kind" varchar(16) NOT NULL,
	"title" varchar(100) NOT NULL,
	"nominate_from" date NOT NULL,
	"nominate_until" date NOT NULL,
	"quota_scope" varchar(8) NOT NULL,
	"quota" integer NOT NULL,
	"min_hours" numeric(6, 1),
	"min_credits" numeric(8, 1),
	"exclude_winner_years" integer DEFAULT 0 NOT NULL,
	"reward_credits" numeric(8, 1),
	"reward_text" varchar(200),
	"status" varchar(12) DEFAULT 'open' NOT NULL,
	"published_at" timestamp with time zone,
	"published_by" uuid,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "award_selections_status_chk" CHECK ("award_selections"."status" in ('open','published')),
	CONSTRAINT "award_selections_scope_chk" CHECK ("award_selections"."quota_scope" in ('centre','town')),
	CONSTRAINT "award_selections_quota_chk" CHECK ("award_selections"."quota" between 1 and 999),
	CONSTRAINT "award_selections_window_chk" CHECK ("award_selections"."nominate_from" <= "award_selections"."nominate_until"),
	CONSTRAINT "award_selections_exclude_chk" CHECK ("award_selections"."exclude_winner_years" between 0 and 10),
	CONSTRAINT "award_selections_credits_chk" CHECK ("award_selections"."reward_credits" is null or "award_selections"."reward_credits" > 0)
);
--> statement-breakpoint
ALTER TABLE "award_nomination_files" ADD CONSTRAINT "award_nomination_files_nomination_id_award_nominations_id_fk" FOREIGN KEY ("nomination_id") REFERENCES "public"."award_nominations"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_nomination_files" ADD CONSTRAINT "award_nomination_files_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_nominations" ADD CONSTRAINT "award_nominations_selection_id_award_selections_id_fk" FOREIGN KEY ("selection_id") REFERENCES "public"."award_selections"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_nominations" ADD CONSTRAINT "award_nominations_node_id_org_nodes_id_fk" FOREIGN KEY ("node_id") REFERENCES "public"."org_nodes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_nominations" ADD CONSTRAINT "award_nominations_resident_id_residents_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."residents"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_nominations" ADD CONSTRAINT "award_nominations_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_nominations" ADD CONSTRAINT "award_nominations_teacher_id_teachers_id_fk" FOREIGN KEY ("teacher_id") REFERENCES "public"."teachers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_nominations" ADD CONSTRAINT "award_nominations_nominee_node_id_org_nodes_id_fk" FOREIGN KEY ("nominee_node_id") REFERENCES "public"."org_nodes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_nominations" ADD CONSTRAINT "award_nominations_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_nominations" ADD CONSTRAINT "award_nominations_decided_by_users_id_fk" FOREIGN KEY ("decided_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_nominations" ADD CONSTRAINT "award_nominations_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_selections" ADD CONSTRAINT "award_selections_owner_node_id_org_nodes_id_fk" FOREIGN KEY ("owner_node_id") REFERENCES "public"."org_nodes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_selections" ADD CONSTRAINT "award_selections_published_by_users_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "award_selections" ADD CONSTRAINT "award_selections_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "award_nominations_selection_idx" ON "award_nominations" USING btree ("selection_id","status");--> statement-breakpoint
CREATE INDEX "award_nominations_node_idx" ON "award_nominations" USING btree ("node_id");--> statement-breakpoint
CREATE INDEX "award_nominations_key_idx" ON "award_nominations" USING btree ("nominee_key");--> statement-breakpoint
CREATE UNIQUE INDEX "award_nominations_nominee_uq" ON "award_nominations" USING btree ("selection_id","nominee_key");--> statement-breakpoint
CREATE INDEX "award_selections_owner_idx" ON "award_selections" USING btree ("owner_node_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "award_selections_owner_kind_uq" ON "award_selections" USING btree ("owner_node_id","year","kind");