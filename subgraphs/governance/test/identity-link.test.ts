import { actorFrom, InternalRouteError, today } from '@comuna/subgraph-kit';
import { testDatabases } from '@comuna/subgraph-kit/testing';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { activeMandates } from '../src/internal/active-mandates.js';
import { defaultGovernanceRules } from '../src/rules/config.js';
import { buildGovernanceSample } from '../src/seed/build.js';
import { startGovernance, type GovernanceHarness } from './harness.js';

const sample = buildGovernanceSample(defaultGovernanceRules);
const LINK = 'mutation($input: LinkSpokespersonIdentityInput!) { linkSpokespersonIdentity(input: $input) { id name } }';
const clerk = actorFrom('clerk', [{ role: 'REGISTRY_CLERK', bodies: ['*'] }]);

// A spokesperson with a mandate in force today, and the body of its organ.
const now = today();
const held = sample.mandates.find((m) => m.revokedOn === null && m.startOn <= now && m.termEndsOn >= now)!;
const organBody = sample.organs.find((o) => o.id === held.organId)!.bodyId;
const bodiesOn = (day: string) =>
  [...new Set(sample.mandates.filter((m) => m.spokespersonId === held.spokespersonId && m.revokedOn === null && m.startOn <= day && m.termEndsOn >= day).map((m) => sample.organs.find((o) => o.id === m.organId)!.bodyId))].sort();

describe.each(await testDatabases())('spokesperson logins and their active mandates on $kind', (database) => {
  let g: GovernanceHarness;
  beforeAll(async () => {
    g = await startGovernance(database);
  });
  afterAll(() => g?.close());
  const em = () => g.subgraph.orm.em.fork() as SqlEntityManager;
  const ask = (params: Record<string, string>) => activeMandates(new URLSearchParams(params), em()) as Promise<{ bodies: string[] }>;
  const link = (spokespersonId: string, subject: string | null, actor = clerk) => g.run(LINK, { input: { spokespersonId, subject } }, actor);
  const code = (result: { errors?: readonly { extensions?: Record<string, unknown> }[] }) => result.errors?.[0]?.extensions?.code;

  it('links a login only by a registry clerk over every body, one login per person, and audits the change', async () => {
    const person = `spokesperson:${held.spokespersonId}`;
    expect(code(await link(person, 'idp|vocera', actorFrom('s', [{ role: 'SPOKESPERSON', bodies: ['*'] }])))).toBe('FORBIDDEN');
    expect(code(await link(person, 'idp|vocera', actorFrom('c', [{ role: 'REGISTRY_CLERK', bodies: [organBody] }])))).toBe('FORBIDDEN');
    expect(code(await link(person, 'has spaces'))).toBe('BAD_USER_INPUT');
    expect(code(await link('spokesperson:999999', 'idp|vocera'))).toBe('NOT_FOUND');
    expect((await link(person, 'idp|vocera')).errors).toBeUndefined();
    const other = sample.mandates.find((m) => m.spokespersonId !== held.spokespersonId)!.spokespersonId;
    expect(code(await link(`spokesperson:${other}`, 'idp|vocera'))).toBe('CONFLICT');

    const [entry] = await em().execute("select changes from audit_entry where action = 'linkSpokespersonIdentity' order by id desc limit 1");
    const changes = typeof entry!.changes === 'string' ? JSON.parse(entry!.changes) : entry!.changes;
    expect(changes).toEqual([{ entity: 'Spokesperson', id: String(held.spokespersonId), op: 'UPDATE', before: { subject: null }, after: { subject: 'idp|vocera' } }]);
  });

  it('answers the bodies of the mandates in force on a day: started, term not ended, never revoked', async () => {
    expect((await ask({ subject: 'idp|vocera' })).bodies).toEqual(bodiesOn(now));
    expect((await ask({ subject: 'idp|vocera' })).bodies).toContain(organBody);
    expect((await ask({ subject: 'idp|vocera', on: held.termEndsOn })).bodies).toEqual(bodiesOn(held.termEndsOn));
    const dayAfter = new Date(Date.parse(`${held.termEndsOn}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect((await ask({ subject: 'idp|vocera', on: dayAfter })).bodies).toEqual(bodiesOn(dayAfter));
    expect((await ask({ subject: 'idp|nobody' })).bodies).toEqual([]);
    await expect(ask({})).rejects.toBeInstanceOf(InternalRouteError);
    await expect(ask({ subject: 'idp|vocera', on: 'yesterday' })).rejects.toBeInstanceOf(InternalRouteError);

    // Revoked (whatever the date recorded), the mandate no longer counts.
    await em().execute('update mandate set revoked_on = ? where spokesperson_id = ?', ['2999-01-01', held.spokespersonId]);
    expect((await ask({ subject: 'idp|vocera' })).bodies).toEqual([]);
  });

  it('unlinks a login', async () => {
    expect((await link(`spokesperson:${held.spokespersonId}`, null)).errors).toBeUndefined();
    const [row] = await em().execute('select count(*) as n from spokesperson where subject is not null');
    expect(Number(row!.n)).toBe(0);
  });
});
