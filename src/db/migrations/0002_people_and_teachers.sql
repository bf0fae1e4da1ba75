CREATE TABLE "consents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"resident_id" uuid NOT NULL,
	"purpose" varchar(100) NOT NULL,
	"given_by" varchar(16) NOT NULL,
	"guardian_name" varchar(40),
	"guardian_relation" varchar(16),
	"method" varchar(16) NOT NULL,
	"recorded_by" uuid,
	"recorded_at" timestamp with time zone DEFAULT now() NOT NULL,
	"withdrawn_at" timestamp with time zone,
	CONSTRAINT "consents_given_by_chk" CHECK ("consents"."given_by" in ('self','guardian')),
	CONSTRAINT "consents_guardian_chk" CHECK ("consents"."given_by" = 'self' or "consents"."guardian_name" is not null)
);
--> statement-breakpoint
CREATE TABLE "households" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"node_id" uuid NOT NULL,
	"head_name" varchar(40) NOT NULL,
	"building" varchar(60),
	"address" varchar(200),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "resident_tag_defs" (
	"county_id" uuid NOT NULL,
	"code" varchar(24) NOT NULL,
	"label" varchar(24) NOT NULL,
	"sensitive" boolean DEFAULT true NOT NULL,
	"sort_order" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "resident_tag_defs_county_id_code_pk" PRIMARY KEY("county_id","code")
);
--> statement-breakpoint
CREATE TABLE "resident_tags" (
	"resident_id" uuid NOT NULL,
	"tag" varchar(24) NOT NULL,
	CONSTRAINT "resident_tags_resident_id_tag_pk" PRIMARY KEY("resident_id","tag")
);
--> statement-breakpoint
CREATE TABLE "residents" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"county_id" uuid NOT NULL,
	"node_id" uuid NOT NULL,
	"household_id" uuid,
	"relation_to_head" varchar(16),
	"building" varchar(60),
	"name" varchar(40) NOT NULL,
	"name_pinyin" varchar(200) DEFAULT '' NOT NULL,
	"name_initials" varchar(40) DEFAULT '' NOT NULL,
	"gender" varchar(8),
	"birth_date" date,
	"phone" varchar(20),
	"id_number_enc" text,
	"id_number_hash" varchar(64),
	"id_last4" varchar(4),
	"education" varchar(16),
	"employment" varchar(24),
	"occupation" varchar(60),
	"note" varchar(500),
	"anonymized_at" timestamp with time zone,
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "residents_gender_chk" CHECK ("residents"."gender" is null or "residents"."gender" in ('male','female'))
);
--> statement-breakpoint
CREATE TABLE "staffing_norms" (
	"county_id" uuid PRIMARY KEY NOT NULL,
	"full_time_min" integer DEFAULT 2 NOT NULL,
	"part_time_min" integer DEFAULT 3 NOT NULL,
	"part_time_max" integer DEFAULT 5 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "teacher_status_history" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"teacher_id" uuid NOT NULL,
	"status" varchar(12) NOT NULL,
	"effective_date" date NOT NULL,
	"reason" varchar(200),
	"changed_by" uuid,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "teachers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"bank_node_id" uuid NOT NULL,
	"resident_id" uuid,
	"user_id" uuid,
	"name" varchar(40) NOT NULL,
	"gender" varchar(8),
	"phone" varchar(20),
	"category" varchar(16) NOT NULL,
	"source" varchar(24) NOT NULL,
	"specialities" text[] DEFAULT '{}'::text[] NOT NULL,
	"qualifications" varchar(500),
	"work_unit" varchar(100),
	"is_government_staff" boolean DEFAULT false NOT NULL,
	"fee_eligible" boolean DEFAULT false NOT NULL,
	"status" varchar(12) DEFAULT 'active' NOT NULL,
	"status_since" date DEFAULT now() NOT NULL,
	"note" varchar(500),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "teachers_status_chk" CHECK ("teachers"."status" in ('active','paused','left')),
	CONSTRAINT "teachers_fee_chk" CHECK (not "teachers"."fee_eligible" or ("teachers"."category" <> 'volunteer' and not "teachers"."is_government_staff"))
);
--> statement-breakpoint
CREATE TABLE "volunteer_hours" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"teacher_id" uuid NOT NULL,
	"node_id" uuid NOT NULL,
	"service_date" date NOT NULL,
	"hours" numeric(5, 1) NOT NULL,
	"description" varchar(300) NOT NULL,
	"status" varchar(12) DEFAULT 'pending' NOT NULL,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone DEFAULT now() NOT NULL,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"review_note" varchar(200),
	CONSTRAINT "volunteer_hours_hours_chk" CHECK ("volunteer_hours"."hours" > 0 and "volunteer_hours"."hours" <= 24),
	CONSTRAINT "volunteer_hours_status_chk" CHECK ("volunteer_hours"."status" in ('pending','approved','rejected'))
);
--> statement-breakpoint
CREATE TABLE "import_jobs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"kind" varchar(24) NOT NULL,
	"node_id" uuid NOT NULL,
	"created_by" uuid,
	"file_name" varchar(200) NOT NULL,
	"file_sha256" varchar(64) NOT NULL,
	"file" "bytea",
	"status" varchar(16) NOT NULL,
	"total_rows" integer DEFAULT 0 NOT NULL,
	"good_rows" integer DEFAULT 0 NOT NULL,
	"bad_rows" integer DEFAULT 0 NOT NULL,
	"report" jsonb,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone
);
--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_resident_id_residents_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."residents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consents" ADD CONSTRAINT "consents_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "households" ADD CONSTRAINT "households_node_id_org_nodes_id_fk" FOREIGN KEY ("node_id") REFERENCES "public"."org_nodes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resident_tag_defs" ADD CONSTRAINT "resident_tag_defs_county_id_org_nodes_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."org_nodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "resident_tags" ADD CONSTRAINT "resident_tags_resident_id_residents_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."residents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residents" ADD CONSTRAINT "residents_county_id_org_nodes_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."org_nodes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residents" ADD CONSTRAINT "residents_node_id_org_nodes_id_fk" FOREIGN KEY ("node_id") REFERENCES "public"."org_nodes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residents" ADD CONSTRAINT "residents_household_id_households_id_fk" FOREIGN KEY ("household_id") REFERENCES "public"."households"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "residents" ADD CONSTRAINT "residents_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "staffing_norms" ADD CONSTRAINT "staffing_norms_county_id_org_nodes_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."org_nodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_status_history" ADD CONSTRAINT "teacher_status_history_teacher_id_teachers_id_fk" FOREIGN KEY ("teacher_id") REFERENCES "public"."teachers"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teacher_status_history" ADD CONSTRAINT "teacher_status_history_changed_by_users_id_fk" FOREIGN KEY ("changed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teachers" ADD CONSTRAINT "teachers_bank_node_id_org_nodes_id_fk" FOREIGN KEY ("bank_node_id") REFERENCES "public"."org_nodes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teachers" ADD CONSTRAINT "teachers_resident_id_residents_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."residents"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "teachers" ADD CONSTRAINT "teachers_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_hours" ADD CONSTRAINT "volunteer_hours_teacher_id_teachers_id_fk" FOREIGN KEY ("teacher_id") REFERENCES "public"."teachers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_hours" ADD CONSTRAINT "volunteer_hours_node_id_org_nodes_id_fk" FOREIGN KEY ("node_id") REFERENCES "public"."org_nodes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_hours" ADD CONSTRAINT "volunteer_hours_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "volunteer_hours" ADD CONSTRAINT "volunteer_hours_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_node_id_org_nodes_id_fk" FOREIGN KEY ("node_id") REFERENCES "public"."org_nodes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "import_jobs" ADD CONSTRAINT "import_jobs_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "consents_resident_idx" ON "consents" USING btree ("resident_id");--> statement-breakpoint
CREATE INDEX "households_node_idx" ON "households" USING btree ("node_id");--> statement-breakpoint
CREATE INDEX "resident_tags_tag_idx" ON "resident_tags" USING btree ("tag");--> statement-breakpoint
CREATE UNIQUE INDEX "residents_county_id_number_uq" ON "residents" USING btree ("county_id","id_number_hash") WHERE "residents"."id_number_hash" is not null;--> statement-breakpoint
CREATE INDEX "residents_node_idx" ON "residents" USING btree ("node_id");--> statement-breakpoint
CREATE INDEX "residents_household_idx" ON "residents" USING btree ("household_id");--> statement-breakpoint
CREATE INDEX "residents_phone_idx" ON "residents" USING btree ("phone");--> statement-breakpoint
CREATE INDEX "residents_initials_idx" ON "residents" USING btree ("name_initials");--> statement-breakpoint
CREATE INDEX "residents_birth_idx" ON "residents" USING btree ("birth_date");--> statement-breakpoint
CREATE INDEX "teacher_status_history_teacher_idx" ON "teacher_status_history" USING btree ("teacher_id");--> statement-breakpoint
CREATE INDEX "teachers_bank_idx" ON "teachers" USING btree ("bank_node_id");--> statement-breakpoint
CREATE INDEX "teachers_user_idx" ON "teachers" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "volunteer_hours_teacher_idx" ON "volunteer_hours" USING btree ("teacher_id");--> statement-breakpoint
CREATE INDEX "volunteer_hours_node_idx" ON "volunteer_hours" USING btree ("node_id","status");--> statement-breakpoint
CREATE INDEX "import_jobs_node_idx" ON "import_jobs" USING btree ("node_id");