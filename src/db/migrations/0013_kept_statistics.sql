CREATE TABLE "stat_attendance" (
	"resident_id" uuid NOT NULL,
	"month" integer NOT NULL,
	"centre_id" uuid NOT NULL,
	"times" integer NOT NULL,
	"hours" numeric(12, 1) NOT NULL,
	CONSTRAINT "stat_attendance_resident_id_month_centre_id_pk" PRIMARY KEY("resident_id","month","centre_id")
);
--> statement-breakpoint
CREATE TABLE "stat_counts" (
	"node_id" uuid NOT NULL,
	"period" integer NOT NULL,
	"person_times" integer DEFAULT 0 NOT NULL,
	"hours" numeric(12, 1) DEFAULT '0' NOT NULL,
	"participants" integer DEFAULT 0 NOT NULL,
	"residents_reached" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "stat_counts_node_id_period_pk" PRIMARY KEY("node_id","period")
);
--> statement-breakpoint
CREATE TABLE "stat_group_counts" (
	"node_id" uuid NOT NULL,
	"period" integer NOT NULL,
	"tag" varchar(24) NOT NULL,
	"residents_reached" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "stat_group_counts_node_id_period_tag_pk" PRIMARY KEY("node_id","period","tag")
);
--> statement-breakpoint
CREATE TABLE "stat_residence" (
	"resident_id" uuid NOT NULL,
	"period" integer NOT NULL,
	"times" integer NOT NULL,
	CONSTRAINT "stat_residence_resident_id_period_pk" PRIMARY KEY("resident_id","period")
);
--> statement-breakpoint
CREATE TABLE "stat_unit_counts" (
	"unit_id" uuid NOT NULL,
	"period" integer NOT NULL,
	"person_times" integer DEFAULT 0 NOT NULL,
	"hours" numeric(12, 1) DEFAULT '0' NOT NULL,
	CONSTRAINT "stat_unit_counts_unit_id_period_pk" PRIMARY KEY("unit_id","period")
);
--> statement-breakpoint
ALTER TABLE "stat_attendance" ADD CONSTRAINT "stat_attendance_resident_id_residents_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."residents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stat_attendance" ADD CONSTRAINT "stat_attendance_centre_id_org_nodes_id_fk" FOREIGN KEY ("centre_id") REFERENCES "public"."org_nodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stat_counts" ADD CONSTRAINT "stat_counts_node_id_org_nodes_id_fk" FOREIGN KEY ("node_id") REFERENCES "public"."org_nodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stat_group_counts" ADD CONSTRAINT "stat_group_counts_node_id_org_nodes_id_fk" FOREIGN KEY ("node_id") REFERENCES "public"."org_nodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stat_residence" ADD CONSTRAINT "stat_residence_resident_id_residents_id_fk" FOREIGN KEY ("resident_id") REFERENCES "public"."residents"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "stat_unit_counts" ADD CONSTRAINT "stat_unit_counts_unit_id_org_nodes_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."org_nodes"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "stat_attendance_centre_month_idx" ON "stat_attendance" USING btree ("centre_id","month");--> statement-breakpoint
-- hand-written below
-- The kept statistics (src/modules/stats/stats.table.ts), maintained here in the transaction
-- that changes the records. A period is a month yyyymm or a year yyyy00; months are counted in
-- the county's time zone. `stat_rebuild()` recomputes everything from the records (after a bulk
-- load with the triggers off, and to verify the kept figures).

-- The ids on a node's path, root first ("/<county>/<town>/<centre>/").
CREATE FUNCTION stat_path_ids(p_path text) RETURNS uuid[] LANGUAGE sql IMMUTABLE AS $$
  SELECT coalesce(string_to_array(trim(both '/' from p_path), '/')::uuid[], '{}'::uuid[])
$$;
--> statement-breakpoint
CREATE FUNCTION stat_month(p_at timestamptz) RETURNS int LANGUAGE sql STABLE AS $$
  SELECT to_char(p_at AT TIME ZONE 'Asia/Shanghai', 'YYYYMM')::int
$$;
--> statement-breakpoint
-- The months a period covers: a month itself, or the twelve months of a year.
CREATE FUNCTION stat_first_month(p_period int) RETURNS int LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN p_period % 100 = 0 THEN p_period + 1 ELSE p_period END
$$;
--> statement-breakpoint
CREATE FUNCTION stat_last_month(p_period int) RETURNS int LANGUAGE sql IMMUTABLE AS $$
  SELECT CASE WHEN p_period % 100 = 0 THEN p_period + 12 ELSE p_period END
