import { badInput, conflict, kindOfGlobalId, parseGlobalId, performWrite } from '@comuna/subgraph-kit';
import { bodyTables, type BodyKind } from '../bodies.js';
import type { TerritoryContext } from '../context.js';
import { CommunalCircuit, CommunalCity, CommunalCouncil, Commune } from '../entities/index.js';
import type { RegistryStatus } from '../entities/registry-columns.js';
import type { MutationChangeRegistryStatusArgs } from '../generated/resolvers-types.js';
import type { AnyBodyRow } from '../rows.js';
import { canTransition, TRANSITIONS } from '../registry/status-rules.js';
import { recordStatus } from './records.js';
import { existing, lastChangeDate, pastDate, updateIfUnchanged } from './validate.js';

const entityOf = { council: CommunalCouncil, commune: Commune, city: CommunalCity, circuit: CommunalCircuit } as const;

/** Moves a body along the registry lifecycle, appending to its history. */
export const changeRegistryStatus = async (_root: unknown, { input }: MutationChangeRegistryStatusArgs, ctx: TerritoryContext) => {
  const kind = kindOfGlobalId(input.bodyId) as BodyKind | undefined;
  if (!kind || !(kind in bodyTables)) {
    throw badInput(`input.bodyId "${input.bodyId}" is not a council, commune, city or circuit id`, { argument: 'input.bodyId' });
  }
  const key = parseGlobalId(input.bodyId, kind, 'input.bodyId');
  const table = bodyTables[kind].table;
  await performWrite(ctx, ctx.policy, { action: 'changeRegistryStatus', bodies: [input.bodyId], input }, async (em) => {
    const effectiveOn = pastDate(input.effectiveOn, 'input.effectiveOn');
    const reason = input.reason.trim();
    if (reason.length < 3 || reason.length > 500) throw badInput('input.reason must be 3 to 500 characters', { argument: 'input.reason' });
    const [body] = await existing(em, table, kind, 'id, status, registered_on as "registeredOn"', [key]);
    const from = body!.status as RegistryStatus;
    const to = input.status;
    if (kind === 'commune' && from === 'IN_FORMATION' && to === 'REGISTERED') {
      throw conflict(`commune:${key} is registered by completing its formation steps: use advanceCommuneFormation`, { argument: 'input.status' });
    }
    if (!canTransition(from, to)) {
      const allowed = TRANSITIONS[from];
      throw conflict(`${input.bodyId} is ${from}; it can move to ${allowed.length ? allowed.join(' or ') : 'no other status'}, not ${to}`, { argument: 'input.status' });
    }
    const last = await lastChangeDate(em, input.bodyId);
    if (last && effectiveOn < last) throw badInput(`input.effectiveOn ${effectiveOn} is before the last recorded change (${last})`, { argument: 'input.effectiveOn' });
    const registeredOn = to === 'REGISTERED' && body!.registeredOn == null ? effectiveOn : (body!.registeredOn as string | null);
    await updateIfUnchanged(em, entityOf[kind], key, `update ${table} set version = version + 1, status = ?, registered_on = ? where id = ?`, [to, registeredOn, key], input.expectedVersion, input.bodyId);
    recordStatus(em, input.bodyId, to, from, effectiveOn, reason);
    await em.flush();
  });
  return (await ctx.loaders[kind].load(key)) as AnyBodyRow;
};
