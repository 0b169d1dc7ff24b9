import { sampleTerritory } from '@comuna/sample-data';
import { testDatabases } from '@comuna/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { budgetPlan } from '../subgraphs/budget/src/seed/plan.js';
import { defaultGovernanceRules } from '../subgraphs/governance/src/rules/config.js';
import { buildGovernanceSample } from '../subgraphs/governance/src/seed/build.js';
import { sampleProduction } from '../subgraphs/production/src/seed/build.js';
import { gateway, service, type Gateway, type Service } from './harness.js';

// Every expected figure below is recomputed in plain TypeScript from the seed plans, never from SQL.
const territory = sampleTerritory();
const governance = buildGovernanceSample(defaultGovernanceRules);
const production = sampleProduction();
const budget = budgetPlan();
const today = new Date().toISOString().slice(0, 10);

function communeBodies(communeId: number): Set<string> {
  return new Set([
    `commune:${communeId}`,
    ...territory.councils.filter((c) => c.communeId === communeId).map((c) => `council:${c.id}`),
    ...territory.circuits.filter((c) => c.communeId === communeId).map((c) => `circuit:${c.id}`),
  ]);
}
/** A circuit's scope: itself and its councils. */
const circuitBodies = (circuitId: number) => new Set([`circuit:${circuitId}`, ...territory.councils.filter((c) => c.circuitId === circuitId).map((c) => `council:${c.id}`)]);
/** A communal city's scope: its communes with their councils and circuits. */
const cityBodies = (cityId: number) => new Set(territory.communes.filter((c) => c.communalCityId === cityId).flatMap((c) => [...communeBodies(c.id)]));
const statusOf = (c: (typeof territory.communes)[number]) => c.history.at(-1)!.status;
const registeredOn = (c: (typeof territory.communes)[number]) => c.history.find((h) => h.status === 'REGISTERED')?.effectiveOn ?? null;
const max = (dates: string[]) => (dates.length ? dates.reduce((a, b) => (a > b ? a : b)) : null);

function facts(bodies: Set<string>) {
  const latestRound = budget.rounds.filter((r) => r.heldOn <= today).sort((a, b) => (a.heldOn < b.heldOn ? 1 : a.heldOn > b.heldOn ? -1 : b.id - a.id))[0];
  const tallies = budget.tallies.filter((t) => t.roundId === latestRound?.id && bodies.has(t.circuitId));
  const projectBodies = new Map(budget.projects.map((p) => [p.id, p.bodyId]));
  const proposals = budget.proposals.filter((p) => p.roundId === latestRound?.id && bodies.has(projectBodies.get(p.projectId)!));
  return {
    lastQuorateAssemblyOn: max(governance.assemblies.filter((a) => a.quorate && bodies.has(a.bodyId)).map((a) => a.heldOn)),
    lastReportedMonth: (() => {
      const units = new Set(production.units.filter((u) => bodies.has(u.ownerId)).map((u) => u.id));
      const month = max(production.reports.filter((r) => units.has(r.unitId)).map((r) => r.month));
      return month ? `${month}-01` : null;
    })(),
    lastLedgerEntryOn: max(budget.entries.filter((e) => bodies.has(e.bodyId)).map((e) => e.paidOn)),
    latestConsultation: latestRound ? { heldOn: latestRound.heldOn, participated: tallies.some((t) => t.ballotsCast > 0) || proposals.length > 0 } : null,
  };
}

/**
 * Whether the bodies were active at the end of a past quarter, restated from the seed: the window is the
 * `months` whole calendar months ending with the quarter's last month; the consultation is the last held by then.
 */
function activeAtQuarterEnd(bodies: Set<string>, quarter: string, months: number, minimum: number): boolean {
  const year = Number(quarter.slice(0, 4));
  const lastMonth = Number(quarter.slice(6)) * 3;
  const end = `${year}-${String(lastMonth).padStart(2, '0')}-31`;
  const first = year * 12 + lastMonth - months;
  const start = `${Math.floor(first / 12)}-${String((first % 12) + 1).padStart(2, '0')}-01`;
  const within = (d: string) => d >= start && d <= end;
  const units = new Set(production.units.filter((u) => bodies.has(u.ownerId)).map((u) => u.id));
  const round = budget.rounds.filter((r) => r.heldOn <= end).sort((a, b) => (a.heldOn < b.heldOn ? 1 : a.heldOn > b.heldOn ? -1 : b.id - a.id))[0];
  const projectBodies = new Map(budget.projects.map((p) => [p.id, p.bodyId]));
  const holds = [
    governance.assemblies.some((a) => a.quorate && bodies.has(a.bodyId) && within(a.heldOn)),
    production.reports.some((r) => units.has(r.unitId) && within(`${r.month}-01`)),
    budget.entries.some((e) => bodies.has(e.bodyId) && within(e.paidOn)),
    !!round && (budget.tallies.some((t) => t.roundId === round.id && bodies.has(t.circuitId) && t.ballotsCast > 0) || budget.proposals.some((p) => p.roundId === round.id && bodies.has(projectBodies.get(p.projectId)!))),
  ];
  return holds.filter(Boolean).length >= minimum;
}

