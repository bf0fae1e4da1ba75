CREATE TABLE "stat_theme_counts" (
	"node_id" uuid NOT NULL,
	"period" integer NOT NULL,
	"theme" varchar(24) NOT NULL,
	"activities_held" integer DEFAULT 0 NOT NULL,
	"person_times" integer DEFAULT 0 NOT NULL,
	"hours" numeric(12, 1) DEFAULT '0' NOT NULL,
	CONSTRAINT "stat_theme_counts_node_id_period_theme_pk" PRIMARY KEY("node_id","period","theme")
);
--> statement-breakpoint
ALTER TABLE "stat_theme_counts" ADD CONSTRAINT "stat_theme_counts_node_id_org_nodes_id_fk" FOREIGN KEY ("node_id") REFERENCES "public"."org_nodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- hand-written below
-- Activities held and person-times by theme (主题) per node and period, kept like 0013 and 0015
-- in the transaction that changes the records: the dashboards' "by theme" reads them instead of
-- grouping all of a county's activities and sign-ins on every request.

-- One activity's part in the theme figures added (positive) or taken away (negative), at its
-- centre and every node above it, for the month and the year.
CREATE FUNCTION stat_theme(p_centre uuid, p_month int, p_theme text, p_held int, p_times int, p_hours numeric)
RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  IF p_held = 0 AND p_times = 0 AND p_hours = 0 THEN RETURN; END IF;
  INSERT INTO stat_theme_counts AS c (node_id, period, theme, activities_held, person_times, hours)
    SELECT a, p, p_theme, p_held, p_times, p_hours
    FROM org_nodes n CROSS JOIN unnest(stat_path_ids(n.path)) AS a
      CROSS JOIN (VALUES (p_month), ((p_month / 100) * 100)) AS pp(p)
    WHERE n.id = p_centre ORDER BY a, p
  ON CONFLICT (node_id, period, theme) DO UPDATE
    SET activities_held = c.activities_held + excluded.activities_held,
        person_times = c.person_times + excluded.person_times,
        hours = c.hours + excluded.hours;
END $$;
--> statement-breakpoint
-- A counted sign-in (confirmed, of a known resident, at an activity not cancelled) more or less:
-- 0013's function, which the sign-in trigger calls, now counts the theme figures too.
CREATE OR REPLACE FUNCTION stat_sign_in(p_activity uuid, p_resident uuid, p_attended numeric, p_delta int)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  a record;
BEGIN
  SELECT centre_id, starts_at, status, hours, responsible_unit_id, theme INTO a FROM activities WHERE id = p_activity;
  IF NOT FOUND OR a.status = 'cancelled' THEN RETURN; END IF;
  PERFORM stat_attend(p_resident, a.centre_id, stat_month(a.starts_at), a.responsible_unit_id, p_delta,
                      coalesce(p_attended, a.hours));
  PERFORM stat_theme(a.centre_id, stat_month(a.starts_at), a.theme, 0, p_delta, coalesce(p_attended, a.hours) * p_delta);
END $$;
--> statement-breakpoint
-- An activity added, deleted (its sign-ins went first: the foreign key restricts), or changed in
-- what the theme figures see: its old part leaves, its new part joins. Cost: its own sign-ins.
CREATE FUNCTION stat_theme_activities_trg() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_times int := 0;
  v_set numeric := 0;
  v_unset int := 0;
