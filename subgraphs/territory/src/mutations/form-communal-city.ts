import { conflict, performWrite, placeholders, toInt, trackedUpdate } from '@comuna/subgraph-kit';
import { randomBytes } from 'node:crypto';
import type { TerritoryContext } from '../context.js';
import { CommunalCity, Commune } from '../entities/index.js';
import type { MutationFormCommunalCityArgs } from '../generated/resolvers-types.js';
import type { RegistryRules } from '../registry/rules-config.js';
import { generatedCode, recordStatus } from './records.js';
import { codeFree, existing, idList, pastDate, validCode, validName } from './validate.js';

/** Forms a communal city from registered communes that belong to no (undissolved) city; it starts REGISTERED. */
export const formCommunalCity = (rules: RegistryRules) => async (_root: unknown, { input }: MutationFormCommunalCityArgs, ctx: TerritoryContext) => {
  const id = await performWrite(ctx, ctx.policy, { action: 'formCommunalCity', bodies: [...input.communeIds], input }, async (em) => {
    const name = validName(input.name);
    const keys = idList(input.communeIds, 'commune', 'input.communeIds', rules.CITY_MIN_COMMUNES);
    const foundedOn = pastDate(input.foundedOn, 'input.foundedOn');
    const code = input.code == null ? null : validCode(input.code);

    await existing(em, 'commune', 'commune', 'id', keys);
    const communes = await em.execute(
      `select c.id, c.status, c.seat_state_id as "stateId", city.id as "cityId", city.name as "cityName"
       from commune c left join communal_city city on city.id = c.communal_city_id and city.status <> 'DISSOLVED'
       where c.id in (${placeholders(keys.length)})`,
      keys,
    );
    for (const commune of communes) {
      if (commune.status === 'IN_FORMATION' || commune.status === 'DISSOLVED') {
        throw conflict(`commune:${toInt(commune.id)} is ${commune.status}; only registered communes can form a communal city`, { argument: 'input.communeIds' });
      }
      if (commune.cityId != null) {
        throw conflict(`commune:${toInt(commune.id)} already belongs to city:${toInt(commune.cityId)} (${String(commune.cityName)})`, { argument: 'input.communeIds' });
      }
    }
    if (code) await codeFree(em, 'communal_city', code);

    const seatStateId = toInt(communes.find((c) => toInt(c.id) === keys[0])!.stateId);
    const city = em.create(CommunalCity, {
      code: code ?? `pending-${randomBytes(8).toString('hex')}`,
      name,
      status: 'REGISTERED',
      registeredOn: foundedOn,
      foundedOn,
      seatState: seatStateId,
      syntheticFields: [],
      sources: ['registry'],
    });
    await em.flush();
    if (!code) city.code = await generatedCode(em, 'CIU', seatStateId, city.id, 3);
    recordStatus(em, `city:${city.id}`, 'REGISTERED', null, foundedOn, 'Communal city founded by its communes');
    await em.flush();
    await trackedUpdate(em, Commune, keys, () => em.execute(`update commune set version = version + 1, communal_city_id = ? where id in (${placeholders(keys.length)})`, [city.id, ...keys]));
    return city.id;
  });
  return (await ctx.loaders.city.load(id))!;
};
