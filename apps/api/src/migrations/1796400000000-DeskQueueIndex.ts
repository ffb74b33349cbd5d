import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The agent's queue index carries `organization_id` (an included column): the queue's total (the
 * open requests of a service, within the viewer's organisation) is then an index-only count of
 * the partial index instead of a visit of every open request's row. `organization_id` never
 * changes, so updates stay heap-only as before.
 */
export class DeskQueueIndex1796400000000 implements MigrationInterface {
  name = 'DeskQueueIndex1796400000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "idx_request_queue"`);
    await q.query(
      `CREATE INDEX "idx_request_queue" ON "service_request" ("support_service_id", "resolution_due_at", "id") INCLUDE ("organization_id") WHERE "state" NOT IN ('RESOLVED', 'CLOSED')`,
    );
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP INDEX "idx_request_queue"`);
    await q.query(
      `CREATE INDEX "idx_request_queue" ON "service_request" ("support_service_id", "resolution_due_at", "id") WHERE "state" NOT IN ('RESOLVED', 'CLOSED')`,
    );
  }
}
