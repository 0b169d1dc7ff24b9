import type { SqlEntityManager } from '@mikro-orm/sql';
import { rebuildStatements } from './contributions.js';
import { sqliteTriggers } from './triggers.js';

/**
 * SQLite, on every start: the summary triggers, and the summaries themselves when a database that already held
 * facts has just gained the (empty) summary tables, so a state's figures never start out missing.
 */
export async function installSqliteSummaries(em: SqlEntityManager): Promise<void> {
  for (const statement of sqliteTriggers()) await em.execute(statement);
  const [row] = await em.execute(
    `select (select count(*) from (select 1 from production_unit limit 1) as x) as facts,
            (select count(*) from (select 1 from production_state_units limit 1) as y) + (select count(*) from (select 1 from production_state_output limit 1) as z) as summaries`,
  );
  if (Number(row!.facts) > 0 && Number(row!.summaries) === 0) {
    await em.transactional(async (tx) => {
      for (const statement of rebuildStatements()) await tx.execute(statement);
    });
  }
}
