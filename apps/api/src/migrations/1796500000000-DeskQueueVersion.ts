import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A version number per support service that changes whenever anything its queue pages show
 * changes, by any code path (service, sweep, seeds, tests, cascades): one of its requests (insert,
 * update, delete, including a request moved to or from another service), one of its categories
 * (a renamed category), or the service itself (its owner team decides who works the queue, its
 * name is preloaded). DeskService.queue caches pages per instance and checks this number (with the
 * organisation's directory version, for names and team membership) by primary key on each request,
 * so a page is never served after a change has committed, whichever instance made it.
 *
 * Statement-level triggers with transition tables (one call per statement, however many rows: a
 * bulk import of requests is not slowed row by row) name the services a statement touched (an
 * update that changes nothing is ignored; the at-risk sweep writes its warnings elsewhere, see
 * RiskWarnings, so it bumps nothing). The services are listed in a transaction-local setting,
 * the transaction queues one `desk_queue_pending` row, and its deferred constraint trigger bumps
 * their versions when it commits, as DirectoryVersion and DeskMetricStore do: the version rows are
 * locked only while the writer commits, so writers of one service do not wait for each other's
 * whole transaction (nor for a long import), and they are locked in one order (by id), so two
 * writers touching services in different orders cannot deadlock on them. Readers see a change
 * and the new version together, at its commit. TRUNCATE names no rows: every version is bumped.
 */
export class DeskQueueVersion1796500000000 implements MigrationInterface {
  name = 'DeskQueueVersion1796500000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "desk_queue_version" (
      "support_service_id" uuid PRIMARY KEY REFERENCES "support_service"("id") ON DELETE CASCADE,
      "organization_id" uuid NOT NULL,
      "version" bigint NOT NULL DEFAULT 0
    )`);
    await q.query(
      `CREATE TABLE "desk_queue_pending" ("transaction_id" xid8 NOT NULL DEFAULT pg_current_xact_id())`,
    );

    // Services changed by this transaction: added to a transaction-local list; the first queues
    // the transaction's one pending row.
    await q.query(`
      CREATE FUNCTION desk_queue_touch(services uuid[]) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        seen text := coalesce(current_setting('symmetry.desk_queue', true), '');
        added text := (SELECT string_agg(DISTINCT s::text, ',') FROM unnest(services) AS s
                        WHERE s IS NOT NULL AND strpos(seen, s::text) = 0);
      BEGIN
        IF added IS NULL THEN RETURN; END IF;
        IF seen = '' THEN
          PERFORM set_config('symmetry.desk_queue', added, true);
          INSERT INTO desk_queue_pending DEFAULT VALUES;
        ELSE
          PERFORM set_config('symmetry.desk_queue', seen || ',' || added, true);
        END IF;
      END $$`);
    // Requests and categories alike: the services of their old and new rows.
    await q.query(`
      CREATE FUNCTION desk_queue_rows_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        IF TG_OP = 'INSERT' THEN
          PERFORM desk_queue_touch(ARRAY(SELECT DISTINCT support_service_id FROM new_rows));
        ELSIF TG_OP = 'DELETE' THEN
          PERFORM desk_queue_touch(ARRAY(SELECT DISTINCT support_service_id FROM old_rows));
        ELSE
          PERFORM desk_queue_touch(ARRAY(
            SELECT DISTINCT x.s FROM old_rows d FULL JOIN new_rows n ON n.id = d.id,
                   LATERAL (VALUES (d.support_service_id), (n.support_service_id)) AS x(s)
             WHERE d.id IS NULL OR n.id IS NULL OR to_jsonb(d) IS DISTINCT FROM to_jsonb(n)));
        END IF;
        RETURN NULL;
      END $$`);
    // A service's own changes (its owner team: who works the queue; its name).
    await q.query(`
      CREATE FUNCTION desk_queue_service_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        PERFORM desk_queue_touch(ARRAY(
          SELECT DISTINCT x.s FROM old_rows d FULL JOIN new_rows n ON n.id = d.id,
                 LATERAL (VALUES (d.id), (n.id)) AS x(s)
           WHERE d.id IS NULL OR n.id IS NULL OR to_jsonb(d) IS DISTINCT FROM to_jsonb(n)));
        RETURN NULL;
      END $$`);
    for (const table of ['service_request', 'request_category']) {
      const fn = 'desk_queue_rows_changed';
      await q.query(
        `CREATE TRIGGER "${table}_queue_insert" AFTER INSERT ON "${table}" REFERENCING NEW TABLE AS new_rows
         FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
      );
      await q.query(
        `CREATE TRIGGER "${table}_queue_update" AFTER UPDATE ON "${table}" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
         FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
      );
      await q.query(
        `CREATE TRIGGER "${table}_queue_delete" AFTER DELETE ON "${table}" REFERENCING OLD TABLE AS old_rows
         FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
      );
    }
    // (a new service has no cached page; a deleted one takes its version row with it)
    await q.query(
      `CREATE TRIGGER "support_service_queue_update" AFTER UPDATE ON "support_service"
       REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
       FOR EACH STATEMENT EXECUTE FUNCTION desk_queue_service_changed()`,
    );

    await q.query(`
      CREATE FUNCTION desk_queue_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE desk_queue_version SET version = version + 1;
        RETURN NULL;
      END $$`);
    for (const table of ['service_request', 'request_category', 'support_service'])
      await q.query(
        `CREATE TRIGGER "${table}_queue_truncate" AFTER TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION desk_queue_truncated()`,
      );

    // At commit: bump the version of every service this transaction changed, in one statement and
    // in the order of their ids, so two writers lock version rows in the same order (no deadlock).
    await q.query(`
      CREATE FUNCTION desk_queue_commit() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        services uuid[] := string_to_array(nullif(current_setting('symmetry.desk_queue', true), ''), ',')::uuid[];
      BEGIN
        PERFORM set_config('symmetry.desk_queue', '', true);
        DELETE FROM desk_queue_pending WHERE transaction_id = NEW.transaction_id;
        IF services IS NULL THEN RETURN NULL; END IF;
        -- (a service deleted in this transaction has no version to keep)
        INSERT INTO desk_queue_version AS v (support_service_id, organization_id, version)
        SELECT s.id, s.organization_id, 1 FROM support_service s WHERE s.id = ANY(services) ORDER BY s.id
        ON CONFLICT (support_service_id) DO UPDATE SET version = v.version + 1;
        RETURN NULL;
      END $$`);
    await q.query(
      `CREATE CONSTRAINT TRIGGER "desk_queue_pending_commit" AFTER INSERT ON "desk_queue_pending"
       DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION desk_queue_commit()`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const table of ['service_request', 'request_category'])
      for (const op of ['insert', 'update', 'delete'])
        await q.query(`DROP TRIGGER "${table}_queue_${op}" ON "${table}"`);
    await q.query(`DROP TRIGGER "support_service_queue_update" ON "support_service"`);
    for (const table of ['service_request', 'request_category', 'support_service'])
      await q.query(`DROP TRIGGER "${table}_queue_truncate" ON "${table}"`);
    await q.query(`DROP TRIGGER "desk_queue_pending_commit" ON "desk_queue_pending"`);
    await q.query(`DROP FUNCTION desk_queue_commit()`);
    await q.query(`DROP FUNCTION desk_queue_truncated()`);
    await q.query(`DROP FUNCTION desk_queue_service_changed()`);
    await q.query(`DROP FUNCTION desk_queue_rows_changed()`);
    await q.query(`DROP FUNCTION desk_queue_touch(uuid[])`);
    await q.query(`DROP TABLE "desk_queue_pending"`);
    await q.query(`DROP TABLE "desk_queue_version"`);
  }
}
