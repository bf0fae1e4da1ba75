CREATE TABLE "annual_summaries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"county_id" uuid NOT NULL,
	"node_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"status" varchar(12) DEFAULT 'draft' NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"figures" jsonb,
	"submitted_at" timestamp with time zone,
	"submitted_by" uuid,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "annual_summaries_status_chk" CHECK ("annual_summaries"."status" in ('draft','submitted'))
);
--> statement-breakpoint
CREATE TABLE "monthly_reports" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"county_id" uuid NOT NULL,
	"node_id" uuid NOT NULL,
	"month" integer NOT NULL,
	"status" varchar(12) DEFAULT 'draft' NOT NULL,
	"body" text DEFAULT '' NOT NULL,
	"figures" jsonb,
	"submitted_at" timestamp with time zone,
	"first_submitted_at" timestamp with time zone,
	"submitted_by" uuid,
	"reviewed_at" timestamp with time zone,
	"reviewed_by" uuid,
	"review_comment" varchar(500),
	"late" boolean DEFAULT false NOT NULL,
	"resubmissions" integer DEFAULT 0 NOT NULL,
	"unlocked" boolean DEFAULT false NOT NULL,
	"unlock_reason" varchar(500),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "monthly_reports_status_chk" CHECK ("monthly_reports"."status" in ('draft','submitted','returned','accepted'))
);
--> statement-breakpoint
CREATE TABLE "report_record_changes" (
	"node_id" uuid NOT NULL,
	"month" integer NOT NULL,
	"sign_in_id" uuid NOT NULL,
	"changed_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_settings" (
	"county_id" uuid PRIMARY KEY NOT NULL,
	"deadline_day" integer DEFAULT 5 NOT NULL,
	"lock_day" integer DEFAULT 10 NOT NULL,
	"updated_by" uuid,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "report_settings_days_chk" CHECK ("report_settings"."deadline_day" between 1 and 28 and "report_settings"."lock_day" between "report_settings"."deadline_day" and 28)
);
--> statement-breakpoint
ALTER TABLE "annual_summaries" ADD CONSTRAINT "annual_summaries_county_id_org_nodes_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."org_nodes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_summaries" ADD CONSTRAINT "annual_summaries_node_id_org_nodes_id_fk" FOREIGN KEY ("node_id") REFERENCES "public"."org_nodes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "annual_summaries" ADD CONSTRAINT "annual_summaries_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monthly_reports" ADD CONSTRAINT "monthly_reports_county_id_org_nodes_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."org_nodes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monthly_reports" ADD CONSTRAINT "monthly_reports_node_id_org_nodes_id_fk" FOREIGN KEY ("node_id") REFERENCES "public"."org_nodes"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monthly_reports" ADD CONSTRAINT "monthly_reports_submitted_by_users_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "monthly_reports" ADD CONSTRAINT "monthly_reports_reviewed_by_users_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_record_changes" ADD CONSTRAINT "report_record_changes_node_id_org_nodes_id_fk" FOREIGN KEY ("node_id") REFERENCES "public"."org_nodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_settings" ADD CONSTRAINT "report_settings_county_id_org_nodes_id_fk" FOREIGN KEY ("county_id") REFERENCES "public"."org_nodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_settings" ADD CONSTRAINT "report_settings_updated_by_users_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "annual_summaries_node_year_uq" ON "annual_summaries" USING btree ("node_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "monthly_reports_node_month_uq" ON "monthly_reports" USING btree ("node_id","month");--> statement-breakpoint
CREATE INDEX "monthly_reports_county_month_idx" ON "monthly_reports" USING btree ("county_id","month");--> statement-breakpoint
CREATE INDEX "report_record_changes_node_month_idx" ON "report_record_changes" USING btree ("node_id","month","changed_at");--> statement-breakpoint
-- Month lock (月报锁定): once the county's lock day of the next month has passed, the records of a
-- node's month whose report is submitted or accepted are refused, unless the reviewer unlocked
-- it. The error's SQLSTATE CELCK becomes the MONTH_LOCKED AppError (src/server/errors.ts).
CREATE FUNCTION report_month_locked(p_node uuid, p_month int) RETURNS boolean LANGUAGE sql STABLE AS $$
  SELECT EXISTS (
    SELECT 1 FROM monthly_reports r LEFT JOIN report_settings s ON s.county_id = r.county_id
    WHERE r.node_id = p_node AND r.month = p_month AND r.status IN ('submitted', 'accepted') AND NOT r.unlocked
      AND now() >= ((to_date(p_month::text || '01', 'YYYYMMDD') + interval '1 month'
        + coalesce(s.lock_day, 10) * interval '1 day')::timestamp AT TIME ZONE 'Asia/Shanghai'))
$$;
--> statement-breakpoint
CREATE FUNCTION report_refuse_locked(p_node uuid, p_month int) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF report_month_locked(p_node, p_month) THEN
    RAISE EXCEPTION 'month % of node % is locked by its monthly report', p_month, p_node USING ERRCODE = 'CELCK';
  END IF;
END $$;
--> statement-breakpoint
-- A sign-in written, changed or removed: refused in a locked month; otherwise remembered when a
-- report covering its month (the activity's node or its parent) was already submitted.
CREATE FUNCTION report_sign_ins_trg() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  s record;
  v_node uuid;
  v_month int;
BEGIN
  IF current_setting('cedu.restoring', true) = 'on' THEN RETURN NULL; END IF;  -- a restore brings the reports and their locks as they were
  FOR s IN SELECT * FROM (VALUES (CASE WHEN TG_OP <> 'INSERT' THEN OLD.activity_id END, CASE WHEN TG_OP <> 'INSERT' THEN OLD.id END),
                                 (CASE WHEN TG_OP <> 'DELETE' THEN NEW.activity_id END, CASE WHEN TG_OP <> 'DELETE' THEN NEW.id END)) AS v(activity_id, id)
           WHERE v.activity_id IS NOT NULL LOOP
    SELECT a.centre_id, stat_month(a.starts_at) INTO v_node, v_month FROM activities a WHERE a.id = s.activity_id;
    IF v_node IS NULL THEN CONTINUE; END IF;
    PERFORM report_refuse_locked(v_node, v_month);
    IF EXISTS (SELECT 1 FROM monthly_reports r
               WHERE r.month = v_month AND r.submitted_at IS NOT NULL
                 AND r.node_id IN (v_node, (SELECT parent_id FROM org_nodes WHERE id = v_node))) THEN
      INSERT INTO report_record_changes (node_id, month, sign_in_id) VALUES (v_node, v_month, s.id);
    END IF;
  END LOOP;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER sign_ins_report_lock AFTER INSERT OR UPDATE OR DELETE ON sign_ins
  FOR EACH ROW EXECUTE FUNCTION report_sign_ins_trg();
--> statement-breakpoint
-- An activity added, removed, moved or changed in what the report counts (marking it done is not).
CREATE FUNCTION report_activities_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('cedu.restoring', true) = 'on' THEN RETURN NULL; END IF;  -- a restore brings the reports and their locks as they were
  IF TG_OP = 'UPDATE' AND OLD.centre_id = NEW.centre_id AND OLD.starts_at = NEW.starts_at
     AND OLD.hours = NEW.hours AND OLD.theme = NEW.theme
     AND (OLD.status = NEW.status OR (OLD.status = 'open' AND NEW.status = 'done')) THEN
    RETURN NULL;
  END IF;
  IF TG_OP <> 'INSERT' THEN PERFORM report_refuse_locked(OLD.centre_id, stat_month(OLD.starts_at)); END IF;
  IF TG_OP <> 'DELETE' THEN PERFORM report_refuse_locked(NEW.centre_id, stat_month(NEW.starts_at)); END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER activities_report_lock AFTER INSERT OR UPDATE OR DELETE ON activities
  FOR EACH ROW EXECUTE FUNCTION report_activities_trg();