$$;
--> statement-breakpoint
-- A resident's first or last participation in a period moves the residence-based counts of every
-- node above their home, and of each special group they belong to.
CREATE FUNCTION stat_reach(p_resident uuid, p_period int, p_delta int) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_path text;
BEGIN
  SELECT n.path INTO v_path FROM residents r JOIN org_nodes n ON n.id = r.node_id WHERE r.id = p_resident;
  IF v_path IS NULL THEN RETURN; END IF;
  INSERT INTO stat_counts AS c (node_id, period, residents_reached)
    SELECT a, p_period, p_delta FROM unnest(stat_path_ids(v_path)) AS a ORDER BY a
  ON CONFLICT (node_id, period) DO UPDATE SET residents_reached = c.residents_reached + excluded.residents_reached;
  INSERT INTO stat_group_counts AS g (node_id, period, tag, residents_reached)
    SELECT a, p_period, t.tag, p_delta
    FROM unnest(stat_path_ids(v_path)) AS a CROSS JOIN resident_tags t
    WHERE t.resident_id = p_resident ORDER BY a, t.tag
  ON CONFLICT (node_id, period, tag) DO UPDATE SET residents_reached = g.residents_reached + excluded.residents_reached;
END $$;
--> statement-breakpoint
-- One counted sign-in more (p_delta 1) or less (-1) of a resident at a centre in a month.
CREATE FUNCTION stat_attend(p_resident uuid, p_centre uuid, p_month int, p_unit uuid, p_delta int, p_hours numeric)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_year int := (p_month / 100) * 100;
  v_path text;
  v_times int;
  v_period int;
BEGIN
  SELECT path INTO v_path FROM org_nodes WHERE id = p_centre;
  -- Person-times and hours at the centre and every node above it, for the month and the year.
  INSERT INTO stat_counts AS c (node_id, period, person_times, hours)
    SELECT a, p, p_delta, p_hours * p_delta
    FROM unnest(stat_path_ids(v_path)) AS a CROSS JOIN (VALUES (p_month), (v_year)) AS pp(p) ORDER BY a, p
  ON CONFLICT (node_id, period) DO UPDATE
    SET person_times = c.person_times + excluded.person_times, hours = c.hours + excluded.hours;
  IF p_unit IS NOT NULL THEN
    INSERT INTO stat_unit_counts AS u (unit_id, period, person_times, hours)
      SELECT p_unit, p, p_delta, p_hours * p_delta FROM (VALUES (p_month), (v_year)) AS pp(p) ORDER BY p
    ON CONFLICT (unit_id, period) DO UPDATE
      SET person_times = u.person_times + excluded.person_times, hours = u.hours + excluded.hours;
  END IF;

  -- Distinct participants by place: the resident's first (or last) row under a node in a period.
  INSERT INTO stat_attendance AS t (resident_id, month, centre_id, times, hours)
    VALUES (p_resident, p_month, p_centre, p_delta, p_hours * p_delta)
  ON CONFLICT (resident_id, month, centre_id) DO UPDATE
    SET times = t.times + excluded.times, hours = t.hours + excluded.hours
  RETURNING times INTO v_times;
  IF v_times = 0 THEN
    DELETE FROM stat_attendance WHERE resident_id = p_resident AND month = p_month AND centre_id = p_centre;
  END IF;
  IF (p_delta > 0 AND v_times = p_delta) OR (p_delta < 0 AND v_times = 0) THEN
    UPDATE stat_counts c SET participants = c.participants + sign(p_delta)::int
    FROM unnest(stat_path_ids(v_path)) AS a
      JOIN org_nodes an ON an.id = a
      CROSS JOIN (VALUES (p_month), (v_year)) AS pp(p)
    WHERE c.node_id = a AND c.period = pp.p
      AND NOT EXISTS (
        SELECT 1 FROM stat_attendance o JOIN org_nodes n ON n.id = o.centre_id
        WHERE o.resident_id = p_resident
          AND o.month BETWEEN stat_first_month(pp.p) AND stat_last_month(pp.p)
          AND NOT (o.month = p_month AND o.centre_id = p_centre)
          AND n.path LIKE an.path || '%');
  END IF;

  -- Residence: the resident's first (or last) participation anywhere in the month and the year.
  FOREACH v_period IN ARRAY ARRAY[p_month, v_year] LOOP
    INSERT INTO stat_residence AS r (resident_id, period, times) VALUES (p_resident, v_period, p_delta)
    ON CONFLICT (resident_id, period) DO UPDATE SET times = r.times + excluded.times
    RETURNING times INTO v_times;
    IF v_times = 0 THEN
      DELETE FROM stat_residence WHERE resident_id = p_resident AND period = v_period;
    END IF;
    IF (p_delta > 0 AND v_times = p_delta) OR (p_delta < 0 AND v_times = 0) THEN
      PERFORM stat_reach(p_resident, v_period, sign(p_delta)::int);
    END IF;
  END LOOP;
