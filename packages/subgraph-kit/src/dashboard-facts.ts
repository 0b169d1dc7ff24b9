import { createHash } from 'node:crypto';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { isPostgres } from './database.js';
import { badInput } from './errors.js';

/**
 * What travels between territory and the domains for a level's registry dashboard (ADR 0005, "Dashboards by
 * level"). The nation counts ~3,700 communes: as one representation per commune the scopes alone were 1.1 MB and
 * the facts back 5 MB, past the subgraphs' request limit. So the level travels as ONE representation per domain
 * carrying two compact texts, both inaccessible plumbing fields of the supergraph, never part of the public API:
 *
 * - the level's **scopes** (territory → domains): JSON `[[commune, [councils…], [circuits…]], …]` of numbers, in
 *   the dashboard's order (by commune id), each commune's scope being itself, its councils and its circuits;
 * - each domain's **facts** per commune (domain → territory): JSON `{ digest, from, rounds?, communes }`, where
 *   `communes` maps a commune's number to its facts: a last date (or null) and months as a bit set from `from`
 *   (bit i = the i-th month after `from`, in hexadecimal), so forty-eight months cost twelve characters.
 *
 * `digest` is the SHA-256 of the scopes text the domain read: territory recomputes the scopes when it builds the
 * dashboard and refuses facts about another list (a commune registered, or a council moved, in between).
 */
export interface CommuneScope {
  commune: number;
  councils: number[];
  circuits: number[];
}

/** The scopes text territory sends: `[[commune, [councils], [circuits]], …]`. */
export function encodeDashboardScopes(scopes: readonly CommuneScope[]): string {
  return JSON.stringify(scopes.map((s) => [s.commune, s.councils, s.circuits]));
}

const isIds = (v: unknown): v is number[] => Array.isArray(v) && v.every((n) => Number.isSafeInteger(n));

/** Parses a scopes text; anything else is refused, naming what is wrong. */
export function decodeDashboardScopes(text: string | null | undefined): CommuneScope[] {
  if (typeof text !== 'string') throw badInput('The dashboard came without its communes\' scopes; ask for it through the gateway');
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw badInput('The dashboard\'s communes\' scopes are not JSON');
  }
  if (!Array.isArray(raw) || !raw.every((e) => Array.isArray(e) && e.length === 3 && Number.isSafeInteger(e[0]) && isIds(e[1]) && isIds(e[2]))) {
    throw badInput('The dashboard\'s communes\' scopes must be [[commune, [councils], [circuits]], …] of numbers');
  }
  return (raw as [number, number[], number[]][]).map(([commune, councils, circuits]) => ({ commune, councils, circuits }));
}

/** The body ids (as the domains record them) of each commune's scope. */
export function communeScopeBodies(scope: CommuneScope): string[] {
  return [`commune:${scope.commune}`, ...scope.councils.map((n) => `council:${n}`), ...scope.circuits.map((n) => `circuit:${n}`)];
}

/** Names one scopes text: facts about another list are refused. */
export const scopesDigest = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 32);

/** A month `YYYY-MM` as a count of months since year 0. */
const monthIndex = (month: string) => Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1;
const monthOf = (index: number) => `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;

/** Months (`YYYY-MM…`, any order, repeats allowed) as a hexadecimal bit set counted from `from` (`YYYY-MM`). */
export function encodeMonths(months: Iterable<string>, from: string): string {
  const base = monthIndex(from);
  let bits = 0n;
  for (const m of months) {
    const offset = monthIndex(m) - base;
    if (offset < 0) throw new Error(`month ${m} is before the bit set's first month ${from}`);
    bits |= 1n << BigInt(offset);
  }
  return bits.toString(16);
}

/** A bit set back to months as first days (`YYYY-MM-01`), ascending. */
export function decodeMonths(hex: string, from: string): string[] {
  if (!/^[0-9a-f]+$/.test(hex)) throw badInput(`A month set must be hexadecimal; got ${JSON.stringify(hex.slice(0, 40))}`);
  const base = monthIndex(from);
  const months: string[] = [];
  let bits = BigInt(`0x${hex}`);
  for (let i = 0; bits > 0n; i++, bits >>= 1n) if (bits & 1n) months.push(`${monthOf(base + i)}-01`);
  return months;
}

/** Bits of a set of indexes (rounds), in hexadecimal. */
export function encodeIndexes(indexes: Iterable<number>): string {
  let bits = 0n;
  for (const i of indexes) bits |= 1n << BigInt(i);
  return bits.toString(16);
}

/** Whether index `i` is in a set encoded by encodeIndexes. */
export function hasIndex(hex: string, i: number): boolean {
  return ((BigInt(`0x${hex || '0'}`) >> BigInt(i)) & 1n) === 1n;
}

/** One domain's facts of a level's communes: `communes[n]` is [last date or null, month bit set, …more]. */
export interface DashboardFacts {
  digest: string;
  /** First month (`YYYY-MM`) of the month bit sets. */
  from: string;
  /** Budget only: the days of every popular consultation held, oldest first (the round bit sets count them). */
  rounds?: string[];
  communes: Record<string, (string | null)[]>;
}

/** A domain's facts text; communes without any fact are left out (territory reads them as having none). */
export function encodeDashboardFacts(facts: DashboardFacts): string {
  return JSON.stringify(facts);
}

