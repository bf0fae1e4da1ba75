CREATE TABLE "scheduled_jobs" (
	"name" varchar(64) PRIMARY KEY NOT NULL,
	"next_run_at" timestamp with time zone DEFAULT now() NOT NULL,
	"running_until" timestamp with time zone,
	"runs" integer DEFAULT 0 NOT NULL,
	"last_started_at" timestamp with time zone,
	"last_finished_at" timestamp with time zone,
	"last_node" varchar(120),
	"last_error" text
);

--> statement-breakpoint
-- hand-written below
-- Cache messages for every app node (src/server/cache-bus.ts). NOTIFY is sent at COMMIT, and
-- identical messages of one transaction are sent once.
CREATE FUNCTION cedu_cache_notify() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM pg_notify('cedu_cache', TG_ARGV[0]);
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER org_nodes_cache AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON org_nodes FOR EACH STATEMENT EXECUTE FUNCTION cedu_cache_notify('tree');
--> statement-breakpoint
CREATE TRIGGER settings_cache AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON settings FOR EACH STATEMENT EXECUTE FUNCTION cedu_cache_notify('settings');
--> statement-breakpoint
CREATE TRIGGER sessions_truncate_cache AFTER TRUNCATE ON sessions FOR EACH STATEMENT EXECUTE FUNCTION cedu_cache_notify('sessions');
--> statement-breakpoint
CREATE TRIGGER users_truncate_cache AFTER TRUNCATE ON users FOR EACH STATEMENT EXECUTE FUNCTION cedu_cache_notify('sessions');
--> statement-breakpoint
CREATE TRIGGER role_assignments_truncate_cache AFTER TRUNCATE ON role_assignments FOR EACH STATEMENT EXECUTE FUNCTION cedu_cache_notify('sessions');
--> statement-breakpoint
-- A user's cached sessions hold their name, state and roles; sign-in bookkeeping (last login,
-- failed attempts) changes none of that and sends nothing.
CREATE FUNCTION cedu_cache_notify_user() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_TABLE_NAME = 'users' THEN
    PERFORM pg_notify('cedu_cache', 'user:' || COALESCE(NEW.id, OLD.id));
  ELSE
    IF TG_OP <> 'INSERT' THEN PERFORM pg_notify('cedu_cache', 'user:' || OLD.user_id); END IF;
    IF TG_OP <> 'DELETE' THEN PERFORM pg_notify('cedu_cache', 'user:' || NEW.user_id); END IF;
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER users_cache AFTER UPDATE ON users FOR EACH ROW
  WHEN ((OLD.username, OLD.display_name, OLD.disabled, OLD.must_change_password, OLD.password_changed_at, OLD.password_hash)
    IS DISTINCT FROM (NEW.username, NEW.display_name, NEW.disabled, NEW.must_change_password, NEW.password_changed_at, NEW.password_hash))
  EXECUTE FUNCTION cedu_cache_notify_user();
--> statement-breakpoint
CREATE TRIGGER users_delete_cache AFTER DELETE ON users FOR EACH ROW EXECUTE FUNCTION cedu_cache_notify_user();
--> statement-breakpoint
CREATE TRIGGER role_assignments_cache AFTER INSERT OR UPDATE OR DELETE ON role_assignments FOR EACH ROW EXECUTE FUNCTION cedu_cache_notify_user();
--> statement-breakpoint
-- Ended sessions: one message per statement (the housekeeping prunes many at once).
CREATE FUNCTION cedu_cache_notify_sessions() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  n bigint; one text; people bigint; person text;
BEGIN
  SELECT count(*), min(id), count(DISTINCT user_id), min(user_id::text) INTO n, one, people, person FROM gone;
  IF n = 1 THEN PERFORM pg_notify('cedu_cache', 'session:' || one);
  ELSIF people = 1 THEN PERFORM pg_notify('cedu_cache', 'user:' || person);
  ELSIF n > 1 THEN PERFORM pg_notify('cedu_cache', 'sessions');
  END IF;
  RETURN NULL;
END $$;
--> statement-breakpoint
CREATE TRIGGER sessions_cache AFTER DELETE ON sessions REFERENCING OLD TABLE AS gone FOR EACH STATEMENT EXECUTE FUNCTION cedu_cache_notify_sessions();
