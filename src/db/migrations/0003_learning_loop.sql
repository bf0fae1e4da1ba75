CREATE TABLE "stored_files" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"node_id" uuid NOT NULL,
	"purpose" varchar(24) NOT NULL,
	"original_name" varchar(200) NOT NULL,
	"mime" varchar(100) NOT NULL,
	"size" integer NOT NULL,
	"sha256" varchar(64) NOT NULL,
	"storage_key" varchar(80) NOT NULL,
	"thumbnail_key" varchar(80),
	"width" integer,
	"height" integer,
	"uploaded_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "stored_files_storage_key_unique" UNIQUE("storage_key")
);
--> statement-breakpoint
CREATE TABLE "course_files" (
	"course_id" uuid NOT NULL,
	"file_id" uuid NOT NULL,
	CONSTRAINT "course_files_course_id_file_id_pk" PRIMARY KEY("course_id","file_id")
);
--> statement-breakpoint
CREATE TABLE "course_review_events" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"course_id" uuid NOT NULL,
	"action" varchar(12) NOT NULL,
	"comment" varchar(500),
	"actor_id" uuid,
	"at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "course_teachers" (
	"course_id" uuid NOT NULL,
	"teacher_id" uuid NOT NULL,
	CONSTRAINT "course_teachers_course_id_teacher_id_pk" PRIMARY KEY("course_id","teacher_id")
);
--> statement-breakpoint
CREATE TABLE "courses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"county_id" uuid NOT NULL,
	"town_id" uuid,
	"node_id" uuid NOT NULL,
	"title" varchar(100) NOT NULL,
	"theme" varchar(24) NOT NULL,
	"target_groups" text[] DEFAULT '{}'::text[] NOT NULL,
	"form" varchar(12) NOT NULL,
	"hours" numeric(5, 1) NOT NULL,
	"credits" numeric(6, 1) DEFAULT '0' NOT NULL,
	"description_html" text DEFAULT '' NOT NULL,
	"first_session_date" date,
	"status" varchar(12) DEFAULT 'draft' NOT NULL,
	"featured" boolean DEFAULT false NOT NULL,
	"featured_centre_id" uuid,
	"submitted_by" uuid,
	"submitted_at" timestamp with time zone,
	"reviewed_by" uuid,
	"reviewed_at" timestamp with time zone,
	"review_comment" varchar(500),
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "courses_status_chk" CHECK ("courses"."status" in ('draft','submitted','approved','returned')),
	CONSTRAINT "courses_form_chk" CHECK ("courses"."form" in ('lecture','training','forum','practice','performance','online')),
	CONSTRAINT "courses_hours_chk" CHECK ("courses"."hours" > 0 and "courses"."credits" >= 0)
);
--> statement-breakpoint
CREATE TABLE "theme_defs" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"county_id" uuid NOT NULL,
	"key" varchar(24) NOT NULL,
	"name_zh" varchar(40) NOT NULL,
	"name_en" varchar(80) NOT NULL,
	"sort" integer DEFAULT 0 NOT NULL,
	"active" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "theme_lead_units" (
	"theme_id" uuid NOT NULL,
	"unit_node_id" uuid NOT NULL,
	CONSTRAINT "theme_lead_units_theme_id_unit_node_id_pk" PRIMARY KEY("theme_id","unit_node_id")
);
--> statement-breakpoint
CREATE TABLE "activities" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"county_id" uuid NOT NULL,
	"centre_id" uuid NOT NULL,
	"course_id" uuid,
	"series_id" uuid,
	"responsible_unit_id" uuid,
	"title" varchar(100) NOT NULL,
	"theme" varchar(24) NOT NULL,
	"form" varchar(12) NOT NULL,
	"starts_at" timestamp with time zone NOT NULL,
	"ends_at" timestamp with time zone NOT NULL,
	"venue_id" uuid,
	"place" varchar(200),
	"capacity" integer,
	"audience" varchar(200),
	"hours" numeric(5, 1) NOT NULL,
	"credits" numeric(6, 1) DEFAULT '0' NOT NULL,
	"description" text DEFAULT '' NOT NULL,
	"status" varchar(12) DEFAULT 'planned' NOT NULL,
	"cancel_reason" varchar(300),
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "activities_time_chk" CHECK ("activities"."ends_at" > "activities"."starts_at"),
	CONSTRAINT "activities_status_chk" CHECK ("activities"."status" in ('planned','open','done','cancelled')),
	CONSTRAINT "activities_capacity_chk" CHECK ("activities"."capacity" is null or "activities"."capacity" > 0)
);
--> statement-breakpoint
CREATE TABLE "activity_teachers" (
	"activity_id" uuid NOT NULL,
	"teacher_id" uuid NOT NULL,
	CONSTRAINT "activity_teachers_activity_id_teacher_id_pk" PRIMARY KEY("activity_id","teacher_id")
);
--> statement-breakpoint
CREATE TABLE "registrations" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"activity_id" uuid NOT NULL,
	"resident_id" uuid NOT NULL,
	"status" varchar(12) NOT NULL,
	"notice" varchar(300),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "registrations_status_chk" CHECK ("registrations"."status" in ('registered','waitlisted','cancelled'))
);
--> statement-breakpoint
CREATE TABLE "sign_ins" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"activity_id" uuid NOT NULL,
	"resident_id" uuid,
	"status" varchar(12) DEFAULT 'confirmed' NOT NULL,
	"method" varchar(12) NOT NULL,
	"pending_name" varchar(40),
	"pending_phone" varchar(20),
	"device_id" varchar(64),
	"evidence_file_id" uuid,
	"signed_at" timestamp with time zone DEFAULT now() NOT NULL,
	"checked_out_at" timestamp with time zone,
	"attended_hours" numeric(5, 1),
	"recorded_by" uuid,
	"confirmed_by" uuid,
	CONSTRAINT "sign_ins_status_chk" CHECK ("sign_ins"."status" in ('confirmed','pending','rejected')),
	CONSTRAINT "sign_ins_method_chk" CHECK ("sign_ins"."method" in ('qr','manual','paper')),
	CONSTRAINT "sign_ins_pending_chk" CHECK ("sign_ins"."resident_id" is not null or "sign_ins"."status" <> 'confirmed')
);
--> statement-breakpoint
CREATE TABLE "credit_ledger" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"county_id" uuid NOT NULL,
	"resident_id" uuid NOT NULL,
	"kind" varchar(12) NOT NULL,
	"amount" numeric(8, 1) NOT NULL,
	"source_type" varchar(24),
	"source_id" varchar(64),
	"reverses_id" bigint,
	"note" varchar(200),
	"created_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "credit_ledger_kind_chk" CHECK ("credit_ledger"."kind" in ('attendance','resource','volunteer','award','redeem','reversal')),
	CONSTRAINT "credit_ledger_amount_chk" CHECK ("credit_ledger"."amount" <> 0 and ("credit_ledger"."kind" in ('redeem','reversal') or "credit_ledger"."amount" > 0) and ("credit_ledger"."kind" <> 'redeem' or "credit_ledger"."amount" < 0)),
	CONSTRAINT "credit_ledger_reversal_chk" CHECK (("credit_ledger"."kind" = 'reversal') = ("credit_ledger"."reverses_id" is not null))
);
--> statement-breakpoint
ALTER TABLE "stored_files" ADD CONSTRAINT "stored_files_node_id_org_nodes_id_fk" FOREIGN KEY ("node_id") REFERENCES "public"."org_nodes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stored_files" ADD CONSTRAINT "stored_files_uploaded_by_users_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_files" ADD CONSTRAINT "course_files_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_files" ADD CONSTRAINT "course_files_file_id_stored_files_id_fk" FOREIGN KEY ("file_id") REFERENCES "public"."stored_files"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_review_events" ADD CONSTRAINT "course_review_events_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_review_events" ADD CONSTRAINT "course_review_events_actor_id_users_id_fk" FOREIGN KEY ("actor_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_teachers" ADD CONSTRAINT "course_teachers_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "course_teachers" ADD CONSTRAINT "course_teachers_teacher_id_teachers_id_fk" FOREIGN KEY ("teacher_id") REFERENCES "public"."teachers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "courses" ADD CONSTRAINT "courses_county_id_org_nodes_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."org_nodes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "courses" ADD CONSTRAINT "courses_town_id_org_nodes_id_fk" FOREIGN KEY ("town_id") REFERENCES "public"."org_nodes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "courses" ADD CONSTRAINT "courses_node_id_org_nodes_id_fk" FOREIGN KEY ("node_id") REFERENCES "public"."org_nodes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "courses" ADD CONSTRAINT "courses_featured_centre_id_org_nodes_id_fk" FOREIGN KEY ("featured_centre_id") REFERENCES "public"."org_nodes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "courses" ADD CONSTRAINT "courses_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "courses" ADD CONSTRAINT "courses_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "courses" ADD CONSTRAINT "courses_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "theme_defs" ADD CONSTRAINT "theme_defs_county_id_org_nodes_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."org_nodes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "theme_lead_units" ADD CONSTRAINT "theme_lead_units_theme_id_theme_defs_id_fk" FOREIGN KEY ("theme_id") REFERENCES "public"."theme_defs"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "theme_lead_units" ADD CONSTRAINT "theme_lead_units_unit_node_id_org_nodes_id_fk" FOREIGN KEY ("unit_node_id") REFERENCES "public"."org_nodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_county_id_org_nodes_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."org_nodes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_centre_id_org_nodes_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."org_nodes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_course_id_courses_id_fk" FOREIGN KEY ("course_id") REFERENCES "public"."courses"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_responsible_unit_id_org_nodes_id_fk" FOREIGN KEY ("responsible_unit_id") REFERENCES "public"."org_nodes"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activities" ADD CONSTRAINT "activities_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_teachers" ADD CONSTRAINT "activity_teachers_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "activity_teachers" ADD CONSTRAINT "activity_teachers_teacher_id_teachers_id_fk" FOREIGN KEY ("teacher_id") REFERENCES "public"."teachers"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "registrations" ADD CONSTRAINT "registrations_resident_id_residents_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."residents"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sign_ins" ADD CONSTRAINT "sign_ins_activity_id_activities_id_fk" FOREIGN KEY ("activity_id") REFERENCES "public"."activities"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sign_ins" ADD CONSTRAINT "sign_ins_resident_id_residents_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."residents"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sign_ins" ADD CONSTRAINT "sign_ins_evidence_file_id_stored_files_id_fk" FOREIGN KEY ("evidence_file_id") REFERENCES "public"."stored_files"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sign_ins" ADD CONSTRAINT "sign_ins_recorded_by_users_id_fk" FOREIGN KEY ("recorded_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sign_ins" ADD CONSTRAINT "sign_ins_confirmed_by_users_id_fk" FOREIGN KEY ("confirmed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_ledger" ADD CONSTRAINT "credit_ledger_county_id_org_nodes_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."org_nodes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_ledger" ADD CONSTRAINT "credit_ledger_resident_id_residents_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."residents"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_ledger" ADD CONSTRAINT "credit_ledger_reverses_id_credit_ledger_id_fk" FOREIGN KEY ("reverses_id") REFERENCES "public"."credit_ledger"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "credit_ledger" ADD CONSTRAINT "credit_ledger_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "stored_files_node_idx" ON "stored_files" USING btree ("node_id");--> statement-breakpoint
CREATE INDEX "course_review_events_course_idx" ON "course_review_events" USING btree ("course_id");--> statement-breakpoint
CREATE INDEX "courses_node_idx" ON "courses" USING btree ("node_id");--> statement-breakpoint
CREATE INDEX "courses_town_status_idx" ON "courses" USING btree ("town_id","status");--> statement-breakpoint
CREATE UNIQUE INDEX "theme_defs_county_key_uq" ON "theme_defs" USING btree ("county_id","key");--> statement-breakpoint
CREATE INDEX "activities_centre_starts_idx" ON "activities" USING btree ("centre_id","starts_at");--> statement-breakpoint
CREATE INDEX "activities_county_starts_idx" ON "activities" USING btree ("county_id","starts_at");--> statement-breakpoint
CREATE INDEX "activities_series_idx" ON "activities" USING btree ("series_id");--> statement-breakpoint
CREATE INDEX "activities_course_idx" ON "activities" USING btree ("course_id");--> statement-breakpoint
CREATE INDEX "activity_teachers_teacher_idx" ON "activity_teachers" USING btree ("teacher_id");--> statement-breakpoint
CREATE UNIQUE INDEX "registrations_live_uq" ON "registrations" USING btree ("activity_id","resident_id") WHERE "registrations"."status" <> 'cancelled';--> statement-breakpoint
CREATE INDEX "registrations_resident_idx" ON "registrations" USING btree ("resident_id");--> statement-breakpoint
CREATE UNIQUE INDEX "sign_ins_activity_resident_uq" ON "sign_ins" USING btree ("activity_id","resident_id");--> statement-breakpoint
CREATE INDEX "sign_ins_resident_idx" ON "sign_ins" USING btree ("resident_id");--> statement-breakpoint
CREATE INDEX "sign_ins_activity_device_idx" ON "sign_ins" USING btree ("activity_id","device_id");--> statement-breakpoint
CREATE INDEX "credit_ledger_resident_idx" ON "credit_ledger" USING btree ("resident_id");--> statement-breakpoint
CREATE UNIQUE INDEX "credit_ledger_source_uq" ON "credit_ledger" USING btree ("resident_id","source_type","source_id") WHERE "credit_ledger"."kind" <> 'reversal' and "credit_ledger"."source_id" is not null;--> statement-breakpoint
CREATE UNIQUE INDEX "credit_ledger_reverses_uq" ON "credit_ledger" USING btree ("reverses_id") WHERE "credit_ledger"."reverses_id" is not null;--> statement-breakpoint
-- The credit ledger is append-only: corrections are reversing entries (see credits.table.ts).
CREATE OR REPLACE FUNCTION credit_ledger_refuse_change() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'credit_ledger is append-only: corrections are reversing entries' USING ERRCODE = 'insufficient_privilege';
END $$;
--> statement-breakpoint
CREATE TRIGGER credit_ledger_no_update BEFORE UPDATE OR DELETE ON credit_ledger FOR EACH ROW EXECUTE FUNCTION credit_ledger_refuse_change();
--> statement-breakpoint
CREATE TRIGGER credit_ledger_no_truncate BEFORE TRUNCATE ON credit_ledger FOR EACH STATEMENT EXECUTE FUNCTION credit_ledger_refuse_change();
