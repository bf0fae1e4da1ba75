CREATE TABLE "survey_answers" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"survey_id" uuid NOT NULL,
	"anonymous" boolean NOT NULL,
	"resident_id" uuid,
	"node_id" uuid NOT NULL,
	"answered_on" date NOT NULL,
	"answers" jsonb NOT NULL,
	CONSTRAINT "survey_answers_anonymous_chk" CHECK (("survey_answers"."anonymous" and "survey_answers"."resident_id" is null) or (not "survey_answers"."anonymous" and "survey_answers"."resident_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "survey_respondents" (
	"survey_id" uuid NOT NULL,
	"resident_id" uuid NOT NULL,
	"answered_on" date NOT NULL,
	"method" varchar(8) NOT NULL,
	"entered_by" uuid,
	CONSTRAINT "survey_respondents_survey_id_resident_id_pk" PRIMARY KEY("survey_id","resident_id"),
	CONSTRAINT "survey_respondents_method_chk" CHECK ("survey_respondents"."method" in ('phone','poster','paper'))
);
--> statement-breakpoint
CREATE TABLE "survey_rules" (
	"county_id" uuid PRIMARY KEY NOT NULL,
	"min_sample" integer DEFAULT 30 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "surveys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"owner_node_id" uuid NOT NULL,
	"kind" varchar(8) NOT NULL,
	"title" varchar(100) NOT NULL,
	"intro" varchar(1000),
	"anonymous" boolean DEFAULT true NOT NULL,
	"opens_on" date NOT NULL,
	"closes_on" date NOT NULL,
	"status" varchar(10) DEFAULT 'draft' NOT NULL,
	"questions" jsonb NOT NULL,
	"created_by" uuid,
	"published_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "surveys_kind_chk" CHECK ("surveys"."kind" in ('needs','rates')),
	CONSTRAINT "surveys_status_chk" CHECK ("surveys"."status" in ('draft','published','closed')),
	CONSTRAINT "surveys_window_chk" CHECK ("surveys"."closes_on" >= "surveys"."opens_on")
);
--> statement-breakpoint
ALTER TABLE "survey_answers" ADD CONSTRAINT "survey_answers_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_answers" ADD CONSTRAINT "survey_answers_resident_id_residents_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."residents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_answers" ADD CONSTRAINT "survey_answers_node_id_org_nodes_id_fk" FOREIGN KEY ("node_id") REFERENCES "public"."org_nodes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_respondents" ADD CONSTRAINT "survey_respondents_survey_id_surveys_id_fk" FOREIGN KEY ("survey_id") REFERENCES "public"."surveys"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_respondents" ADD CONSTRAINT "survey_respondents_resident_id_residents_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."residents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_respondents" ADD CONSTRAINT "survey_respondents_entered_by_users_id_fk" FOREIGN KEY ("entered_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_rules" ADD CONSTRAINT "survey_rules_county_id_org_nodes_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."org_nodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "survey_rules" ADD CONSTRAINT "survey_rules_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_owner_node_id_org_nodes_id_fk" FOREIGN KEY ("owner_node_id") REFERENCES "public"."org_nodes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "surveys" ADD CONSTRAINT "surveys_created_by_users_id_fk" FOREIGN KEY ("created_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "survey_answers_survey_idx" ON "survey_answers" USING btree ("survey_id","node_id");--> statement-breakpoint
CREATE UNIQUE INDEX "survey_answers_resident_uq" ON "survey_answers" USING btree ("survey_id","resident_id") WHERE "survey_answers"."resident_id" is not null;--> statement-breakpoint
CREATE INDEX "survey_respondents_resident_idx" ON "survey_respondents" USING btree ("resident_id");--> statement-breakpoint
CREATE INDEX "surveys_owner_idx" ON "surveys" USING btree ("owner_node_id","status");