END $$;
--> statement-breakpoint
-- A sign-in counts while it is confirmed, of a known resident, at an activity not cancelled.
CREATE FUNCTION stat_sign_in(p_activity uuid, p_resident uuid, p_attended numeric, p_delta int)
RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  a record;
BEGIN
  SELECT centre_id, starts_at, status, hours, responsible_unit_id INTO a FROM activities WHERE id = p_activity;
  IF NOT FOUND OR a.status = 'cancelled' THEN RETURN; END IF;
  PERFORM stat_attend(p_resident, a.centre_id, stat_month(a.starts_at), a.responsible_unit_id, p_delta,
                      coalesce(p_attended, a.hours));
END $$;
--> statement-breakpoint
CREATE FUNCTION stat_sign_ins_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('cedu.restoring', true) = 'on' THEN RETURN NULL; END IF;  -- a restore brings the kept rows too
  IF TG_OP = 'UPDATE'
     AND OLD.status IS NOT DISTINCT FROM NEW.status
     AND OLD.resident_id IS NOT DISTINCT FROM NEW.resident_id
     AND OLD.activity_id IS NOT DISTINCT FROM NEW.activity_id
     AND OLD.attended_hours IS NOT DISTINCT FROM NEW.attended_hours THEN
    RETURN NULL;
  END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') AND OLD.status = 'confirmed' AND OLD.resident_id IS NOT NULL THEN
    PERFORM stat_sign_in(OLD.activity_id, OLD.resident_id, OLD.attended_hours, -1);
  END IF;
  IF TG_OP IN ('INSERT', 'UPDATE') AND NEW.status = 'confirmed' AND NEW.resident_id IS NOT NULL THEN
    PERFORM stat_sign_in(NEW.activity_id, NEW.resident_id, NEW.attended_hours, 1);
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER sign_ins_stats AFTER INSERT OR DELETE OR UPDATE ON sign_ins
  FOR EACH ROW EXECUTE FUNCTION stat_sign_ins_trg();
--> statement-breakpoint
-- An activity cancelled or restored, moved to another centre or month, or given other hours or
-- another responsible unit: its counted sign-ins leave the old figures and join the new.
CREATE FUNCTION stat_activities_trg() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  s record;
BEGIN
  IF current_setting('cedu.restoring', true) = 'on' THEN RETURN NULL; END IF;  -- a restore brings the kept rows too
  IF OLD.centre_id = NEW.centre_id
     AND stat_month(OLD.starts_at) = stat_month(NEW.starts_at)
     AND (OLD.status = 'cancelled') = (NEW.status = 'cancelled')
     AND OLD.hours = NEW.hours
     AND OLD.responsible_unit_id IS NOT DISTINCT FROM NEW.responsible_unit_id THEN
    RETURN NULL;
  END IF;
  FOR s IN SELECT resident_id, attended_hours FROM sign_ins
           WHERE activity_id = NEW.id AND status = 'confirmed' AND resident_id IS NOT NULL LOOP
    IF OLD.status <> 'cancelled' THEN
      PERFORM stat_attend(s.resident_id, OLD.centre_id, stat_month(OLD.starts_at), OLD.responsible_unit_id, -1,
                          coalesce(s.attended_hours, OLD.hours));
    END IF;
    IF NEW.status <> 'cancelled' THEN
      PERFORM stat_attend(s.resident_id, NEW.centre_id, stat_month(NEW.starts_at), NEW.responsible_unit_id, 1,
                          coalesce(s.attended_hours, NEW.hours));
    END IF;
  END LOOP;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER activities_stats AFTER UPDATE ON activities
  FOR EACH ROW EXECUTE FUNCTION stat_activities_trg();