BEGIN
  IF current_setting('cedu.restoring', true) = 'on' THEN RETURN NULL; END IF;  -- a restore brings the kept rows too
  IF TG_OP = 'UPDATE' THEN
    IF OLD.centre_id = NEW.centre_id AND stat_month(OLD.starts_at) = stat_month(NEW.starts_at)
       AND OLD.status = NEW.status AND OLD.hours = NEW.hours AND OLD.theme = NEW.theme THEN
      RETURN NULL;
    END IF;
    SELECT count(*), coalesce(sum(attended_hours), 0), count(*) FILTER (WHERE attended_hours IS NULL)
      INTO v_times, v_set, v_unset
      FROM sign_ins WHERE activity_id = NEW.id AND status = 'confirmed' AND resident_id IS NOT NULL;
  END IF;
  IF TG_OP <> 'INSERT' THEN
    PERFORM stat_theme(OLD.centre_id, stat_month(OLD.starts_at), OLD.theme, -(OLD.status IN ('open', 'done'))::int,
                       CASE WHEN OLD.status <> 'cancelled' THEN -v_times ELSE 0 END,
                       CASE WHEN OLD.status <> 'cancelled' THEN -(v_set + v_unset * OLD.hours) ELSE 0 END);
  END IF;
  IF TG_OP <> 'DELETE' THEN
    PERFORM stat_theme(NEW.centre_id, stat_month(NEW.starts_at), NEW.theme, (NEW.status IN ('open', 'done'))::int,
                       CASE WHEN NEW.status <> 'cancelled' THEN v_times ELSE 0 END,
                       CASE WHEN NEW.status <> 'cancelled' THEN v_set + v_unset * NEW.hours ELSE 0 END);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER activities_theme_stats AFTER INSERT OR DELETE OR UPDATE ON activities
  FOR EACH ROW EXECUTE FUNCTION stat_theme_activities_trg();
--> statement-breakpoint
-- The theme figures of every node whose path starts with p_prefix ('/' for all), from the records.
CREATE FUNCTION stat_theme_source(p_prefix text)
RETURNS TABLE (node_id uuid, period int, theme text, activities_held bigint, person_times bigint, hours numeric)
LANGUAGE sql STABLE AS $$
  WITH s AS (
    SELECT activity_id, count(*) AS times, coalesce(sum(attended_hours), 0) AS set_hours,
           count(*) FILTER (WHERE attended_hours IS NULL) AS unset
    FROM sign_ins WHERE status = 'confirmed' AND resident_id IS NOT NULL GROUP BY activity_id
  ), acts AS (
    SELECT x.centre_id, stat_month(x.starts_at) AS month, x.theme::text AS theme,
           (x.status IN ('open', 'done'))::int AS held,
           CASE WHEN x.status <> 'cancelled' THEN coalesce(s.times, 0) ELSE 0 END AS times,
           CASE WHEN x.status <> 'cancelled' THEN coalesce(s.set_hours + s.unset * x.hours, 0) ELSE 0 END AS hours
    FROM activities x LEFT JOIN s ON s.activity_id = x.id
  )
  SELECT a, p, t.theme, sum(t.held), sum(t.times), sum(t.hours)
  FROM acts t JOIN org_nodes n ON n.id = t.centre_id
    CROSS JOIN unnest(stat_path_ids(n.path)) AS a
    CROSS JOIN LATERAL (VALUES (t.month), ((t.month / 100) * 100)) AS pp(p)
  WHERE n.path LIKE p_prefix || '%'
  GROUP BY 1, 2, 3
  HAVING sum(t.held) <> 0 OR sum(t.times) <> 0 OR sum(t.hours) <> 0
$$;
--> statement-breakpoint
CREATE FUNCTION stat_rebuild_themes() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM stat_theme_counts;
  INSERT INTO stat_theme_counts (node_id, period, theme, activities_held, person_times, hours)
    SELECT * FROM stat_theme_source('/');
END $$;
--> statement-breakpoint
-- One node's theme figures from the records under it (a moved subtree's old and new ancestors).
CREATE FUNCTION stat_recount_themes(p_node uuid) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_path text;
BEGIN
  SELECT path INTO v_path FROM org_nodes WHERE id = p_node;
  DELETE FROM stat_theme_counts WHERE node_id = p_node;
  INSERT INTO stat_theme_counts (node_id, period, theme, activities_held, person_times, hours)
    SELECT * FROM stat_theme_source(v_path) AS f WHERE f.node_id = p_node;
END $$;
--> statement-breakpoint
-- stat_rebuild() and stat_recount() keep their names and now count themes too.
CREATE OR REPLACE FUNCTION stat_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM stat_rebuild_sign_ins();
  PERFORM stat_rebuild_held();
  PERFORM stat_rebuild_themes();
END $$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION stat_recount(p_node uuid) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM stat_recount_sign_ins(p_node);
  PERFORM stat_recount_held(p_node);
  PERFORM stat_recount_themes(p_node);
END $$;
--> statement-breakpoint
SELECT stat_rebuild_themes();
