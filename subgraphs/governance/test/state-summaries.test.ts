import { testDatabases } from '@comuna/subgraph-kit/testing';
import { sampleTerritory } from '@comuna/sample-data';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleBodyStates } from '../src/seed/sample.js';
import { rebuildStatements, SUMMARIES } from '../src/summaries/contributions.js';
import { startGovernance, startTerritoryProcess, type GovernanceHarness, type TerritoryProcess } from './harness.js';

const territory = sampleTerritory();
const BODY_STATES = sampleBodyStates();
const STATES = [...new Set(BODY_STATES.map((b) => b.stateId))].sort();
const council = territory.councils.find((c) => c.id === 12)!;

const FIGURES = `query($representations: [_Any!]!, $period: PeriodInput!) { _entities(representations: $representations) {
  ... on Territory { id governance(period: $period) { from to assembliesHeld quorateAssemblies quorumRate averageAttendance attendanceRate lastAssemblyOn decisionsAdopted decisionsVoid activeMandates recalls } }
} }`;
const PERIODS = [
  { from: '2025-01-01', to: '2025-12-31' },
  { from: '2024-01-01', to: '2026-12-31' },
  { from: '2025-03-15', to: '2025-03-15' },
  { from: '2026-05-01', to: '2026-10-31' },
];

/** A state's scope as territory lists it (its councils and communes), without its id: the listed-ids path. */
function listed(state: string, map = BODY_STATES) {
  const of = (kind: string) => map.filter((b) => b.stateId === state && b.bodyId.startsWith(`${kind}:`)).map((b) => b.bodyId);
  return { everything: false, councilIds: of('council'), communeIds: of('commune'), circuitIds: [] };
}
const summarised = (state: string) => ({ everything: false, councilIds: [], communeIds: [], circuitIds: [], stateId: state });
const rep = (id: string, scope: object) => ({ __typename: 'Territory', id, scope });
const nation = rep('nation:ve', { everything: true, councilIds: [], communeIds: [], circuitIds: [] });
const everyBody = rep('nation:listed', { everything: false, councilIds: BODY_STATES.filter((b) => b.bodyId.startsWith('council:')).map((b) => b.bodyId), communeIds: BODY_STATES.filter((b) => b.bodyId.startsWith('commune:')).map((b) => b.bodyId), circuitIds: [] });