--> statement-breakpoint
-- A resident who moves to another village takes their participation with them.
CREATE FUNCTION stat_residents_trg() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  r record;
BEGIN
  IF current_setting('cedu.restoring', true) = 'on' THEN RETURN NULL; END IF;  -- a restore brings the kept rows too
  IF OLD.node_id = NEW.node_id THEN RETURN NULL; END IF;
  FOR r IN SELECT period FROM stat_residence WHERE resident_id = NEW.id LOOP
    -- stat_reach reads the home from the row: undo under the old home by hand, redo under the new.
    UPDATE stat_counts c SET residents_reached = c.residents_reached - 1
    FROM org_nodes o, unnest(stat_path_ids(o.path)) AS a
    WHERE o.id = OLD.node_id AND c.node_id = a AND c.period = r.period;
    UPDATE stat_group_counts g SET residents_reached = g.residents_reached - 1
    FROM org_nodes o, unnest(stat_path_ids(o.path)) AS a, resident_tags t
    WHERE o.id = OLD.node_id AND t.resident_id = NEW.id AND g.node_id = a AND g.period = r.period AND g.tag = t.tag;
    PERFORM stat_reach(NEW.id, r.period, 1);
  END LOOP;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER residents_stats AFTER UPDATE OF node_id ON residents
  FOR EACH ROW EXECUTE FUNCTION stat_residents_trg();
--> statement-breakpoint
-- A special-group tag given or taken: the group counts of every period the resident took part in.
CREATE FUNCTION stat_resident_tags_trg() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_resident uuid := CASE WHEN TG_OP = 'INSERT' THEN NEW.resident_id ELSE OLD.resident_id END;
  v_tag text := CASE WHEN TG_OP = 'INSERT' THEN NEW.tag ELSE OLD.tag END;
  v_delta int := CASE WHEN TG_OP = 'INSERT' THEN 1 ELSE -1 END;
BEGIN
  IF current_setting('cedu.restoring', true) = 'on' THEN RETURN NULL; END IF;  -- a restore brings the kept rows too
  INSERT INTO stat_group_counts AS g (node_id, period, tag, residents_reached)
    SELECT a, s.period, v_tag, v_delta
    FROM stat_residence s
      JOIN residents r ON r.id = s.resident_id
      JOIN org_nodes n ON n.id = r.node_id
      CROSS JOIN unnest(stat_path_ids(n.path)) AS a
    WHERE s.resident_id = v_resident ORDER BY a, s.period
  ON CONFLICT (node_id, period, tag) DO UPDATE SET residents_reached = g.residents_reached + excluded.residents_reached;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER resident_tags_stats AFTER INSERT OR DELETE ON resident_tags
  FOR EACH ROW EXECUTE FUNCTION stat_resident_tags_trg();
--> statement-breakpoint
-- Everything recomputed from the records: the kept tables emptied and filled again.
CREATE FUNCTION stat_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM stat_attendance; DELETE FROM stat_residence; DELETE FROM stat_counts;
  DELETE FROM stat_group_counts; DELETE FROM stat_unit_counts;
  CREATE TEMP TABLE stat_src ON COMMIT DROP AS
    SELECT s.resident_id, a.centre_id, stat_month(a.starts_at) AS month, a.responsible_unit_id AS unit_id,
           coalesce(s.attended_hours, a.hours) AS hours
    FROM sign_ins s JOIN activities a ON a.id = s.activity_id
    WHERE s.status = 'confirmed' AND s.resident_id IS NOT NULL AND a.status <> 'cancelled';
  INSERT INTO stat_attendance (resident_id, month, centre_id, times, hours)
    SELECT resident_id, month, centre_id, count(*), sum(hours) FROM stat_src GROUP BY 1, 2, 3;
  INSERT INTO stat_residence (resident_id, period, times)
    SELECT resident_id, p, sum(times) FROM stat_attendance
      CROSS JOIN LATERAL (VALUES (month), ((month / 100) * 100)) AS pp(p) GROUP BY 1, 2;
  INSERT INTO stat_unit_counts (unit_id, period, person_times, hours)
    SELECT unit_id, p, count(*), sum(hours) FROM stat_src
      CROSS JOIN LATERAL (VALUES (month), ((month / 100) * 100)) AS pp(p)
    WHERE unit_id IS NOT NULL GROUP BY 1, 2;
  -- By place: each attendance row under every node of its centre's path.
  INSERT INTO stat_counts (node_id, period, person_times, hours, participants)
    SELECT a, p, sum(t.times), sum(t.hours), count(DISTINCT t.resident_id)
    FROM stat_attendance t JOIN org_nodes n ON n.id = t.centre_id
      CROSS JOIN unnest(stat_path_ids(n.path)) AS a
      CROSS JOIN LATERAL (VALUES (t.month), ((t.month / 100) * 100)) AS pp(p)
    GROUP BY 1, 2;
  -- By residence: each participating resident under every node of their home's path.
  INSERT INTO stat_counts AS c (node_id, period, residents_reached)
    SELECT a, s.period, count(*)
    FROM stat_residence s JOIN residents r ON r.id = s.resident_id JOIN org_nodes n ON n.id = r.node_id
      CROSS JOIN unnest(stat_path_ids(n.path)) AS a
    GROUP BY 1, 2
  ON CONFLICT (node_id, period) DO UPDATE SET residents_reached = excluded.residents_reached;
  INSERT INTO stat_group_counts (node_id, period, tag, residents_reached)
    SELECT a, s.period, t.tag, count(*)
    FROM stat_residence s JOIN residents r ON r.id = s.resident_id JOIN org_nodes n ON n.id = r.node_id
      JOIN resident_tags t ON t.resident_id = s.resident_id
      CROSS JOIN unnest(stat_path_ids(n.path)) AS a
    GROUP BY 1, 2, 3;
  DROP TABLE stat_src;
