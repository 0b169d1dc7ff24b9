import { badInput, conflict, notFound, performWrite, placeholders, toInt, trackedUpdate } from '@comuna/subgraph-kit';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { GraphQLError } from 'graphql';
import type { TerritoryContext } from '../context.js';
import { CommunalCity, CommunalCouncil, Commune } from '../entities/index.js';
import type { FormationStep } from '../entities/commune.js';
import type { RegistryStatus } from '../entities/registry-columns.js';
import type {
  BodyType,
  ImportCommunalCityInput,
  ImportCommuneInput,
  ImportCouncilInput,
  ImportRejection,
  MutationImportRegistryArgs,
} from '../generated/resolvers-types.js';
import type { RegistryRules } from '../registry/rules-config.js';
import { recordStatus } from './records.js';
import { codeFree, pastDate, validCensus, validCode, validFamilies, validName } from './validate.js';

/** Thrown inside the transaction to roll an atomic import back while still answering with its report. */
class RolledBack extends Error {
  constructor(readonly rejected: ImportRejection[]) {
    super('atomic import refused');
  }
}

/** Statuses an imported body may arrive in: it has been registered; dissolved bodies are not imported. */
const LIVE: readonly RegistryStatus[] = ['REGISTERED', 'ACTIVE', 'INACTIVE'];

function liveStatus(status: RegistryStatus | null | undefined): RegistryStatus {
  const chosen = status ?? 'REGISTERED';
  if (!LIVE.includes(chosen)) throw badInput(`status must be REGISTERED, ACTIVE or INACTIVE for a registered body; got ${chosen}`, { argument: 'status' });
  return chosen;
}

/** A body that arrives ACTIVE or INACTIVE was registered first: its history says both, on the registration date. */
function recordArrival(em: SqlEntityManager, bodyId: string, status: RegistryStatus, registeredOn: string, from: RegistryStatus | null): void {
  recordStatus(em, bodyId, 'REGISTERED', from, registeredOn, 'Registered with the ministry (imported)');
  if (status !== 'REGISTERED') recordStatus(em, bodyId, status, 'REGISTERED', registeredOn, `Imported as ${status.toLowerCase()}`);
}

function validArea(area: string | null | undefined): string | null {
  if (area == null || area === '') return null;
  if (!/^\d{1,9}(\.\d{1,4})?$/.test(area) || Number(area) <= 0) {
    throw badInput(`areaHectares "${area}" must be a positive decimal such as "2300" or "11.5"`, { argument: 'areaHectares' });
  }
  return area;
}

/** Codes named by a row, each existing once; answers the rows found in the order given. */
async function byCodes(em: SqlEntityManager, sql: string, codes: readonly string[], kind: string, field: string): Promise<Record<string, unknown>[]> {
  const duplicate = codes.find((code, i) => codes.indexOf(code) !== i);
  if (duplicate !== undefined) throw badInput(`${field} lists ${duplicate} twice`, { argument: field });
  const rows = await em.execute(`${sql} where x.code in (${placeholders(codes.length)})`, [...codes]);
  const found = new Map(rows.map((r) => [String(r.code), r]));
  const missing = codes.filter((code) => !found.has(code));
  if (missing.length) throw notFound(`No ${kind} with code ${missing.join(', ')}`, { argument: field });
  return codes.map((code) => found.get(code)!);
}

async function importCouncil(em: SqlEntityManager, row: ImportCouncilInput, rules: RegistryRules): Promise<string> {
  const code = validCode(row.code, 'code');
  const name = validName(row.name, 'name');
  validFamilies(row.setting, row.families, rules);
  const households = row.households ?? row.families;
  validCensus(row.families, households, row.population);
  const registeredOn = pastDate(row.registeredOn, 'registeredOn');
  const censusAsOf = row.censusAsOf == null ? registeredOn : pastDate(row.censusAsOf, 'censusAsOf');
  if (censusAsOf < registeredOn) throw badInput(`censusAsOf ${censusAsOf} is before registeredOn ${registeredOn}`, { argument: 'censusAsOf' });
  const status = liveStatus(row.status);
  const [parish] = await em.execute('select id, state_id as "stateId" from parish where code = ?', [row.parishCode]);
  if (!parish) throw notFound(`No parish with code ${row.parishCode}`, { argument: 'parishCode' });
  await codeFree(em, 'communal_council', code);

  const council = em.create(CommunalCouncil, {
    code, name, status, registeredOn, setting: row.setting, households, families: row.families, population: row.population,
    censusAsOf, parish: toInt(parish.id), state: toInt(parish.stateId), commune: null, circuit: null,
    syntheticFields: [], sources: ['registry-import'],
  });
  await em.flush();
  recordArrival(em, `council:${council.id}`, status, registeredOn, null);
  await em.flush();
  return `council:${council.id}`;
}

