-- The dataset revision is sent on channel `stancemap_revision` when a write that changes it commits
-- (pg_notify inside a transaction is delivered at its commit, in commit order). Each app instance listens
-- and keeps the value instead of reading the row on every request (packages/db/src/revision-watch.ts).
-- PostgreSQL only: an embedded SQLite database has one process reading it.
CREATE FUNCTION "stancemap_revision_notify"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' OR TG_OP = 'TRUNCATE' THEN
    PERFORM pg_notify('stancemap_revision', '0');
    RETURN NULL;
  END IF;
  PERFORM pg_notify('stancemap_revision', NEW."revision"::text);
  RETURN NULL;
END
$$;

CREATE TRIGGER "DatasetRevision_notify" AFTER INSERT OR UPDATE OR DELETE ON "DatasetRevision"
  FOR EACH ROW EXECUTE FUNCTION "stancemap_revision_notify"();

CREATE TRIGGER "DatasetRevision_notify_truncate" AFTER TRUNCATE ON "DatasetRevision"
  FOR EACH STATEMENT EXECUTE FUNCTION "stancemap_revision_notify"();
