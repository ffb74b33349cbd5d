import type { DataSource, EntityManager } from 'typeorm';
import type { Viewer } from './viewer';

/**
 * The teams a manager answers for: those managed by the viewer or by anyone in their reporting
 * line, with all their sub-teams. Empty for someone who manages nobody.
 */
export async function lineTeams(
  db: DataSource | EntityManager,
  viewer: Pick<Viewer, 'personId' | 'organizationId'>,
): Promise<{ id: string; name: string }[]> {
  return db.query(
    `WITH RECURSIVE line AS (
       SELECT id FROM person WHERE manager_id = $1 AND organization_id = $2
       UNION SELECT p.id FROM person p JOIN line l ON p.manager_id = l.id WHERE p.organization_id = $2
     ), roots AS (
       SELECT id FROM team WHERE organization_id = $2 AND (manager_id = $1 OR manager_id IN (SELECT id FROM line))
     ), sub AS (
       SELECT id FROM roots UNION SELECT t.id FROM team t JOIN sub ON t.parent_id = sub.id
     ) SELECT t.id, t.name FROM team t JOIN sub USING (id) ORDER BY t.name, t.id`,
    [viewer.personId, viewer.organizationId],
  );
}