async function importCommune(em: SqlEntityManager, row: ImportCommuneInput, rules: RegistryRules): Promise<string> {
  const code = validCode(row.code, 'code');
  const name = validName(row.name, 'name');
  const foundedOn = pastDate(row.foundedOn, 'foundedOn');
  const registeredOn = row.registeredOn == null ? null : pastDate(row.registeredOn, 'registeredOn');
  if (registeredOn && registeredOn < foundedOn) throw badInput(`registeredOn ${registeredOn} is before foundedOn ${foundedOn}`, { argument: 'registeredOn' });
  const status: RegistryStatus = registeredOn ? liveStatus(row.status) : 'IN_FORMATION';
  if (!registeredOn && row.status && row.status !== 'IN_FORMATION') throw badInput(`a commune without registeredOn is IN_FORMATION; got status ${row.status}`, { argument: 'status' });
  const step: FormationStep = registeredOn ? 'REGISTRATION' : (row.formationStep ?? 'PROMOTER_COMMISSION');
  if (!registeredOn && step === 'REGISTRATION') throw badInput('formationStep REGISTRATION needs registeredOn', { argument: 'formationStep' });
  const areaHectares = validArea(row.areaHectares);
  if ((row.latitude == null) !== (row.longitude == null)) throw badInput('give both latitude and longitude, or neither', { argument: 'latitude' });
  if (row.latitude != null && (Math.abs(row.latitude) > 90 || Math.abs(row.longitude!) > 180)) {
    throw badInput('latitude must be within ±90 and longitude within ±180', { argument: 'latitude' });
  }
  const count = row.councilCodes.length;
  if (count < rules.COMMUNE_MIN_COUNCILS || count > rules.COMMUNE_MAX_COUNCILS) {
    throw badInput(`a commune has ${rules.COMMUNE_MIN_COUNCILS} to ${rules.COMMUNE_MAX_COUNCILS} councils; got ${count}`, { argument: 'councilCodes' });
  }
  const councils = await byCodes(
    em,
    `select x.id, x.code, x.status, x.state_id as "stateId", c.code as "communeCode"
     from communal_council x left join commune c on c.id = x.commune_id and c.status <> 'DISSOLVED'`,
    row.councilCodes, 'council', 'councilCodes',
  );
  for (const council of councils) {
    if (council.status === 'IN_FORMATION' || council.status === 'DISSOLVED') throw conflict(`council ${String(council.code)} is ${String(council.status)}; only registered councils form a commune`, { argument: 'councilCodes' });
    if (council.communeCode != null) throw conflict(`council ${String(council.code)} already belongs to commune ${String(council.communeCode)}`, { argument: 'councilCodes' });
  }
  await codeFree(em, 'commune', code);

  const commune = em.create(Commune, {
    code, name, status, registeredOn, kind: row.kind, formationStep: step, foundedOn, areaHectares,
    latitude: row.latitude ?? null, longitude: row.longitude ?? null, boundary: null,
    seatState: toInt(councils[0]!.stateId), communalCity: null, syntheticFields: [], sources: ['registry-import'],
  });
  await em.flush();
  const id = `commune:${commune.id}`;
  recordStatus(em, id, 'IN_FORMATION', null, foundedOn, 'Promoter commission registered (imported)');
  if (registeredOn) recordArrival(em, id, status, registeredOn, 'IN_FORMATION');
  await em.flush();
  const keys = councils.map((c) => toInt(c.id));
  await trackedUpdate(em, CommunalCouncil, keys, () => em.execute(`update communal_council set version = version + 1, commune_id = ? where id in (${placeholders(keys.length)})`, [commune.id, ...keys]));
  return id;
}

