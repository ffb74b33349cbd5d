import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Stored monthly desk figures (issue 4: the metrics "are stored as the organisation's internal
 * metrics"): `deskMetrics` reads the months it has stored and computes live only the months that
 * changed since, then stores those.
 *
 * `desk_metric_figure` holds the rows of DeskService.metrics's statement per organisation, grouping
 * variant (1 per service, 2 by category, 3 by requesting team, 4 by both: medians and p90 cannot be
 * re-aggregated from finer cells) and month (the local month of the organisation's time zone).
 * `desk_metric_mark` says which of them are valid: for variant k, months in [lo[k], hi[k]) computed
 * in `time_zone`. Each figure of month M is a function of the data alone (the requests opened in M
 * with their ratings; the backlog at the end of M from the opening and resolution moments of every
 * request), so a stored month stays valid until a request or rating that it depends on changes.
 *
 * Invalidation is done by the database, whoever writes (service, sweep, seeds, tests, cascades):
 * statement-level triggers with transition tables find, per organisation, the earliest month a
 * statement's changed rows touch (the local month of the least of old and new created_at and
 * resolved_at; a rating counts in its request's month), ignoring updates that change no column the
 * figures read (the at-risk sweep's flags, assignments, replies). They keep the earliest month in a
 * transaction-local setting and queue one `desk_metric_pending` row per transaction and
 * organisation, whose deferred constraint trigger lowers every hi to that month and bumps `version`
 * when the transaction commits: the mark row is locked only while the writer commits (no waiting
 * behind a long writer, no deadlock between writers touching requests in different orders). A reader
 * stores what it computed only if `version` is still the one it read with its snapshot (see
 * DeskService.metrics).
 */
export class DeskMetricStore1796320000000 implements MigrationInterface {
  name = 'DeskMetricStore1796320000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE "desk_metric_mark" (
      "organization_id" uuid PRIMARY KEY REFERENCES "organization"("id") ON DELETE CASCADE,
      "version" bigint NOT NULL DEFAULT 0,
      "time_zone" varchar(64),
      "lo" date[] NOT NULL DEFAULT '{NULL,NULL,NULL,NULL}',
      "hi" date[] NOT NULL DEFAULT '{NULL,NULL,NULL,NULL}'
    )`);
    await q.query(`CREATE TABLE "desk_metric_figure" (
      "organization_id" uuid NOT NULL REFERENCES "organization"("id") ON DELETE CASCADE,
      "variant" smallint NOT NULL,
      "month" date NOT NULL,
      "support_service_id" uuid NOT NULL,
      "category_id" uuid,
      "requester_team_id" uuid,
      "opened" integer NOT NULL,
      "resolved" integer NOT NULL,
      "backlog" integer NOT NULL,
      "fr_conf" numeric,
      "res_conf" numeric,
      "med_resp" double precision,
      "p90_resp" double precision,
      "med_res" double precision,
      "p90_res" double precision,
      "reopen_rate" numeric,
      "reneg_rate" numeric,
      "ratings" integer,
      "csat" numeric,
      "effort" numeric
    )`);
    await q.query(
      `CREATE INDEX "idx_desk_metric_figure" ON "desk_metric_figure" ("organization_id", "variant", "month")`,
    );
    await q.query(`CREATE TABLE "desk_metric_pending" ("organization_id" uuid NOT NULL)`);

    // Months changed by this transaction, per organisation: remember the earliest, queue one pending row.
    await q.query(`
      CREATE FUNCTION desk_metric_touch(org uuid, month date) RETURNS void LANGUAGE plpgsql AS $$
      DECLARE
        flag text := 'symmetry.deskm_' || replace(org::text, '-', '');
        seen text := current_setting(flag, true);
      BEGIN
        IF month IS NULL THEN RETURN; END IF;
        IF seen IS NULL OR seen = '' THEN
          PERFORM set_config(flag, month::text, true);
          INSERT INTO desk_metric_pending (organization_id) VALUES (org);
        ELSIF month < seen::date THEN
          PERFORM set_config(flag, month::text, true);
        END IF;
      END $$`);
    await q.query(`
      CREATE FUNCTION desk_metric_request_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE x record;
      BEGIN
        IF TG_OP = 'INSERT' THEN
          FOR x IN SELECT n.organization_id AS org, min(least(n.created_at, n.resolved_at)) AS at
                     FROM new_rows n GROUP BY 1 LOOP
            PERFORM desk_metric_touch(x.org, (SELECT date_trunc('month', x.at AT TIME ZONE o.time_zone)::date FROM organization o WHERE o.id = x.org));
          END LOOP;
        ELSIF TG_OP = 'DELETE' THEN
          FOR x IN SELECT d.organization_id AS org, min(least(d.created_at, d.resolved_at)) AS at
                     FROM old_rows d GROUP BY 1 LOOP
            PERFORM desk_metric_touch(x.org, (SELECT date_trunc('month', x.at AT TIME ZONE o.time_zone)::date FROM organization o WHERE o.id = x.org));
          END LOOP;
        ELSE
          FOR x IN SELECT v.org, min(v.at) AS at FROM old_rows d JOIN new_rows n ON n.id = d.id,
                          LATERAL (VALUES (d.organization_id, least(d.created_at, d.resolved_at)),
                                          (n.organization_id, least(n.created_at, n.resolved_at))) AS v(org, at)
                    WHERE (d.organization_id, d.support_service_id, d.category_id, d.requester_team_id, d.created_at,
                           d.first_responded_at, d.resolved_at, d.first_response_met, d.resolution_met, d.reopen_count,
                           d.renegotiation_count)
                          IS DISTINCT FROM
                          (n.organization_id, n.support_service_id, n.category_id, n.requester_team_id, n.created_at,
                           n.first_responded_at, n.resolved_at, n.first_response_met, n.resolution_met, n.reopen_count,
                           n.renegotiation_count)
                    GROUP BY 1 LOOP
            PERFORM desk_metric_touch(x.org, (SELECT date_trunc('month', x.at AT TIME ZONE o.time_zone)::date FROM organization o WHERE o.id = x.org));
          END LOOP;
        END IF;
        RETURN NULL;
      END $$`);
    // A rating counts in its request's month (a rating of a deleted request: the request's delete covers it).
    await q.query(`
      CREATE FUNCTION desk_metric_rating_changed() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE x record;
      BEGIN
        IF TG_OP = 'INSERT' THEN
          FOR x IN SELECT r.organization_id AS org, min(least(r.created_at, r.resolved_at)) AS at
                     FROM new_rows n JOIN service_request r ON r.id = n.request_id GROUP BY 1 LOOP
            PERFORM desk_metric_touch(x.org, (SELECT date_trunc('month', x.at AT TIME ZONE o.time_zone)::date FROM organization o WHERE o.id = x.org));
          END LOOP;
        ELSIF TG_OP = 'DELETE' THEN
          FOR x IN SELECT r.organization_id AS org, min(least(r.created_at, r.resolved_at)) AS at
                     FROM old_rows d JOIN service_request r ON r.id = d.request_id GROUP BY 1 LOOP
            PERFORM desk_metric_touch(x.org, (SELECT date_trunc('month', x.at AT TIME ZONE o.time_zone)::date FROM organization o WHERE o.id = x.org));
          END LOOP;
        ELSE
          FOR x IN SELECT r.organization_id AS org, min(least(r.created_at, r.resolved_at)) AS at
                     FROM old_rows d JOIN new_rows n ON n.request_id = d.request_id
                     JOIN service_request r ON r.id IN (d.request_id, n.request_id)
                    WHERE (d.request_id, d.status, d.csat, d.effort) IS DISTINCT FROM (n.request_id, n.status, n.csat, n.effort)
                    GROUP BY 1 LOOP
            PERFORM desk_metric_touch(x.org, (SELECT date_trunc('month', x.at AT TIME ZONE o.time_zone)::date FROM organization o WHERE o.id = x.org));
          END LOOP;
        END IF;
        RETURN NULL;
      END $$`);
    for (const [table, fn] of [
      ['service_request', 'desk_metric_request_changed'],
      ['request_rating', 'desk_metric_rating_changed'],
    ]) {
      await q.query(
        `CREATE TRIGGER "${table}_metric_insert" AFTER INSERT ON "${table}" REFERENCING NEW TABLE AS new_rows
         FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
      );
      await q.query(
        `CREATE TRIGGER "${table}_metric_update" AFTER UPDATE ON "${table}" REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
         FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
      );
      await q.query(
        `CREATE TRIGGER "${table}_metric_delete" AFTER DELETE ON "${table}" REFERENCING OLD TABLE AS old_rows
         FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
      );
    }

    // TRUNCATE names no rows: nothing stored stays valid.
    await q.query(`
      CREATE FUNCTION desk_metric_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        UPDATE desk_metric_mark SET version = version + 1, hi = '{NULL,NULL,NULL,NULL}';
        RETURN NULL;
      END $$`);
    for (const table of ['service_request', 'request_rating'])
      await q.query(
        `CREATE TRIGGER "${table}_metric_truncate" AFTER TRUNCATE ON "${table}" FOR EACH STATEMENT EXECUTE FUNCTION desk_metric_truncated()`,
      );

    // At commit: lower every variant's hi to the earliest changed month, bump the version.
    await q.query(`
      CREATE FUNCTION desk_metric_commit() RETURNS trigger LANGUAGE plpgsql AS $$
      DECLARE
        flag text := 'symmetry.deskm_' || replace(NEW.organization_id::text, '-', '');
        month date := nullif(current_setting(flag, true), '')::date;
      BEGIN
        PERFORM set_config(flag, '', true);
        DELETE FROM desk_metric_pending WHERE organization_id = NEW.organization_id;
        IF month IS NULL THEN RETURN NULL; END IF;
        -- (an organisation deleted with its requests has nothing left to mark)
        INSERT INTO desk_metric_mark AS k (organization_id, version)
        SELECT NEW.organization_id, 1 WHERE EXISTS (SELECT 1 FROM organization WHERE id = NEW.organization_id)
        ON CONFLICT (organization_id) DO UPDATE SET version = k.version + 1,
          hi = ARRAY[least(k.hi[1], month), least(k.hi[2], month), least(k.hi[3], month), least(k.hi[4], month)];
        RETURN NULL;
      END $$`);
    await q.query(
      `CREATE CONSTRAINT TRIGGER "desk_metric_pending_commit" AFTER INSERT ON "desk_metric_pending"
       DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION desk_metric_commit()`,
    );

    // The live part of a read: requests opened since its first month, or open, or resolved since.
    await q.query(
      `CREATE INDEX "idx_request_org_resolved" ON "service_request" ("organization_id", "resolved_at")`,
    );
    await q.query(
      `CREATE INDEX "idx_request_org_created" ON "service_request" ("organization_id", "created_at")`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "idx_request_org_created"`);
    await q.query(`DROP INDEX "idx_request_org_resolved"`);
    for (const table of ['service_request', 'request_rating'])
      for (const op of ['insert', 'update', 'delete', 'truncate'])
        await q.query(`DROP TRIGGER "${table}_metric_${op}" ON "${table}"`);
    await q.query(`DROP TRIGGER "desk_metric_pending_commit" ON "desk_metric_pending"`);
    await q.query(`DROP FUNCTION desk_metric_commit()`);
    await q.query(`DROP FUNCTION desk_metric_truncated()`);
    await q.query(`DROP FUNCTION desk_metric_rating_changed()`);
    await q.query(`DROP FUNCTION desk_metric_request_changed()`);
    await q.query(`DROP FUNCTION desk_metric_touch(uuid, date)`);
    await q.query(`DROP TABLE "desk_metric_pending"`);
    await q.query(`DROP TABLE "desk_metric_figure"`);
    await q.query(`DROP TABLE "desk_metric_mark"`);
  }
}