END $$;
--> statement-breakpoint
-- The tree moved: a subtree under another parent changes the figures of the nodes above it that
-- it left or joined (a move rewrites the paths of the whole subtree in one statement).
CREATE FUNCTION stat_org_nodes_trg() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF current_setting('cedu.restoring', true) = 'on' THEN RETURN NULL; END IF;  -- a restore brings the kept rows too
  PERFORM stat_recount(x.a) FROM (
    SELECT DISTINCT a FROM old_nodes o JOIN new_nodes n ON n.id = o.id AND n.path <> o.path
      CROSS JOIN LATERAL unnest(stat_path_ids(o.path) || stat_path_ids(n.path)) AS a
    WHERE NOT (a = ANY (stat_path_ids(o.path)) AND a = ANY (stat_path_ids(n.path)))
      AND a NOT IN (SELECT id FROM new_nodes)
  ) AS x;
  RETURN NULL;
END $$;
--> statement-breakpoint
-- One node's figures, every period, recomputed from the kept rows below it.
CREATE FUNCTION stat_recount(p_node uuid) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_path text;
BEGIN
  SELECT path INTO v_path FROM org_nodes WHERE id = p_node;
  DELETE FROM stat_counts WHERE node_id = p_node;
  DELETE FROM stat_group_counts WHERE node_id = p_node;
  INSERT INTO stat_counts (node_id, period, person_times, hours, participants)
    SELECT p_node, p, sum(t.times), sum(t.hours), count(DISTINCT t.resident_id)
    FROM stat_attendance t JOIN org_nodes n ON n.id = t.centre_id
      CROSS JOIN LATERAL (VALUES (t.month), ((t.month / 100) * 100)) AS pp(p)
    WHERE n.path LIKE v_path || '%'
    GROUP BY 2;
  INSERT INTO stat_counts AS c (node_id, period, residents_reached)
    SELECT p_node, s.period, count(*)
    FROM stat_residence s JOIN residents r ON r.id = s.resident_id JOIN org_nodes n ON n.id = r.node_id
    WHERE n.path LIKE v_path || '%'
    GROUP BY 2
  ON CONFLICT (node_id, period) DO UPDATE SET residents_reached = excluded.residents_reached;
  INSERT INTO stat_group_counts (node_id, period, tag, residents_reached)
    SELECT p_node, s.period, t.tag, count(*)
    FROM stat_residence s JOIN residents r ON r.id = s.resident_id JOIN org_nodes n ON n.id = r.node_id
      JOIN resident_tags t ON t.resident_id = s.resident_id
    WHERE n.path LIKE v_path || '%'
    GROUP BY 2, 3;
END $$;
--> statement-breakpoint
CREATE TRIGGER org_nodes_stats AFTER UPDATE ON org_nodes
  REFERENCING OLD TABLE AS old_nodes NEW TABLE AS new_nodes
  FOR EACH STATEMENT EXECUTE FUNCTION stat_org_nodes_trg();
--> statement-breakpoint
SELECT stat_rebuild();