async function importCity(em: SqlEntityManager, row: ImportCommunalCityInput, rules: RegistryRules): Promise<string> {
  const code = validCode(row.code, 'code');
  const name = validName(row.name, 'name');
  const foundedOn = pastDate(row.foundedOn, 'foundedOn');
  const status = liveStatus(row.status);
  if (row.communeCodes.length < rules.CITY_MIN_COMMUNES) {
    throw badInput(`a communal city has at least ${rules.CITY_MIN_COMMUNES} communes; got ${row.communeCodes.length}`, { argument: 'communeCodes' });
  }
  const communes = await byCodes(
    em,
    `select x.id, x.code, x.status, x.seat_state_id as "stateId", city.code as "cityCode"
     from commune x left join communal_city city on city.id = x.communal_city_id and city.status <> 'DISSOLVED'`,
    row.communeCodes, 'commune', 'communeCodes',
  );
  for (const commune of communes) {
    if (commune.status === 'IN_FORMATION' || commune.status === 'DISSOLVED') throw conflict(`commune ${String(commune.code)} is ${String(commune.status)}; only registered communes form a communal city`, { argument: 'communeCodes' });
    if (commune.cityCode != null) throw conflict(`commune ${String(commune.code)} already belongs to communal city ${String(commune.cityCode)}`, { argument: 'communeCodes' });
  }
  await codeFree(em, 'communal_city', code);

  const city = em.create(CommunalCity, {
    code, name, status, registeredOn: foundedOn, foundedOn, seatState: toInt(communes[0]!.stateId), syntheticFields: [], sources: ['registry-import'],
  });
  await em.flush();
  recordArrival(em, `city:${city.id}`, status, foundedOn, null);
  await em.flush();
  const keys = communes.map((c) => toInt(c.id));
  await trackedUpdate(em, Commune, keys, () => em.execute(`update commune set version = version + 1, communal_city_id = ? where id in (${placeholders(keys.length)})`, [city.id, ...keys]));
  return `city:${city.id}`;
}

/** Turns a validator's coded error into a row's rejection; anything else is a fault, not bad input, and propagates. */
function rejection(error: unknown, bodyType: BodyType, index: number, code: string): ImportRejection {
  if (!(error instanceof GraphQLError) || typeof error.extensions.code !== 'string') throw error;
  const field = typeof error.extensions.argument === 'string' ? error.extensions.argument.replace(/^input\./, '') : null;
  return { bodyType, index, code, message: error.message, errorCode: error.extensions.code, field };
}

/**
 * Imports councils, then communes, then communal cities, each row validated before it writes (so a refused row
 * leaves nothing behind), all in one performWrite transaction with one audit entry. Atomic imports with any
 * refused row roll the transaction back and answer the full report: nothing silent, nothing partial.
 */
export const importRegistry = (rules: RegistryRules) => async (_root: unknown, { input, atomic }: MutationImportRegistryArgs, ctx: TerritoryContext) => {
  const lists = [
    { bodyType: 'COMMUNAL_COUNCIL' as const, rows: input.councils ?? [], write: (em: SqlEntityManager, row: never) => importCouncil(em, row, rules) },
    { bodyType: 'COMMUNE' as const, rows: input.communes ?? [], write: (em: SqlEntityManager, row: never) => importCommune(em, row, rules) },
    { bodyType: 'COMMUNAL_CITY' as const, rows: input.communalCities ?? [], write: (em: SqlEntityManager, row: never) => importCity(em, row, rules) },
  ];
  const total = lists.reduce((n, list) => n + list.rows.length, 0);
  if (total > 1000) throw badInput(`An import takes at most 1000 rows per request; got ${total}. Send it in parts (per-row mode) or split the file.`, { argument: 'input' });
  const rejected: ImportRejection[] = [];
  try {
    // The national registry as a whole is what an import writes to: only a grant over every body (`*`) covers it.
    const importedIds = await performWrite(ctx, ctx.policy, { action: 'importRegistry', bodies: ['nation:ve'], input: { atomic, rows: total } }, async (em) => {
      const ids: string[] = [];
      for (const { bodyType, rows, write } of lists) {
        for (const [index, row] of rows.entries()) {
          try {
            ids.push(await write(em, row as never));
          } catch (error) {
            rejected.push(rejection(error, bodyType, index, row.code));
          }
        }
      }
      if (atomic && rejected.length) throw new RolledBack(rejected);
      return ids;
    });
    return { committed: importedIds.length > 0 || rejected.length === 0, imported: importedIds.length, importedIds, rejected };
  } catch (error) {
    if (error instanceof RolledBack) return { committed: false, imported: 0, importedIds: [], rejected: error.rejected };
    throw error;
  }
};
