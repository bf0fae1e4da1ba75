ALTER TABLE "stat_counts" ADD COLUMN "activities_held" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "stat_unit_counts" ADD COLUMN "activities_held" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
-- hand-written below
-- Activities held (open or done) per node and period, and per responsible unit, kept like the
-- sign-in figures (0013): the indicators' "two activities a month per centre" and a department's
-- yearly sessions read them instead of counting activities.
CREATE FUNCTION stat_held(p_centre uuid, p_month int, p_unit uuid, p_delta int) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_year int := (p_month / 100) * 100;
BEGIN
  INSERT INTO stat_counts AS c (node_id, period, activities_held)
    SELECT a, p, p_delta
    FROM org_nodes n CROSS JOIN unnest(stat_path_ids(n.path)) AS a CROSS JOIN (VALUES (p_month), (v_year)) AS pp(p)
    WHERE n.id = p_centre ORDER BY a, p
  ON CONFLICT (node_id, period) DO UPDATE SET activities_held = c.activities_held + excluded.activities_held;
  IF p_unit IS NOT NULL THEN
    INSERT INTO stat_unit_counts AS u (unit_id, period, activities_held)
      SELECT p_unit, p, p_delta FROM (VALUES (p_month), (v_year)) AS pp(p) ORDER BY p
    ON CONFLICT (unit_id, period) DO UPDATE SET activities_held = u.activities_held + excluded.activities_held;
  END IF;
END $$;
--> statement-breakpoint
CREATE FUNCTION stat_activities_held_trg() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  v_old boolean := TG_OP <> 'INSERT' AND OLD.status IN ('open', 'done');
  v_new boolean := TG_OP <> 'DELETE' AND NEW.status IN ('open', 'done');
BEGIN
  IF current_setting('cedu.restoring', true) = 'on' THEN RETURN NULL; END IF;  -- a restore brings the kept rows too
  IF TG_OP = 'UPDATE' AND v_old = v_new AND OLD.centre_id = NEW.centre_id
     AND stat_month(OLD.starts_at) = stat_month(NEW.starts_at)
     AND OLD.responsible_unit_id IS NOT DISTINCT FROM NEW.responsible_unit_id THEN
    RETURN NULL;
  END IF;
  IF v_old THEN PERFORM stat_held(OLD.centre_id, stat_month(OLD.starts_at), OLD.responsible_unit_id, -1); END IF;
  IF v_new THEN PERFORM stat_held(NEW.centre_id, stat_month(NEW.starts_at), NEW.responsible_unit_id, 1); END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER activities_held_stats AFTER INSERT OR DELETE OR UPDATE ON activities
  FOR EACH ROW EXECUTE FUNCTION stat_activities_held_trg();
--> statement-breakpoint
-- The rebuild and the recount of a moved subtree's nodes count activities too.
CREATE FUNCTION stat_rebuild_held() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  UPDATE stat_counts SET activities_held = 0 WHERE activities_held <> 0;
  UPDATE stat_unit_counts SET activities_held = 0 WHERE activities_held <> 0;
  INSERT INTO stat_counts AS c (node_id, period, activities_held)
    SELECT a, p, count(*)
    FROM activities t JOIN org_nodes n ON n.id = t.centre_id
      CROSS JOIN unnest(stat_path_ids(n.path)) AS a
      CROSS JOIN LATERAL (VALUES (stat_month(t.starts_at)), ((stat_month(t.starts_at) / 100) * 100)) AS pp(p)
    WHERE t.status IN ('open', 'done')
    GROUP BY 1, 2
  ON CONFLICT (node_id, period) DO UPDATE SET activities_held = excluded.activities_held;
  INSERT INTO stat_unit_counts AS u (unit_id, period, activities_held)
    SELECT t.responsible_unit_id, p, count(*)
    FROM activities t
      CROSS JOIN LATERAL (VALUES (stat_month(t.starts_at)), ((stat_month(t.starts_at) / 100) * 100)) AS pp(p)
    WHERE t.status IN ('open', 'done') AND t.responsible_unit_id IS NOT NULL
    GROUP BY 1, 2
  ON CONFLICT (unit_id, period) DO UPDATE SET activities_held = excluded.activities_held;
END $$;
--> statement-breakpoint
-- stat_rebuild() and stat_recount() keep their names and now count activities too: the sign-in
-- parts of 0013 are renamed and called from them.
ALTER FUNCTION stat_rebuild() RENAME TO stat_rebuild_sign_ins;
--> statement-breakpoint
CREATE FUNCTION stat_rebuild() RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM stat_rebuild_sign_ins();
  PERFORM stat_rebuild_held();
END $$;
--> statement-breakpoint
CREATE FUNCTION stat_recount_held(p_node uuid) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_path text;
BEGIN
  SELECT path INTO v_path FROM org_nodes WHERE id = p_node;
  UPDATE stat_counts SET activities_held = 0 WHERE node_id = p_node;
  INSERT INTO stat_counts AS c (node_id, period, activities_held)
    SELECT p_node, p, count(*)
    FROM activities t JOIN org_nodes n ON n.id = t.centre_id
      CROSS JOIN LATERAL (VALUES (stat_month(t.starts_at)), ((stat_month(t.starts_at) / 100) * 100)) AS pp(p)
    WHERE t.status IN ('open', 'done') AND n.path LIKE v_path || '%'
    GROUP BY 2
  ON CONFLICT (node_id, period) DO UPDATE SET activities_held = excluded.activities_held;
END $$;
--> statement-breakpoint
ALTER FUNCTION stat_recount(uuid) RENAME TO stat_recount_sign_ins;
--> statement-breakpoint
CREATE FUNCTION stat_recount(p_node uuid) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  PERFORM stat_recount_sign_ins(p_node);
  PERFORM stat_recount_held(p_node);
END $$;
--> statement-breakpoint
SELECT stat_rebuild_held();
