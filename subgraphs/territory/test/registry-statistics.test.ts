import { testDatabases } from '@comuna/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTerritory, type TerritoryHarness } from './harness.js';

const TABLES = {
  COMMUNAL_COUNCIL: { table: 'communal_council', state: 'state_id', kind: 'setting' },
  COMMUNE: { table: 'commune', state: 'seat_state_id', kind: 'kind' },
  COMMUNAL_CITY: { table: 'communal_city', state: 'seat_state_id', kind: null },
  COMMUNAL_CIRCUIT: { table: 'communal_circuit', state: 'state_id', kind: null },
} as const;
type BodyType = keyof typeof TABLES;

const FIGURES = 'bodyType total registered active byStatus { key count } byKind { key count } byState { state { id } count active }';

describe.each(await testDatabases())('registry statistics on $kind', (database) => {
  let t: TerritoryHarness;
  const sql = (query: string, params: unknown[] = []) => t.subgraph.orm.em.fork().getConnection().execute(query, params);
  beforeAll(async () => {
    t = await startTerritory(database);
    // Every status, a body never registered and a second kind in a state, so no figure is trivially one group.
    await sql(`update communal_council set status = 'IN_FORMATION', registered_on = null where id in (select id from communal_council order by id limit 3)`);
    await sql(`update communal_council set status = 'DISSOLVED', setting = 'INDIGENOUS' where id in (select id from communal_council order by id desc limit 2)`);
    await sql(`update commune set status = 'INACTIVE', kind = 'MIXED' where id in (select id from commune order by id limit 2)`);
    await sql(`update communal_circuit set status = 'REGISTERED' where id in (select id from communal_circuit order by id limit 1)`);
  });
  afterAll(() => t?.close());

  /** The figures counted one statement each, straight from the table: what the grouped scan must agree with. */
  async function expected(bodyType: BodyType, where: string, params: unknown[]) {
    const { table, state, kind } = TABLES[bodyType];
    const one = async (select: string) => Number((await sql(`select ${select} as n from ${table} where ${where}`, params))[0]!.n);
    const by = async (column: string) => (await sql(`select ${column} as k, count(*) as n from ${table} where ${where} group by ${column} order by ${column}`, params)).map((r: any) => ({ key: String(r.k), count: Number(r.n) }));
    const total = await one('count(*)');
    const byState = await sql(
      `select s.id as id, count(b.id) as n, coalesce(sum(case when b.status = 'ACTIVE' then 1 else 0 end), 0) as active
       from state s left join (select id, status, ${state} as st from ${table} where ${where}) b on b.st = s.id group by s.id, s.name order by s.name`,
      params,
    );
    return {
      bodyType,
      total,
      registered: await one('count(registered_on)'),
      active: await one("coalesce(sum(case when status = 'ACTIVE' then 1 else 0 end), 0)"),
      byStatus: await by('status'),
      byKind: kind ? await by(kind) : [{ key: bodyType, count: total }],
      byState: byState.map((r: any) => ({ state: { id: `state:${r.id}` }, count: Number(r.n), active: Number(r.active) })),
    };
  }

  it('answers every figure of every body type, whole or filtered, as counting each one apart does', async () => {
    const [{ id: stateId }] = await sql('select seat_state_id as id from commune group by seat_state_id order by count(*) desc, seat_state_id limit 1');
    const filters = [
      { filter: '', where: '1 = 1', params: [] as unknown[] },
      { filter: `stateId: "state:${stateId}"`, where: '%STATE% = ?', params: [stateId] },
      { filter: 'registeredFrom: "2015-01-01", registeredTo: "2022-12-31"', where: 'registered_on >= ? and registered_on <= ?', params: ['2015-01-01', '2022-12-31'] },
    ];
    let compared = 0;
    for (const bodyType of Object.keys(TABLES) as BodyType[]) {
      for (const { filter, where, params } of filters) {
        const result = await t.run(`{ registryStatistics(filter: { bodyType: ${bodyType} ${filter} }) { ${FIGURES} } }`);
        expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
        const want = await expected(bodyType, where.replace('%STATE%', TABLES[bodyType].state), params);
        expect(result.data!.registryStatistics, `${bodyType} ${filter}`).toEqual(want);
        if (want.total > 0) compared++;
      }
    }
    expect(compared).toBeGreaterThanOrEqual(10);
  });

  it('reads the table once for all its figures, and once per alias', async () => {
    t.statements.reset();
    const result = await t.run(`{ a: registryStatistics(filter: { bodyType: COMMUNAL_COUNCIL }) { ${FIGURES} } b: registryStatistics(filter: { bodyType: COMMUNE }) { total active } }`);
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    const reads = (table: string) => t.statements.statements.filter((s) => new RegExp(`from [\`"]?${table}[\`"]?\\b`).test(s));
    expect(reads('communal_council')).toHaveLength(1);
    expect(reads('commune')).toHaveLength(1);
    expect(result.data!.b.total).toBeGreaterThan(result.data!.b.active);
  });
});
