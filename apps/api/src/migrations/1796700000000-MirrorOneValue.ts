import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * One value per team × metric × period in the mirror.
 *
 * `metric_value` keeps every source's figure (a CRM's, a CSV upload's, the platform's), keyed by
 * source. Every reader takes the one that wins from the view `metric_value_current`:
 * - the platform's own figure first (internal metrics have no other source: imports refuse them);
 * - then the figure most recently changed (`updated_at`: a re-sent, unchanged figure keeps its
 *   moment), so a correction sent by any source replaces the older figure;
 * - then the source's name, so a tie is settled the same way every time.
 * The view keeps the source, which the mirror shows beside each value. Filters on the DISTINCT ON
 * columns (organisation, kind, period, team, metric) are pushed into the view by the planner.
 */
export class MirrorOneValue1796700000000 implements MigrationInterface {
  name = 'MirrorOneValue1796700000000';

  public async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE VIEW "metric_value_current" AS
      SELECT DISTINCT ON (organization_id, period_kind, period_start, team_id, metric_id)
             organization_id, metric_id, team_id, period_kind, period_start, value, sample_size, source, updated_at
        FROM metric_value
       ORDER BY organization_id, period_kind, period_start, team_id, metric_id,
                (source = 'platform') DESC, updated_at DESC, source`);
  }

  public async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP VIEW "metric_value_current"`);
  }
}
