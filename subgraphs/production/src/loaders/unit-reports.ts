import DataLoader from 'dataloader';
import { keysetCondition, placeholders, toConnection, toInt, type Connection, type KeysetCursor } from '@comuna/subgraph-kit';
import type { SqlEntityManager } from '@mikro-orm/sql';
import type { ReportRow } from '../rows.js';
import { reportTable } from '../tables.js';

export interface UnitReportsArgs {
  first: string | null;
  last: string | null;
  limit: number;
  after: KeysetCursor | undefined;
}

/**
 * The reports connection of many units at once: a window function numbers each unit's reports newest first, so
 * one statement returns every unit's page and one more counts them, however many units the request lists.
 */
export function unitReportsLoader(em: SqlEntityManager, args: UnitReportsArgs): DataLoader<number, Connection<ReportRow>> {
  return new DataLoader<number, Connection<ReportRow>>(async (unitIds) => {
    const conditions = [`unit_id in (${placeholders(unitIds.length)})`];
    const params: unknown[] = [...unitIds];
    if (args.first !== null && args.last !== null) {
      conditions.push('month between ? and ?');
      params.push(args.first, args.last);
    }
    const counted = conditions.join(' and ');
    const countParams = [...params];
    if (args.after) {
      const keyset = keysetCondition('month', 'id', 'DESC', args.after);
      conditions.push(keyset.sql);
      params.push(...keyset.params);
    }
    const [rows, counts] = await Promise.all([
      args.limit === 0
        ? Promise.resolve([])
        : em.execute(
            `select * from (select ${reportTable.columns}, row_number() over (partition by unit_id order by month desc, id desc) as rn
             from production_report where ${conditions.join(' and ')}) x where rn <= ? order by "unitId", rn`,
            [...params, args.limit + 1],
          ),
      em.execute(`select unit_id as "unitId", count(*) as n from production_report where ${counted} group by unit_id`, countParams),
    ]);
    const totals = new Map(counts.map((c) => [toInt(c.unitId), toInt(c.n)]));
    const byUnit = new Map<number, ReportRow[]>();
    for (const raw of rows) {
      const row = reportTable.map(raw);
      byUnit.set(row.unitId, [...(byUnit.get(row.unitId) ?? []), row]);
    }
    return unitIds.map((id) => toConnection(byUnit.get(id) ?? [], args.limit, totals.get(id) ?? 0, (row) => row.month));
  });
}
