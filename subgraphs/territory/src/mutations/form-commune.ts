import { badInput, conflict, performWrite, placeholders, toInt, trackedUpdate } from '@comuna/subgraph-kit';
import { randomBytes } from 'node:crypto';
import type { TerritoryContext } from '../context.js';
import { CommunalCouncil, Commune } from '../entities/index.js';
import type { MutationFormCommuneArgs } from '../generated/resolvers-types.js';
import type { RegistryRules } from '../registry/rules-config.js';
import { generatedCode, recordStatus } from './records.js';
import { codeFree, existing, idList, pastDate, validCode, validName } from './validate.js';

/** Decimal hectares as text, kept exact. */
function validArea(area: string | null | undefined): string | null {
  if (area == null) return null;
  if (!/^\d{1,9}(\.\d{1,4})?$/.test(area) || Number(area) <= 0) {
    throw badInput(`input.areaHectares "${area}" must be a positive decimal such as "2300" or "11.5"`, { argument: 'input.areaHectares' });
  }
  return area;
}

/**
 * Forms a commune from registered councils that belong to no (undissolved) commune. It starts IN_FORMATION at
 * the promoter-commission step; advanceCommuneFormation takes it to registration.
 */
export const formCommune = (rules: RegistryRules) => async (_root: unknown, { input }: MutationFormCommuneArgs, ctx: TerritoryContext) => {
  const id = await performWrite(ctx, ctx.policy, { action: 'formCommune', bodies: [...input.councilIds], input }, async (em) => {
    const name = validName(input.name);
    const keys = idList(input.councilIds, 'council', 'input.councilIds', rules.COMMUNE_MIN_COUNCILS, rules.COMMUNE_MAX_COUNCILS);
    const foundedOn = pastDate(input.foundedOn, 'input.foundedOn');
    const areaHectares = validArea(input.areaHectares);
    const { centroid } = input;
    if (centroid && (Math.abs(centroid.latitude) > 90 || Math.abs(centroid.longitude) > 180)) {
      throw badInput('input.centroid must have latitude within ±90 and longitude within ±180', { argument: 'input.centroid' });
    }
    const code = input.code == null ? null : validCode(input.code);

    await existing(em, 'communal_council', 'council', 'id', keys);
    const councils = await em.execute(
      `select cc.id, cc.status, cc.state_id as "stateId", c.id as "communeId", c.name as "communeName"
       from communal_council cc left join commune c on c.id = cc.commune_id and c.status <> 'DISSOLVED'
       where cc.id in (${placeholders(keys.length)})`,
      keys,
    );
    for (const council of councils) {
      if (council.status === 'IN_FORMATION' || council.status === 'DISSOLVED') {
        throw conflict(`council:${toInt(council.id)} is ${council.status}; only registered councils can form a commune`, { argument: 'input.councilIds' });
      }
      if (council.communeId != null) {
        throw conflict(`council:${toInt(council.id)} already belongs to commune:${toInt(council.communeId)} (${String(council.communeName)})`, { argument: 'input.councilIds' });
      }
    }
    if (code) await codeFree(em, 'commune', code);

    const seatStateId = toInt(councils.find((c) => toInt(c.id) === keys[0])!.stateId);
    const commune = em.create(Commune, {
      code: code ?? `pending-${randomBytes(8).toString('hex')}`,
      name,
      status: 'IN_FORMATION',
      registeredOn: null,
      kind: input.kind,
      formationStep: 'PROMOTER_COMMISSION',
      foundedOn,
      areaHectares,
      latitude: centroid?.latitude ?? null,
      longitude: centroid?.longitude ?? null,
      boundary: null,
      seatState: seatStateId,
      communalCity: null,
      syntheticFields: [],
      sources: ['registry'],
    });
    await em.flush();
    if (!code) commune.code = await generatedCode(em, 'COM', seatStateId, commune.id, 4);
    recordStatus(em, `commune:${commune.id}`, 'IN_FORMATION', null, foundedOn, 'Promoter commission registered');
    await em.flush();
    await trackedUpdate(em, CommunalCouncil, keys, () => em.execute(`update communal_council set version = version + 1, commune_id = ? where id in (${placeholders(keys.length)})`, [commune.id, ...keys]));
    return commune.id;
  });
  return (await ctx.loaders.commune.load(id))!;
};
