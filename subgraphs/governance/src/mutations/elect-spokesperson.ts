import { badInput, conflict, notFound, parseGlobalId, performWrite, toInt } from '@comuna/subgraph-kit';
import type { SqlEntityManager } from '@mikro-orm/sql';
import type { GovernanceContext } from '../context.js';
import { Election, Mandate, Spokesperson } from '../entities/index.js';
import type { MutationElectSpokespersonArgs } from '../generated/resolvers-types.js';
import type { OrganRow } from '../rows.js';
import type { GovernanceRules } from '../rules/config.js';
import { termEnd } from '../rules/mandate.js';
import { count, pastDate, validPersonName, validText } from './validate.js';

type Input = MutationElectSpokespersonArgs['input'];

function validSeat(input: Input, organ: OrganRow): number {
  const seats = input.role === 'PRINCIPAL' ? organ.principalSeats : organ.substituteSeats;
  if (seats === 0) throw badInput(`organ:${organ.id} (${organ.name}) has no ${input.role.toLowerCase()} seats`, { argument: 'input.role' });
  return count(input.seat, 'input.seat', 1, seats);
}

/** A parliament seat is held on behalf of someone (a council or a sector); no other organ's seat is. */
function validOnBehalfOf(input: Input, organ: OrganRow): string | null {
  if (organ.kind !== 'COMMUNAL_PARLIAMENT') {
    if (input.onBehalfOf != null) throw badInput(`input.onBehalfOf applies only to communal parliament seats; organ:${organ.id} is ${organ.kind}`, { argument: 'input.onBehalfOf' });
    return null;
  }
  if (input.onBehalfOf == null) throw badInput('input.onBehalfOf is required for a parliament seat: the council id (council:<n>) or sector the spokesperson sits for', { argument: 'input.onBehalfOf' });
  return validText(input.onBehalfOf, 'input.onBehalfOf', 3, 60);
}

async function spokespersonFor(em: SqlEntityManager, input: Input): Promise<{ id: number | null; name: string | null }> {
  if ((input.name == null) === (input.spokespersonId == null)) throw badInput('Give exactly one of input.name (a new spokesperson) or input.spokespersonId', { argument: 'input.name' });
  if (input.name != null) return { id: null, name: validPersonName(input.name, 'input.name') };
  const id = parseGlobalId(input.spokespersonId!, 'spokesperson', 'input.spokespersonId');
  const rows = await em.execute('select id from spokesperson where id = ?', [id]);
  if (!rows.length) throw notFound(`No spokesperson with id spokesperson:${id}`, { argument: 'input.spokespersonId' });
  return { id, name: null };
}

/** Mandates on `organ` whose term overlaps [start, end] and that were not revoked before `start`. */
async function overlapping(em: SqlEntityManager, organId: number, where: string, params: unknown[], start: string, end: string) {
  return em.execute(
    `select id, start_on as "startOn", spokesperson_id as "spokespersonId" from mandate
     where organ_id = ? and ${where} and start_on <= ? and term_ends_on >= ? and (revoked_on is null or revoked_on > ?)`,
    [organId, ...params, end, start, start],
  );
}

/**
 * Records a spokesperson's election to a seat: one election per organ and day (universal, secret and direct,
 * run by the council's electoral commission), and a mandate for the configured term starting that day.
 */
export const electSpokesperson = (rules: GovernanceRules) => async (_root: unknown, { input }: MutationElectSpokespersonArgs, ctx: GovernanceContext) => {
  const organKey = parseGlobalId(input.organId, 'organ', 'input.organId');
  const organ = await ctx.loaders.organ.load(organKey);
  if (!organ) throw notFound(`No organ with id organ:${organKey}`, { argument: 'input.organId' });
  const id = await performWrite(ctx, ctx.policy, { action: 'electSpokesperson', bodies: [organ.bodyId], input }, async (em) => {
    const seat = validSeat(input, organ);
    const onBehalfOf = validOnBehalfOf(input, organ);
    const electedOn = pastDate(input.electedOn, 'input.electedOn');
    if (electedOn < organ.createdOn) throw badInput(`input.electedOn ${electedOn} is before organ:${organ.id} was constituted (${organ.createdOn})`, { argument: 'input.electedOn' });
    const person = await spokespersonFor(em, input);
    const endsOn = termEnd(electedOn, rules.MANDATE_YEARS);

    const taken = await overlapping(em, organ.id, 'role = ? and seat = ?', [input.role, seat], electedOn, endsOn);
    if (taken.length) {
      throw conflict(`${input.role.toLowerCase()} seat ${seat} of organ:${organ.id} is held by mandate:${toInt(taken[0]!.id)} (from ${String(taken[0]!.startOn)}); it must expire or be recalled first`, { argument: 'input.seat' });
    }
    if (person.id !== null) {
      const twice = await overlapping(em, organ.id, 'spokesperson_id = ?', [person.id], electedOn, endsOn);
      if (twice.length) throw conflict(`spokesperson:${person.id} already holds mandate:${toInt(twice[0]!.id)} in organ:${organ.id}`, { argument: 'input.spokespersonId' });
    }

    const spokespersonId = person.id ?? (await (async () => {
      const created = em.create(Spokesperson, { name: person.name!, syntheticFields: [], sources: ['recorded'] });
      await em.flush();
      return created.id;
    })());
    const existing = await em.execute('select id from election where organ_id = ? and held_on = ?', [organ.id, electedOn]);
    let electionId = existing[0] ? toInt(existing[0].id) : null;
    if (electionId === null) {
      const commission = organ.bodyId.startsWith('council:')
        ? await em.execute("select id from organ where body_id = ? and kind = 'ELECTORAL_COMMISSION' order by id limit 1", [organ.bodyId])
        : [];
      const election = em.create(Election, { organ: organ.id, heldOn: electedOn, electoralCommission: commission[0] ? toInt(commission[0].id) : null });
      await em.flush();
      electionId = election.id;
    }
    const mandate = em.create(Mandate, {
      spokesperson: spokespersonId,
      organ: organ.id,
      role: input.role,
      seat,
      onBehalfOf,
      election: electionId,
      startOn: electedOn,
      termEndsOn: endsOn,
      revokedOn: null,
      syntheticFields: [],
      sources: ['recorded'],
    });
    await em.flush();
    return mandate.id;
  });
  return (await ctx.loaders.mandate.load(id))!;
};
