import { badInput, keysetPage, kindOfGlobalId, parseGlobalId, today, Where, type PageArgs, type RowTable, type SortDirection } from '@comuna/subgraph-kit';
import type { GovernanceContext } from '../context.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { activeOn } from '../loaders/index.js';

const page = <R extends { id: number }>(ctx: GovernanceContext, table: RowTable<R>, where: Where, args: PageArgs, expression: string, direction: SortDirection) =>
  keysetPage(ctx.em, table, where, args, { expression, direction });
import { assemblyTable, mandateTable, organTable, type Table } from '../tables.js';


/** Body ids as governance stores them: councils and communes only (the bodies that meet and elect). */
export function bodyIds(ids: readonly string[] | null | undefined, argument: string): string[] | null {
  if (!ids) return null;
  for (const id of ids) {
    const kind = kindOfGlobalId(id);
    if (kind !== 'council' && kind !== 'commune') throw badInput(`${argument} "${id}" is not a council or commune id (council:<n>, commune:<n>)`, { argument });
    parseGlobalId(id, kind, argument);
  }
  return [...ids];
}

/** The filtered, sorted connections of governance records. */
export const listResolvers: Resolvers['Query'] = {
  assemblies: (_root, { filter, first, after }, ctx) => {
    const where = new Where().oneOf('body_id', bodyIds(filter?.bodyIds, 'filter.bodyIds')).equals('kind', filter?.kind);
    if (filter?.period) {
      if (filter.period.from > filter.period.to) throw badInput('filter.period.from is after filter.period.to', { argument: 'filter.period' });
      where.add('held_on between ? and ?', filter.period.from, filter.period.to);
    }
    if (filter?.quorate != null) where.add(filter.quorate ? 'quorate = true' : 'quorate = false');
    return page(ctx, assemblyTable, where, { first, after }, 'held_on', 'DESC');
  },
  organs: (_root, { filter, first, after }, ctx) => {
    const where = new Where().oneOf('body_id', bodyIds(filter?.bodyIds, 'filter.bodyIds')).oneOf('kind', filter?.kinds);
    return page(ctx, organTable, where, { first, after }, "body_id || '/' || name", 'ASC');
  },
  mandates: (_root, { filter, first, after }, ctx) => {
    const where = new Where();
    const bodies = bodyIds(filter?.bodyIds, 'filter.bodyIds');
    if (bodies?.length) where.add(`organ_id in (select id from organ where body_id in (${bodies.map(() => '?').join(', ')}))`, ...bodies);
    if (filter?.organId != null) where.add('organ_id = ?', parseGlobalId(filter.organId, 'organ', 'filter.organId'));
    const day = today();
    if (filter?.status === 'ACTIVE') where.add(activeOn('mandate'), day, day, day);
    if (filter?.status === 'REVOKED') where.add('revoked_on is not null and revoked_on <= ?', day);
    if (filter?.status === 'EXPIRED') where.add('term_ends_on < ? and (revoked_on is null or revoked_on > ?)', day, day);
    return page(ctx, mandateTable, where, { first, after }, 'start_on', 'DESC');
  },
};