function windowStart(months: number): string {
  const [y, m, d] = today.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The rule, restated independently: which of the four criteria hold over the window, and the verdict. */
function expectedActivity(f: ReturnType<typeof facts>, months: number, minimum: number) {
  const start = windowStart(months);
  const holds = {
    QUORATE_ASSEMBLY: !!f.lastQuorateAssemblyOn && f.lastQuorateAssemblyOn >= start,
    PRODUCTION_REPORTED: !!f.lastReportedMonth && f.lastReportedMonth >= `${start.slice(0, 7)}-01`,
    CONSULTATION_PARTICIPATION: !!f.latestConsultation?.participated,
    LEDGER_ENTRY: !!f.lastLedgerEntryOn && f.lastLedgerEntryOn >= start,
  };
  return { holds, active: Object.values(holds).filter(Boolean).length >= minimum };
}

const ACTIVITY = `query($id: ID!, $rule: ActivityRuleInput) { commune(id: $id) {
  lastQuorateAssemblyOn lastReportedMonth lastLedgerEntryOn latestConsultation { heldOn participated }
  activity(rule: $rule) { active met explanation rule { windowMonths windowStart asOf minimum criteria } criteria { criterion lastOn holds explanation } } } }`;

const DASHBOARD = `query($rule: ActivityRuleInput) { nation { registryDashboard(rule: $rule) {
  total registered active registeredInactive paperOnly activeCommuneIds byStatus { key count } quarters { period newlyRegistered newlyInactive activeByRuleAtEnd newlyInactiveByRule } } } }`;

describe.each(await testDatabases())('federated analytics through the gateway on $kind', (database) => {
  const services: Service[] = [];
  let gw: Gateway;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    // Every domain on the database under test, so each one's analytics SQL runs there.
    const dbs = await Promise.all(['territory', 'governance', 'production', 'budget'].map(async (name) => ({ name, db: await database.create() })));
    drop = async () => {
      for (const { db } of dbs) await db.drop();
    };
    for (const { name, db } of dbs) services.push(await service(name, { databaseUrl: database.kind === 'postgresql' ? db.url : undefined }));
    gw = await gateway(services);
  }, 120_000);
  afterAll(async () => {
    await gw?.stop();
    for (const s of services) await s.stop();
    await drop?.();
  });

  it('derives each commune\'s activity from the three domains, criterion by criterion, with the facts\' dates', async () => {
    for (const [months, minimum] of [[6, 2], [24, 2], [24, 4]] as const) {
      for (const commune of territory.communes) {
        const result = await gw.query(ACTIVITY, { id: `commune:${commune.id}`, rule: { windowMonths: months, minimum } });
        expect(result.errors).toBeUndefined();
        const got = result.data.commune;
        const want = facts(communeBodies(commune.id));
        expect({ q: got.lastQuorateAssemblyOn, r: got.lastReportedMonth, l: got.lastLedgerEntryOn, c: got.latestConsultation }).toEqual({
          q: want.lastQuorateAssemblyOn, r: want.lastReportedMonth, l: want.lastLedgerEntryOn, c: want.latestConsultation,
        });
        const expected = expectedActivity(want, months, minimum);
        expect(got.activity.rule).toMatchObject({ windowMonths: months, windowStart: windowStart(months), asOf: today, minimum });
        expect(Object.fromEntries(got.activity.criteria.map((c: { criterion: string; holds: boolean }) => [c.criterion, c.holds]))).toEqual(expected.holds);
        expect(got.activity.active).toBe(expected.active);
      }
    }
  });

  it('derives the activity of communal circuits and communal cities from their scopes\' facts', async () => {
    const query = `query($circuit: ID!, $city: ID!, $rule: ActivityRuleInput) {
      circuit: territory(id: $circuit) { ... on CommunalCircuit { activity(rule: $rule) { active met criteria { criterion lastOn holds } } } }
      city: territory(id: $city) { ... on CommunalCity { activity(rule: $rule) { active met criteria { criterion lastOn holds } } } } }`;
    const verdicts = new Set<boolean>();
    for (const [months, minimum] of [[6, 2], [24, 2], [24, 1]] as const) {
      for (let i = 0; i < Math.max(territory.circuits.length, territory.communalCities.length); i++) {
        const circuit = territory.circuits[i % territory.circuits.length]!;
        const city = territory.communalCities[i % territory.communalCities.length]!;
        const result = await gw.query(query, { circuit: `circuit:${circuit.id}`, city: `city:${city.id}`, rule: { windowMonths: months, minimum } });
        expect(result.errors).toBeUndefined();
        for (const [got, bodies, name] of [[result.data.circuit, circuitBodies(circuit.id), `circuit:${circuit.id}`], [result.data.city, cityBodies(city.id), `city:${city.id}`]] as const) {
          const want = facts(bodies);
          const expected = expectedActivity(want, months, minimum);
          const byCriterion = Object.fromEntries(got.activity.criteria.map((c: { criterion: string; holds: boolean; lastOn: string | null }) => [c.criterion, c]));
          expect(byCriterion.QUORATE_ASSEMBLY.lastOn, name).toBe(want.lastQuorateAssemblyOn);
          expect(byCriterion.PRODUCTION_REPORTED.lastOn, name).toBe(want.lastReportedMonth);
          expect(byCriterion.LEDGER_ENTRY.lastOn, name).toBe(want.lastLedgerEntryOn);
          expect(Object.fromEntries(Object.entries(byCriterion).map(([k, c]) => [k, (c as { holds: boolean }).holds])), name).toEqual(expected.holds);
          expect(got.activity.active, name).toBe(expected.active);
          verdicts.add(expected.active);
        }
      }
    }
    expect([...verdicts].sort()).toEqual([false, true]);
  });

  it('counts the nation\'s communes by status, registered against active by the rule, and per quarter', async () => {
    const mixed: number[] = [];
    let derivedInactive = 0;
    for (const [months, minimum] of [[6, 1], [6, 2], [24, 2], [24, 4]] as const) {
      const result = await gw.query(DASHBOARD, { rule: { windowMonths: months, minimum } });
      expect(result.errors).toBeUndefined();
      const got = result.data.nation.registryDashboard;
      const active = territory.communes.filter((c) => expectedActivity(facts(communeBodies(c.id)), months, minimum).active);
      expect(got.total).toBe(territory.communes.length);
      expect(got.active).toBe(active.length);
      expect(got.activeCommuneIds).toEqual(active.map((c) => c.id).sort((a, b) => a - b).map((id) => `commune:${id}`));
      expect(got.registeredInactive).toBe(territory.communes.filter((c) => registeredOn(c) && !active.includes(c)).length);
      expect(got.paperOnly).toBe(territory.communes.filter((c) => statusOf(c) === 'ACTIVE' && !active.includes(c)).length);
      if (got.active > 0 && got.active < got.total) mixed.push(got.active);
      const byStatus = Object.fromEntries(got.byStatus.map((s: { key: string; count: number }) => [s.key, s.count]));
      for (const status of ['IN_FORMATION', 'REGISTERED', 'ACTIVE', 'INACTIVE', 'DISSOLVED']) {
        expect(byStatus[status], status).toBe(territory.communes.filter((c) => statusOf(c) === status).length);
      }
      const quarterOf = (d: string) => `${d.slice(0, 4)}-Q${Math.floor((Number(d.slice(5, 7)) + 2) / 3)}`;
      for (const q of got.quarters) {
        expect(q.newlyRegistered, q.period).toBe(territory.communes.filter((c) => registeredOn(c) && quarterOf(registeredOn(c)!) === q.period).length);
        expect(q.newlyInactive, q.period).toBe(territory.communes.flatMap((c) => c.history).filter((h) => h.status === 'INACTIVE' && quarterOf(h.effectiveOn) === q.period).length);
      }
      expect(got.quarters.reduce((n: number, q: { newlyRegistered: number }) => n + q.newlyRegistered, 0)).toBe(territory.communes.filter((c) => registeredOn(c)).length);
      // Derived by the rule at each quarter's end (the current quarter as of today), not recorded by the registry.
      const current = quarterOf(today);
      const previous = (q: string) => (q.endsWith('Q1') ? `${Number(q.slice(0, 4)) - 1}-Q4` : `${q.slice(0, 6)}${Number(q.slice(6)) - 1}`);
      const activeAt = (q: string) =>
        territory.communes.filter((c) => (q === current ? expectedActivity(facts(communeBodies(c.id)), months, minimum).active : activeAtQuarterEnd(communeBodies(c.id), q, months, minimum)));
      for (const q of got.quarters) {
        const [now, before] = [activeAt(q.period), activeAt(previous(q.period))];
        expect(q.activeByRuleAtEnd, `${q.period} active`).toBe(now.length);
        expect(q.newlyInactiveByRule, `${q.period} newly inactive`).toBe(before.filter((c) => !now.includes(c)).length);
      }
      expect(got.quarters.at(-1).activeByRuleAtEnd).toBe(got.active);
      derivedInactive += got.quarters.reduce((n: number, q: { newlyInactiveByRule: number }) => n + q.newlyInactiveByRule, 0);
    }
    // The sample must tell active from inactive under some rule, or the comparison above proves little.
    expect(mixed.length).toBeGreaterThan(0);
    expect(derivedInactive).toBeGreaterThan(0);
  });

  it('counts every state\'s and communal city\'s communes in one query, each level from one representation per domain', async () => {
    const LEVELS = `query($rule: ActivityRuleInput) {
      states { id registryDashboard(rule: $rule) { total active activeCommuneIds quarters { period activeByRuleAtEnd } } }
      communalCities(first: 100) { edges { node { id registryDashboard(rule: $rule) { total active activeCommuneIds quarters { period activeByRuleAtEnd } } } } } }`;
    const quarterOf = (d: string) => `${d.slice(0, 4)}-Q${Math.floor((Number(d.slice(5, 7)) + 2) / 3)}`;
    let counted = 0;
    for (const [months, minimum] of [[6, 2], [24, 1]] as const) {
      const result = await gw.query(LEVELS, { rule: { windowMonths: months, minimum } });
      expect(result.errors).toBeUndefined();
      const levels: [string, (typeof territory.communes)[number][], any][] = [
        ...result.data.states.map((s: { id: string; registryDashboard: unknown }) => [s.id, territory.communes.filter((c) => `state:${c.seatStateId}` === s.id), s.registryDashboard]),
        ...result.data.communalCities.edges.map(({ node: c }: { node: { id: string; registryDashboard: unknown } }) => [c.id, territory.communes.filter((x) => `city:${x.communalCityId}` === c.id), c.registryDashboard]),
      ];
      expect(levels.filter(([id]) => id.startsWith('city:'))).toHaveLength(territory.communalCities.length);
      for (const [id, communes, got] of levels) {
        const active = communes.filter((c) => expectedActivity(facts(communeBodies(c.id)), months, minimum).active);
        expect(got.total, id).toBe(communes.length);
        expect(got.active, id).toBe(active.length);
        expect(got.activeCommuneIds, id).toEqual(active.map((c) => c.id).sort((a, b) => a - b).map((n) => `commune:${n}`));
        for (const q of got.quarters) {
          const atEnd = q.period === quarterOf(today) ? active.length : communes.filter((c) => activeAtQuarterEnd(communeBodies(c.id), q.period, months, minimum)).length;
          expect(q.activeByRuleAtEnd, `${id} ${q.period}`).toBe(atEnd);
        }
        counted += got.total;
      }
    }
    // Every commune is seated in one state and the cities hold some: the levels together counted them all, twice.
    expect(counted).toBeGreaterThan(2 * territory.communes.length);
  });

  it('keeps the dashboards\' plumbing out of the API: the scopes and facts texts cannot be asked for', async () => {
    for (const field of ['dashboardScopes', 'governanceDashboardFacts', 'productionDashboardFacts', 'budgetDashboardFacts']) {
      const result = await gw.query(`{ nation { ${field} } }`);
      expect(result.errors?.[0]?.extensions?.code, field).toBe('GRAPHQL_VALIDATION_FAILED');
      expect(result.data ?? null, field).toBeNull();
    }
  });

  it('gives money, votes and food per inhabitant, and their trends by quarter, against the sample recomputed', async () => {
    const commune = territory.communes[0]!;
    const bodies = communeBodies(commune.id);
    const population = territory.councils.filter((c) => c.communeId === commune.id).reduce((n, c) => n + c.population, 0);
    const period = { from: '2025-01-01', to: '2026-06-30' };
    const result = await gw.query(
      `query($id: ID!, $period: PeriodInput!) { commune(id: $id) { census { population }
        budgetPerInhabitant(period: $period, currency: "VES") { population received { amount } receivedPerInhabitant spentPerInhabitant ballotsCast eligibleVoters turnout }
        budgetTrend(period: $period, currency: "VES", bucket: QUARTER) { period received { amount } spent { amount } ballotsCast }
        governanceTrend(period: $period, bucket: QUARTER) { period assembliesHeld quorateAssemblies }
        foodTrend(period: $period, bucket: QUARTER) { period months foods { product { id } output { value } } } } }`,
      { id: `commune:${commune.id}`, period },
    );
    expect(result.errors).toBeUndefined();
    const got = result.data.commune;
    expect(got.census.population).toBe(population);
    const inPeriod = (d: string) => d >= period.from && d <= period.to;
    const received = budget.transfers.filter((t) => t.currency === 'VES' && bodies.has(t.bodyId) && inPeriod(t.transferredOn)).reduce((n, t) => n + t.amountMinor, 0n);
    const spent = budget.entries.filter((e) => e.currency === 'VES' && bodies.has(e.bodyId) && inPeriod(e.paidOn)).reduce((n, e) => n + e.amountMinor, 0n);
    const perHead = (minor: bigint) => (Number(minor) / 100 / population).toFixed(4);
    expect(got.budgetPerInhabitant.population).toBe(population);
    expect(got.budgetPerInhabitant.receivedPerInhabitant).toBe(perHead(received));
    expect(got.budgetPerInhabitant.spentPerInhabitant).toBe(perHead(spent));
    const quarterOf = (d: string) => `${d.slice(0, 4)}-Q${Math.floor((Number(d.slice(5, 7)) + 2) / 3)}`;
    const quarters = ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4', '2026-Q1', '2026-Q2'];
    expect(got.budgetTrend.map((p: { period: string }) => p.period)).toEqual(quarters);
    expect(got.governanceTrend.map((p: { period: string }) => p.period)).toEqual(quarters);
    const cents = (minor: bigint) => (Number(minor) / 100).toFixed(2);
    for (const point of got.budgetTrend) {
      expect(point.received.amount, point.period).toBe(cents(budget.transfers.filter((t) => t.currency === 'VES' && bodies.has(t.bodyId) && inPeriod(t.transferredOn) && quarterOf(t.transferredOn) === point.period).reduce((n, t) => n + t.amountMinor, 0n)));
      expect(point.spent.amount, point.period).toBe(cents(budget.entries.filter((e) => e.currency === 'VES' && bodies.has(e.bodyId) && inPeriod(e.paidOn) && quarterOf(e.paidOn) === point.period).reduce((n, e) => n + e.amountMinor, 0n)));
    }
    for (const point of got.governanceTrend) {
      const held = governance.assemblies.filter((a) => bodies.has(a.bodyId) && inPeriod(a.heldOn) && quarterOf(a.heldOn) === point.period);
      expect([point.assembliesHeld, point.quorateAssemblies], point.period).toEqual([held.length, held.filter((a) => a.quorate).length]);
    }
    const units = new Set(production.units.filter((u) => bodies.has(u.ownerId)).map((u) => u.id));
    for (const point of got.foodTrend) {
      expect(point.months).toBe(3);
      for (const food of point.foods) {
        const id = Number(food.product.id.split(':')[1]);
        const thousandths = production.reports.filter((r) => units.has(r.unitId) && r.productId === id && quarterOf(`${r.month}-01`) === point.period && `${r.month}-01` >= period.from && `${r.month}-01` <= period.to).reduce((n, r) => n + r.quantity, 0n);
        expect(Number(food.output.value), `${point.period} ${food.product.id}`).toBeCloseTo(Number(thousandths) / 1000, 3);
      }
    }
    expect(got.governanceTrend.some((p: { assembliesHeld: number }) => p.assembliesHeld > 0)).toBe(true);
  });

  it('refuses a rule that cannot hold, with the argument at fault', async () => {
    const result = await gw.query(ACTIVITY, { id: 'commune:1', rule: { criteria: ['LEDGER_ENTRY'], minimum: 2 } });
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors?.[0]?.message).toMatch(/rule.minimum must be 1 to the 1 criteria/);
  });
});
