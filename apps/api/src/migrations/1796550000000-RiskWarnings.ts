import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The at-risk sweep writes what it warns, and nothing else.
 *
 * 1. The warnings given (a request's first response or resolution at risk) are rows of a narrow
 *    table, `request_risk_warning` (one per request and kind, its primary key), instead of two
 *    flags on the request. Flipping a flag rewrote the whole request row (about 700 bytes with its
 *    search vector, a new index entry in each of eleven indexes whenever the page had no room),
 *    after locking it: for 25,000 warnings that alone was over 2 s. Inserting the warning rows
 *    costs a tenth of that, and the primary key makes "each warning once" hold with any number of
 *    sweepers (a second insert of the same key waits for the first and then does nothing).
 *
 * 2. The references of the rows a sweep writes in bulk (request_event, notification and the new
 *    table) are checked once per statement instead of once per row, by triggers that keep the
 *    meaning of the foreign keys they replace (as MirrorValueRefs does for metric values): the
 *    distinct referenced rows must exist and are locked FOR KEY SHARE, as a foreign key check
 *    locks them, else SQLSTATE 23503 with the former constraint's name; deleting a referenced row
 *    deletes the referencing rows (ON DELETE CASCADE) or clears the reference (SET NULL), also when
 *    the deletion is itself a cascade, or a TRUNCATE; a referenced id never changes (NO ACTION on
 *    update). A foreign key runs one lookup per row: about 160,000 of them for one sweep of 25,000
 *    warnings.
 */
interface Ref {
  child: string;
  column: string;
  parent: string;
  constraint: string;
  onDelete: 'CASCADE' | 'SET NULL';
}

const REFS: Ref[] = [
  {
    child: 'request_event',
    column: 'organization_id',
    parent: 'organization',
    constraint: 'request_event_organization_id_fkey',
    onDelete: 'CASCADE',
  },
  {
    child: 'request_event',
    column: 'request_id',
    parent: 'service_request',
    constraint: 'request_event_request_id_fkey',
    onDelete: 'CASCADE',
  },
  {
    child: 'request_event',
    column: 'actor_id',
    parent: 'person',
    constraint: 'request_event_actor_id_fkey',
    onDelete: 'SET NULL',
  },
  {
    child: 'notification',
    column: 'organization_id',
    parent: 'organization',
    constraint: 'notification_organization_id_fkey',
    onDelete: 'CASCADE',
  },
  {
    child: 'notification',
    column: 'person_id',
    parent: 'person',
    constraint: 'notification_person_id_fkey',
    onDelete: 'CASCADE',
  },
  {
    child: 'request_risk_warning',
    column: 'organization_id',
    parent: 'organization',
    constraint: 'request_risk_warning_organization_id_fkey',
    onDelete: 'CASCADE',
  },
  {
    child: 'request_risk_warning',
    column: 'request_id',
    parent: 'service_request',
    constraint: 'request_risk_warning_request_id_fkey',
    onDelete: 'CASCADE',
  },
];

const CHILDREN = [...new Set(REFS.map((r) => r.child))];
const PARENTS = [...new Set(REFS.map((r) => r.parent))];

export class RiskWarnings1796550000000 implements MigrationInterface {
  name = 'RiskWarnings1796550000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`
      CREATE TABLE "request_risk_warning" (
        "request_id" uuid NOT NULL,
        "kind" text NOT NULL CHECK ("kind" IN ('first_response', 'resolution')),
        "organization_id" uuid NOT NULL,
        "warned_at" timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY ("request_id", "kind")
      )`);
    await q.query(
      `INSERT INTO "request_risk_warning" (request_id, kind, organization_id, warned_at)
       SELECT id, 'first_response', organization_id, updated_at FROM service_request WHERE first_response_risk_notified
       UNION ALL
       SELECT id, 'resolution', organization_id, updated_at FROM service_request WHERE resolution_risk_notified`,
    );
    await q.query(`ALTER TABLE "service_request" DROP COLUMN "first_response_risk_notified"`);
    await q.query(`ALTER TABLE "service_request" DROP COLUMN "resolution_risk_notified"`);

    for (const r of REFS)
      if (r.child !== 'request_risk_warning')
        await q.query(`ALTER TABLE "${r.child}" DROP CONSTRAINT "${r.constraint}"`);

    // Child side: the references of the statement's new rows exist (and are locked).
    for (const child of CHILDREN) {
      const checks = REFS.filter((r) => r.child === child)
        .map(
          (r) => `
        IF EXISTS (
          WITH refs AS (SELECT DISTINCT "${r.column}" AS id FROM new_rows WHERE "${r.column}" IS NOT NULL),
               found AS (SELECT p.id FROM "${r.parent}" p JOIN refs ON p.id = refs.id FOR KEY SHARE OF p)
          SELECT 1 WHERE (SELECT count(*) FROM refs) <> (SELECT count(*) FROM found)) THEN
          RAISE EXCEPTION 'insert or update on table "${child}" violates foreign key constraint "${r.constraint}"'
            USING ERRCODE = 'foreign_key_violation', CONSTRAINT = '${r.constraint}', TABLE = '${child}',
                  DETAIL = 'A ${r.column} of the rows is not present in table "${r.parent}".';
        END IF;`,
        )
        .join('');
      await q.query(`
        CREATE FUNCTION ${child}_refs_exist() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN${checks}
          RETURN NULL;
        END $$`);
      for (const op of ['INSERT', 'UPDATE'])
        await q.query(
          `CREATE TRIGGER "${child}_refs_${op.toLowerCase()}" AFTER ${op} ON "${child}"
           REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION ${child}_refs_exist()`,
        );
    }

    // Parent side: deleting referenced rows cascades (or clears), per statement.
    for (const r of REFS) {
      const fn = `${r.child}_${r.column}_parent_deleted`;
      const action =
        r.onDelete === 'CASCADE'
          ? `DELETE FROM "${r.child}" c USING old_rows o WHERE c."${r.column}" = o.id`
          : `UPDATE "${r.child}" c SET "${r.column}" = NULL FROM old_rows o WHERE c."${r.column}" = o.id`;
      await q.query(`
        CREATE FUNCTION ${fn}() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          ${action};
          RETURN NULL;
        END $$`);
      await q.query(
        `CREATE TRIGGER "${fn}" AFTER DELETE ON "${r.parent}"
         REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION ${fn}()`,
      );
    }

    // Emptying a referenced table (TRUNCATE … CASCADE, as tests reset a database) empties or clears
    // the references to it, as TRUNCATE … CASCADE did through the foreign keys.
    for (const parent of PARENTS) {
      const actions = REFS.filter((r) => r.parent === parent)
        .map((r) =>
          r.onDelete === 'CASCADE'
            ? `DELETE FROM "${r.child}";`
            : `UPDATE "${r.child}" SET "${r.column}" = NULL WHERE "${r.column}" IS NOT NULL;`,
        )
        .join('\n          ');
      await q.query(`
        CREATE FUNCTION ${parent}_risk_refs_truncated() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
          ${actions}
          RETURN NULL;
        END $$`);
      await q.query(
        `CREATE TRIGGER "${parent}_risk_refs_truncated" AFTER TRUNCATE ON "${parent}"
         FOR EACH STATEMENT EXECUTE FUNCTION ${parent}_risk_refs_truncated()`,
      );
    }

    // A referenced id does not change (the former keys' ON UPDATE NO ACTION).
    for (const parent of PARENTS) {
      const refs = REFS.filter((r) => r.parent === parent);
      const checks = refs
        .map(
          (r) => `
          IF EXISTS (SELECT 1 FROM "${r.child}" WHERE "${r.column}" = OLD.id) THEN
            RAISE EXCEPTION 'update on table "${parent}" violates foreign key constraint "${r.constraint}" on table "${r.child}"'
              USING ERRCODE = 'foreign_key_violation', CONSTRAINT = '${r.constraint}', TABLE = '${r.child}';
          END IF;`,
        )
        .join('');
      await q.query(`
        CREATE FUNCTION ${parent}_risk_refs_key_kept() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN${checks}
          RETURN NULL;
        END $$`);
      await q.query(
        `CREATE TRIGGER "${parent}_risk_refs_key_kept" AFTER UPDATE OF "id" ON "${parent}"
         FOR EACH ROW WHEN (OLD.id IS DISTINCT FROM NEW.id) EXECUTE FUNCTION ${parent}_risk_refs_key_kept()`,
      );
    }
  }

  public async down(q: QueryRunner): Promise<void> {
    for (const parent of PARENTS) {
      for (const what of ['key_kept', 'truncated']) {
        await q.query(`DROP TRIGGER "${parent}_risk_refs_${what}" ON "${parent}"`);
        await q.query(`DROP FUNCTION ${parent}_risk_refs_${what}()`);
      }
    }
    for (const r of REFS) {
      const fn = `${r.child}_${r.column}_parent_deleted`;
      await q.query(`DROP TRIGGER "${fn}" ON "${r.parent}"`);
      await q.query(`DROP FUNCTION ${fn}()`);
    }
    for (const child of CHILDREN) {
      for (const op of ['insert', 'update'])
        await q.query(`DROP TRIGGER "${child}_refs_${op}" ON "${child}"`);
      await q.query(`DROP FUNCTION ${child}_refs_exist()`);
    }
    for (const r of REFS)
      if (r.child !== 'request_risk_warning')
        await q.query(
          `ALTER TABLE "${r.child}" ADD CONSTRAINT "${r.constraint}" FOREIGN KEY ("${r.column}") REFERENCES "${r.parent}" ("id") ON DELETE ${r.onDelete}`,
        );
    await q.query(
      `ALTER TABLE "service_request" ADD COLUMN "first_response_risk_notified" boolean NOT NULL DEFAULT false`,
    );
    await q.query(
      `ALTER TABLE "service_request" ADD COLUMN "resolution_risk_notified" boolean NOT NULL DEFAULT false`,
    );
    await q.query(
      `UPDATE service_request r SET
         first_response_risk_notified = EXISTS (SELECT 1 FROM request_risk_warning w WHERE w.request_id = r.id AND w.kind = 'first_response'),
         resolution_risk_notified = EXISTS (SELECT 1 FROM request_risk_warning w WHERE w.request_id = r.id AND w.kind = 'resolution')`,
    );
    await q.query(`DROP TABLE "request_risk_warning"`);
  }
}
