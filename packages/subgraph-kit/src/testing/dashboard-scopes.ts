import { decodeDashboardFacts, decodeIndexesAt, decodeMonths, encodeDashboardScopes, scopesDigest } from '../dashboard-facts.js';

interface Member {
  id: number;
  communeId: number | null;
}

/**
 * A level's communes' scopes text as territory must send it, rebuilt from plain lists (tests build it from the
 * sample, independently of territory's SQL): communes by id, each with its councils and circuits by id.
 */
export function dashboardScopesOf(communes: readonly { id: number }[], councils: readonly Member[], circuits: readonly Member[]): string {
  const members = (list: readonly Member[], commune: number) => list.filter((x) => x.communeId === commune).map((x) => x.id).sort((a, b) => a - b);
  return encodeDashboardScopes(
    [...communes].sort((a, b) => a.id - b.id).map((c) => ({ commune: c.id, councils: members(councils, c.id), circuits: members(circuits, c.id) })),
  );
}

/** A domain's facts text read back per commune: its last date, its months (first days) and, for budget, rounds taken part in. */
export function readDashboardFacts(text: string, scopes: string): Map<number, { last: string | null; months: string[]; rounds: { heldOn: string; participated: boolean }[] }> {
  const facts = decodeDashboardFacts(text, 'the domain', scopesDigest(scopes));
  const out = new Map<number, { last: string | null; months: string[]; rounds: { heldOn: string; participated: boolean }[] }>();
  for (const c of JSON.parse(scopes) as [number][]) {
    const [last = null, months = '0', rounds = '0'] = facts.communes[c[0]] ?? [];
    out.set(c[0], { last, months: decodeMonths(months || '0', facts.from), rounds: decodeIndexesAt(rounds || '0', facts.rounds ?? []) });
  }
  return out;
}

/** The dashboard levels a domain test sends (the nation, then every communal city) as `Territory` representations with their scopes. */
export function dashboardLevels(territory: {
  communes: readonly { id: number; communalCityId: number | null }[];
  councils: readonly Member[];
  circuits: readonly Member[];
  communalCities: readonly { id: number }[];
}): { __typename: 'Territory'; id: string; dashboardScopes: string }[] {
  const scopesOf = (communes: readonly { id: number }[]) => dashboardScopesOf(communes, territory.councils, territory.circuits);
  return [
    { __typename: 'Territory', id: 'nation:ve', dashboardScopes: scopesOf(territory.communes) },
    ...territory.communalCities.map((c) => ({ __typename: 'Territory' as const, id: `city:${c.id}`, dashboardScopes: scopesOf(territory.communes.filter((x) => x.communalCityId === c.id)) })),
  ];
}
