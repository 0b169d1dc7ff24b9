import { badInput, type Where } from '@comuna/subgraph-kit';

/** `column = id` for a body id filter, checked to be a commune or council id. */
export function bodyIdFilter(where: Where, column: string, id: string | null | undefined, argument: string): Where {
  if (id == null) return where;
  if (!/^(commune|council):[1-9][0-9]{0,15}$/.test(id)) {
    throw badInput(`${argument} "${id}" is not a commune or council id (expected "commune:<n>" or "council:<n>")`, { argument });
  }
  return where.add(`${column} = ?`, id);
}