describe.each(await testDatabases())('governance state summaries on $kind', (database) => {
  let t: TerritoryProcess;
  let g: GovernanceHarness;
  beforeAll(async () => {
    t = await startTerritoryProcess();
    g = await startGovernance(database, { territoryUrl: t.url });
  });
  afterAll(async () => {
    await g?.close();
    await t?.stop();
  });

  async function figures(reps: object[], period: { from: string; to: string }) {
    const result = await g.run(FIGURES, { representations: reps, period });
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    return result.data!._entities.map((e: any) => e.governance);
  }
  const sql = (query: string, params: unknown[] = []) => g.subgraph.orm.em.fork().getConnection().execute(query, params);
  /** Every summary row that holds something (rows emptied by later writes stay behind as zeros). */
  async function summaryRows() {
    const out: Record<string, string[]> = {};
    for (const { table, keys } of SUMMARIES) {
      const rows = await sql(`select * from ${table}`);
      out[table] = rows
        .filter((r: Record<string, unknown>) => Object.entries(r).some(([k, v]) => k !== 'state_id' && !keys.includes(k) && Number(v) !== 0))
        .map((r: Record<string, unknown>) => JSON.stringify(Object.fromEntries(Object.entries(r).map(([k, v]) => [k, String(v)]).sort())))
        .sort();
    }
    return out;
  }
  async function expectSummariesMatchRebuild() {
    const kept = await summaryRows();
    const em = g.subgraph.orm.em.fork();
    await em.transactional(async (tx) => {
      for (const statement of rebuildStatements(database.kind)) await tx.getConnection().execute(statement, [], 'run', tx.getTransactionContext());
    });
    expect(await summaryRows()).toEqual(kept);
  }
  async function expectStatesAgree(map = BODY_STATES) {
    for (const period of PERIODS) {
      const bySummary = await figures([...STATES.map((s) => rep(s, summarised(s))), nation], period);
      const byList = await figures([...STATES.map((s) => rep(s, listed(s, map))), everyBody], period);
      expect(bySummary).toEqual(byList);
    }
  }

  it('answers every state and the nation from the summaries as from their listed bodies', async () => {
    expect(STATES.length).toBeGreaterThan(1);
    const [whole] = await figures([nation], PERIODS[1]!);
    expect(whole.assembliesHeld).toBeGreaterThan(0);
    expect(whole.activeMandates).toBeGreaterThan(0);
    await expectStatesAgree();
    // While territory still fills a state's lists, the state id wins: same answers.
    const both = await figures(STATES.map((s) => rep(s, { ...listed(s), stateId: s })), PERIODS[0]!);
    expect(both).toEqual(await figures(STATES.map((s) => rep(s, listed(s))), PERIODS[0]!));
  });

  it("answers a state's analytics facts and trend from the bodies body_state files under it, as from its lists", async () => {
    const ANALYTICS = `query($representations: [_Any!]!) { _entities(representations: $representations) { ... on Territory { id lastQuorateAssemblyOn quorateAssemblyMonths
      governanceTrend(period: { from: "2024-01-01", to: "2026-06-30" }, bucket: QUARTER) { period assembliesHeld quorateAssemblies quorumRate } } } }`;
    const ask = async (reps: object[]) => {
      const result = await g.run(ANALYTICS, { representations: reps });
      expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
      return result.data!._entities.map(({ id: _id, ...rest }: any) => rest);
    };
    const bySummary = await ask(STATES.map((s) => rep(s, summarised(s))));
    expect(bySummary).toEqual(await ask(STATES.map((s) => rep(s, listed(s)))));
    expect(bySummary.some((f: any) => f.quorateAssemblyMonths.length > 0)).toBe(true);
  });

  it('answers all the states in as many statements as one', async () => {
    const count = async (reps: object[]) => {
      g.statements.reset();
      await figures(reps, PERIODS[0]!);
      return g.statements.count;
    };
    const one = await count([rep(STATES[0]!, summarised(STATES[0]!))]);
    // The state is answered from its summaries, not from its bodies' facts.
    expect(g.statements.statements.filter((s) => /governance_state_(assemblies|decisions|mandates|recalls)/.test(s))).toHaveLength(4);
    expect(await count([...STATES.map((s) => rep(s, summarised(s))), nation, rep('council:12', { everything: false, councilIds: ['council:12'], communeIds: [], circuitIds: [] })])).toBe(one);
  });

  it('moves a state and the nation with each write, in its transaction; a refused or rolled-back write moves nothing', async () => {
    const state = BODY_STATES.find((b) => b.bodyId === `council:${council.id}`)!.stateId;
    const other = STATES.find((s) => s !== state)!;
    const period = { from: '2026-06-01', to: '2026-06-30' };
    const read = () => figures([rep(state, summarised(state)), rep(other, summarised(other)), nation], period);
    const before = await read();
    const input = { bodyId: `council:${council.id}`, heldOn: '2026-06-11', attendance: council.families, agenda: ['Balance del semestre'], decisions: [{ text: 'Aprobar el balance', votesFor: 30, votesAgainst: 2, votesAbstaining: 1 }] };
    const recorded = await g.run('mutation($input: RecordAssemblyInput!) { recordAssembly(input: $input) { id } }', { input });
    expect(recorded.errors).toBeUndefined();
    const after = await read();
    for (const i of [0, 2]) expect({ held: after[i].assembliesHeld, adopted: after[i].decisionsAdopted }).toEqual({ held: before[i].assembliesHeld + 1, adopted: before[i].decisionsAdopted + 1 });
    expect(after[1]).toEqual(before[1]);

    const snapshot = await g.snapshot();
    const refused = await g.run('mutation($input: RecordAssemblyInput!) { recordAssembly(input: $input) { id } }', { input: { ...input, heldOn: '2026-06-12', attendance: council.families + 1 } });
    expect(refused.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(await g.snapshot()).toBe(snapshot);
    const em = g.subgraph.orm.em.fork();
    await expect(
      em.transactional(async (tx) => {
        await tx.getConnection().execute(
          `insert into assembly (body_id, kind, held_on, attendance, quorum_rule, body_size, body_size_source, quorum_required, quorate, agenda, synthetic_fields, sources)
           values (?, 'CITIZENS_ASSEMBLY', '2026-06-13', 5, 'SHARE_OF_FAMILIES', 50, 'test', 5, ?, '[]', '[]', '[]')`,
          [`council:${council.id}`, database.kind === 'sqlite' ? 1 : true], 'run', tx.getTransactionContext(),
        );
        throw new Error('abort after the insert');
      }),
    ).rejects.toThrow('abort after the insert');
    expect(await g.snapshot()).toBe(snapshot);
    await expectSummariesMatchRebuild();
  });

  it('counts a mandate out of force from its revocation, and moves the facts of a body whose state changes or is first known', async () => {
    const mandate = (await sql(`select m.id, m.start_on as "startOn" from mandate m join organ o on o.id = m.organ_id where o.body_id = ? and m.revoked_on is null order by m.id limit 1`, [`council:${council.id}`]))[0]!;
    await sql('update mandate set revoked_on = ? where id = ?', ['2025-06-30', mandate.id]);
    await expectStatesAgree();

    const from = BODY_STATES.find((b) => b.bodyId === `council:${council.id}`)!.stateId;
    const to = STATES.find((s) => s !== from)!;
    await sql('update body_state set state_id = ? where body_id = ?', [to, `council:${council.id}`]);
    await expectStatesAgree(BODY_STATES.map((b) => (b.bodyId === `council:${council.id}` ? { ...b, stateId: to } : b)));
    await expectSummariesMatchRebuild();

    // A body with facts but no state yet (recorded before states were kept) counts for the nation only, until the
    // next write naming it asks territory for its state: then its facts move there.
    await sql('delete from body_state where body_id = ?', [`council:${council.id}`]);
    const em = g.subgraph.orm.em.fork();
    await em.transactional(async (tx) => {
      for (const statement of rebuildStatements(database.kind)) await tx.getConnection().execute(statement, [], 'run', tx.getTransactionContext());
    });
    const unmapped = BODY_STATES.filter((b) => b.bodyId !== `council:${council.id}`);
    await expectStatesAgree(unmapped);
    const recorded = await g.run('mutation($input: RecordAssemblyInput!) { recordAssembly(input: $input) { id } }', {
      input: { bodyId: `council:${council.id}`, heldOn: '2026-07-02', attendance: council.families, agenda: ['Informe'], decisions: [] },
    });
    expect(recorded.errors).toBeUndefined();
    expect((await sql('select state_id from body_state where body_id = ?', [`council:${council.id}`]))[0]!.state_id).toBe(from);
    await expectStatesAgree();
    await expectSummariesMatchRebuild();
  });
});

describe('governance state summaries: how SQLite reads them', () => {
  let t: TerritoryProcess;
  let g: GovernanceHarness;
  beforeAll(async () => {
    const sqlite = (await testDatabases()).find((d) => d.kind === 'sqlite')!;
    t = await startTerritoryProcess();
    g = await startGovernance(sqlite, { territoryUrl: t.url });
  });
  afterAll(async () => {
    await g?.close();
    await t?.stop();
  });

  // Sorting every joined summary row to group them cost the national roll-up ~40 % of its governance SQL; the
  // scope rows are ordered by key instead, so each figure's GROUP BY over the summaries streams.
  it('groups the states and the nation as it reads their summaries, without sorting the rows it read', async () => {
    g.statements.reset();
    const result = await g.run(FIGURES, { representations: [...STATES.map((s) => rep(s, summarised(s))), nation, rep('council:12', { everything: false, councilIds: ['council:12'], communeIds: [], circuitIds: [] })], period: PERIODS[0] });
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    const figures = g.statements.statements.filter((s) => /governance_state_(assemblies|decisions|mandates|recalls)/.test(s));
    expect(figures).toHaveLength(4);
    const em = g.subgraph.orm.em.fork();
    for (const statement of figures) {
      const plan: string[] = (await em.getConnection().execute(`explain query plan ${statement}`)).map((row: { detail: string }) => row.detail);
      // The listed bodies' half comes first; the halves after it read the state and the nation summaries.
      const summaryHalves = plan.slice(plan.indexOf('UNION ALL'));
      expect(summaryHalves.filter((step) => step.startsWith('SEARCH g USING') || step === 'SCAN g')).toHaveLength(2);
      expect(summaryHalves, statement).not.toContain('USE TEMP B-TREE FOR GROUP BY');
    }
  });
});
