import { badInput } from './errors.js';

/**
 * Ids in the graph are `<kind>:<number>` (e.g. `commune:12`). The prefix keeps ids unique across every
 * `Territory` implementation and lets another subgraph tell a level from a bare `Territory { id }` reference.
 */
export function toGlobalId(kind: string, key: number | string): string {
  return `${kind}:${key}`;
}

/** Splits an id of the expected kind into its numeric key; anything else is a BAD_USER_INPUT naming the argument. */
export function parseGlobalId(id: string, kind: string, argument = 'id'): number {
  const key = tryParseGlobalId(id, kind);
  if (key === undefined) {
    throw badInput(`${argument} "${id}" is not a ${kind} id (expected "${kind}:<number>")`, { argument });
  }
  return key;
}

/** Like parseGlobalId, but answers undefined instead of throwing (for lookups that just find nothing). */
export function tryParseGlobalId(id: string, kind: string): number | undefined {
  const prefix = `${kind}:`;
  if (!id.startsWith(prefix)) return undefined;
  const rest = id.slice(prefix.length);
  if (!/^[1-9][0-9]{0,15}$/.test(rest)) return undefined;
  const key = Number(rest);
  return Number.isSafeInteger(key) ? key : undefined;
}

/** The kind prefix of an id, or undefined when it has none. */
export function kindOfGlobalId(id: string): string | undefined {
  const at = id.indexOf(':');
  return at > 0 ? id.slice(0, at) : undefined;
}