/** Parses a domain's facts text and checks it answers the scopes territory has now. */
export function decodeDashboardFacts(text: string | null | undefined, domain: string, expectedDigest: string): DashboardFacts {
  if (typeof text !== 'string') throw badInput(`The dashboard came without ${domain}'s facts; ask for it through the gateway`);
  let facts: DashboardFacts;
  try {
    facts = JSON.parse(text) as DashboardFacts;
  } catch {
    throw badInput(`${domain}'s dashboard facts are not JSON`);
  }
  if (typeof facts?.digest !== 'string' || typeof facts.from !== 'string' || !/^\d{4}-\d{2}$/.test(facts.from) || typeof facts.communes !== 'object' || facts.communes === null) {
    throw badInput(`${domain}'s dashboard facts must be { digest, from: "YYYY-MM", communes }`);
  }
  // The scopes are recomputed for this step: a commune registered or a council moved since the domains read them
  // would pair facts with the wrong list.
  if (facts.digest !== expectedDigest) throw badInput('The registry changed while the dashboard was computed; ask again');
  return facts;
}

/** A dashboard level as a domain receives it: its key (the territory's id) and its scopes text. */
export interface LevelScopes {
  key: string;
  scopes: string;
}

/** The `(k, b)` pairs of a batch of levels: `k` is `<level>|<commune>`, `b` each body of that commune's scope. */
export function levelScopePairs(levels: readonly LevelScopes[]): [string, string][] {
  return levels.flatMap(({ key, scopes }) => decodeDashboardScopes(scopes).flatMap((s) => communeScopeBodies(s).map((b): [string, string] => [`${key}|${s.commune}`, b])));
}

/** One commune's month facts in a domain: the latest date, and the months that count. */
export interface CommuneMonths {
  last: string | null;
  months: string[];
}

/**
 * The distinct months (`YYYY-MM`) of a commune's rows as one comma-separated text, skipping nulls (so a CASE can
 * leave out months after today): one row per commune comes back instead of one per commune and month (~124,000
 * for the nation's production), which was most of the time spent handing rows to JavaScript.
 */
export function monthListSql(em: SqlEntityManager, month: string): string {
  return isPostgres(em) ? `string_agg(distinct ${month}, ',')` : `group_concat(distinct ${month})`;
}

/** Rows `{ k: '<level>|<commune>', months: 'YYYY-MM,…' | null, last }` (one per commune) as each level's communes' facts. */
export function communeMonthsByLevel(rows: readonly Record<string, unknown>[]): Map<string, Map<number, CommuneMonths>> {
  const out = new Map<string, Map<number, CommuneMonths>>();
  for (const row of rows) {
    const k = String(row.k);
    const bar = k.lastIndexOf('|');
    const [level, commune] = [k.slice(0, bar), Number(k.slice(bar + 1))];
    const communes = out.get(level) ?? new Map<number, CommuneMonths>();
    const months = row.months === null || row.months === undefined || row.months === '' ? [] : String(row.months).split(',');
    communes.set(commune, { last: row.last === null || row.last === undefined ? null : String(row.last), months });
    out.set(level, communes);
  }
  return out;
}

/**
 * A level's facts text from its communes' month facts; `more` adds budget's consultation rounds (their days, and
 * the indexes of the rounds each commune took part in). A commune with neither is left out.
 */
export function dashboardFactsText(scopes: string, communes: Map<number, CommuneMonths> | undefined, more?: { rounds: string[]; taken: Map<number, number[]> }): string {
  const all = [...(communes?.values() ?? [])].flatMap((c) => c.months);
  const from = all.length ? all.reduce((a, b) => (a < b ? a : b)) : new Date().toISOString().slice(0, 7);
  const out: DashboardFacts = { digest: scopesDigest(scopes), from, communes: {} };
  if (more) out.rounds = more.rounds;
  for (const id of new Set([...(communes?.keys() ?? []), ...(more?.taken.keys() ?? [])])) {
    const c = communes?.get(id);
    const row: (string | null)[] = [c?.last ?? null, encodeMonths(c?.months ?? [], from)];
    if (more) row.push(encodeIndexes(more.taken.get(id) ?? []));
    out.communes[id] = row;
  }
  return encodeDashboardFacts(out);
}

/**
 * A CTE `d(k, b)` of a batch of levels' pairs (levelScopePairs) passed as ONE JSON parameter, so a national batch
 * of ~40,000 bodies stays one statement with one bound parameter. MATERIALIZED: SQLite otherwise re-extracts the
 * JSON fields at every probe (the nation's production facts took 1.1 s instead of 0.7 s).
 */
export function levelScopeCte(em: SqlEntityManager, levels: readonly LevelScopes[]): { sql: string; params: unknown[] } {
  const json = JSON.stringify(levelScopePairs(levels));
  const sql = isPostgres(em)
    ? 'd as materialized (select x->>0 as k, x->>1 as b from jsonb_array_elements(cast(? as jsonb)) as x)'
    : "d as materialized (select json_extract(value, '$[0]') as k, json_extract(value, '$[1]') as b from json_each(?))";
  return { sql, params: [json] };
}

/** Rounds (their days) with whether each index is in a set encoded by encodeIndexes. */
export function decodeIndexesAt(hex: string, rounds: readonly string[]): { heldOn: string; participated: boolean }[] {
  return rounds.map((heldOn, i) => ({ heldOn, participated: hasIndex(hex, i) }));
}
