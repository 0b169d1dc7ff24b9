import { replaceSqliteTriggers } from '@comuna/subgraph-kit';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { rebuildStatements } from './contributions.js';
import { sqliteTriggers } from './triggers.js';

/**
 * SQLite, on every start: the summary triggers as the code defines them today (dropped first: a trigger kept from an
 * older version would go on writing the old summaries), and the summaries themselves when a database that already
 * held facts has just gained an empty summary table, so no figure starts out missing.
 */
export async function installSqliteSummaries(em: SqlEntityManager): Promise<void> {
  await replaceSqliteTriggers(em, sqliteTriggers());
  const [row] = await em.execute(
    `select (select count(*) from (select 1 from production_report limit 1) as x) as reports,
            (select count(*) from (select 1 from production_unit limit 1) as x) as units,
            (select count(*) from (select 1 from production_state_units limit 1) as y) + (select count(*) from (select 1 from production_state_output limit 1) as z) as summaries,
            (select count(*) from (select 1 from production_body_months limit 1) as w) as body_months`,
  );
  const missing = (Number(row!.units) > 0 && Number(row!.summaries) === 0) || (Number(row!.reports) > 0 && Number(row!.body_months) === 0);
  if (missing) {
    await em.transactional(async (tx) => {
      for (const statement of rebuildStatements()) await tx.execute(statement);
    });
  }
}
