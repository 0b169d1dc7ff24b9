import { conflict, parseGlobalId, performWrite, placeholders, toInt, trackedUpdate } from '@comuna/subgraph-kit';
import { randomBytes } from 'node:crypto';
import type { TerritoryContext } from '../context.js';
import { CommunalCircuit, CommunalCouncil } from '../entities/index.js';
import type { MutationFormCommunalCircuitArgs } from '../generated/resolvers-types.js';
import { generatedCode, recordStatus } from './records.js';
import { codeFree, existing, idList, pastDate, validCode, validName } from './validate.js';

/** Forms a circuit of councils that vote in no other (undissolved) circuit; it starts REGISTERED. */
export const formCommunalCircuit = async (_root: unknown, { input }: MutationFormCommunalCircuitArgs, ctx: TerritoryContext) => {
  const id = await performWrite(ctx, ctx.policy, { action: 'formCommunalCircuit', bodies: [...input.councilIds], input }, async (em) => {
    const name = validName(input.name);
    const keys = idList(input.councilIds, 'council', 'input.councilIds', 1);
    const communeKey = input.communeId == null ? null : parseGlobalId(input.communeId, 'commune', 'input.communeId');
    const formedOn = pastDate(input.formedOn, 'input.formedOn');
    const code = input.code == null ? null : validCode(input.code);

    await existing(em, 'communal_council', 'council', 'id', keys);
    if (communeKey !== null) {
      const [commune] = await existing(em, 'commune', 'commune', 'id, status', [communeKey]);
      if (commune!.status === 'DISSOLVED') throw conflict(`commune:${communeKey} is dissolved`, { argument: 'input.communeId' });
    }
    const councils = await em.execute(
      `select cc.id, cc.status, cc.state_id as "stateId", ci.id as "circuitId"
       from communal_council cc left join communal_circuit ci on ci.id = cc.circuit_id and ci.status <> 'DISSOLVED'
       where cc.id in (${placeholders(keys.length)})`,
      keys,
    );
    for (const council of councils) {
      if (council.status === 'DISSOLVED') throw conflict(`council:${toInt(council.id)} is dissolved`, { argument: 'input.councilIds' });
      if (council.circuitId != null) {
        throw conflict(`council:${toInt(council.id)} already votes in circuit:${toInt(council.circuitId)}`, { argument: 'input.councilIds' });
      }
    }
    if (code) await codeFree(em, 'communal_circuit', code);

    const stateId = toInt(councils.find((c) => toInt(c.id) === keys[0])!.stateId);
    const circuit = em.create(CommunalCircuit, {
      code: code ?? `pending-${randomBytes(8).toString('hex')}`,
      name,
      status: 'REGISTERED',
      registeredOn: formedOn,
      state: stateId,
      commune: communeKey,
      syntheticFields: [],
      sources: ['registry'],
    });
    await em.flush();
    if (!code) circuit.code = await generatedCode(em, 'CIR', stateId, circuit.id, 4);
    recordStatus(em, `circuit:${circuit.id}`, 'REGISTERED', null, formedOn, 'Circuit formed by its councils');
    await em.flush();
    await trackedUpdate(em, CommunalCouncil, keys, () => em.execute(`update communal_council set version = version + 1, circuit_id = ? where id in (${placeholders(keys.length)})`, [circuit.id, ...keys]));
    return circuit.id;
  });
  return (await ctx.loaders.circuit.load(id))!;
};
