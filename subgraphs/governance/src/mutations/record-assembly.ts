import { badInput, conflict, performWrite } from '@comuna/subgraph-kit';
import type { GovernanceContext } from '../context.js';
import { Assembly, Decision } from '../entities/index.js';
import type { MutationRecordAssemblyArgs } from '../generated/resolvers-types.js';
import type { GovernanceRules } from '../rules/config.js';
import { parliamentSeats, quorumFor } from '../rules/quorum.js';
import { rememberState } from '../territory/body-state.js';
import type { TerritoryClient } from '../territory/client.js';
import { bodyId, count, liveBody, pastDate, validText } from './validate.js';

type Input = MutationRecordAssemblyArgs['input'];

function validDecisions(input: Input) {
  if (input.decisions.length > 50) throw badInput(`input.decisions takes at most 50 decisions; got ${input.decisions.length}`, { argument: 'input.decisions' });
  return input.decisions.map((d, i) => {
    const at = `input.decisions[${i}]`;
    const votes = {
      votesFor: count(d.votesFor, `${at}.votesFor`),
      votesAgainst: count(d.votesAgainst, `${at}.votesAgainst`),
      votesAbstaining: count(d.votesAbstaining, `${at}.votesAbstaining`),
    };
    if (votes.votesFor + votes.votesAgainst + votes.votesAbstaining === 0) throw badInput(`${at} has no votes at all; record the votes cast`, { argument: at });
    return { position: i + 1, text: validText(d.text, `${at}.text`, 3, 2000), ...votes, carried: votes.votesFor > votes.votesAgainst };
  });
}

/** A retry with the same key gets the assembly already recorded; the same key for another assembly is a mistake. */
async function alreadyRecorded(ctx: GovernanceContext, input: Input): Promise<number | null> {
  if (input.idempotencyKey == null) return null;
  const key = validText(input.idempotencyKey, 'input.idempotencyKey', 1, 100);
  const rows = await ctx.em.execute('select id, body_id as "bodyId", held_on as "heldOn" from assembly where idempotency_key = ?', [key]);
  if (!rows[0]) return null;
  if (rows[0].bodyId !== input.bodyId || rows[0].heldOn !== input.heldOn) {
    throw conflict(`input.idempotencyKey "${key}" was already used for the assembly of ${String(rows[0].bodyId)} on ${String(rows[0].heldOn)}`, { argument: 'input.idempotencyKey' });
  }
  return Number(rows[0].id);
}

/**
 * Records an assembly with its decisions. Quorum is computed here from the body's size as territory reports it
 * now (families of a council; seats of a commune's parliament), and that figure is stored with the assembly.
 */
export const recordAssembly = (rules: GovernanceRules, territory: TerritoryClient) => async (_root: unknown, { input }: MutationRecordAssemblyArgs, ctx: GovernanceContext) => {
  const body = bodyId(input.bodyId, 'input.bodyId');
  const replay = await alreadyRecorded(ctx, input);
  if (replay !== null) return (await ctx.loaders.assembly.load(replay))!;
  const id = await performWrite(ctx, ctx.policy, { action: 'recordAssembly', bodies: [body.id], input }, async (em) => {
    const heldOn = pastDate(input.heldOn, 'input.heldOn');
    const attendance = count(input.attendance, 'input.attendance');
    if (input.agenda.length < 1 || input.agenda.length > 50) throw badInput(`input.agenda needs 1 to 50 items; got ${input.agenda.length}`, { argument: 'input.agenda' });
    const agenda = input.agenda.map((item, i) => validText(item, `input.agenda[${i}]`, 3, 500));
    const decisions = validDecisions(input);

    const facts = await liveBody(territory, body.id, 'input.bodyId');
    await rememberState(em, facts);
    const bodySize = body.kind === 'council' ? facts.size : parliamentSeats(facts.size, rules);
    const unit = body.kind === 'council' ? 'families' : 'parliament seats';
    if (attendance > bodySize) throw badInput(`input.attendance ${attendance} is more than the ${bodySize} ${unit} of ${body.id} (${facts.name})`, { argument: 'input.attendance' });
    if (body.kind === 'commune') {
      decisions.forEach((d, i) => {
        const cast = d.votesFor + d.votesAgainst + d.votesAbstaining;
        if (cast > attendance) throw badInput(`input.decisions[${i}] has ${cast} votes but only ${attendance} delegates were present`, { argument: `input.decisions[${i}]` });
      });
    }
    const quorum = quorumFor(body.kind, bodySize, rules);
    const assembly = em.create(Assembly, {
      bodyId: body.id,
      kind: quorum.kind,
      heldOn,
      attendance,
      quorumRule: quorum.rule,
      bodySize,
      bodySizeSource: facts.source.slice(0, 120),
      quorumRequired: quorum.required,
      quorate: attendance >= quorum.required,
      agenda,
      idempotencyKey: input.idempotencyKey == null ? null : input.idempotencyKey.trim(),
      syntheticFields: [],
      sources: ['recorded'],
    });
    await em.flush();
    for (const d of decisions) em.create(Decision, { assembly: assembly.id, ...d });
    await em.flush();
    return assembly.id;
  });
  return (await ctx.loaders.assembly.load(id))!;
};
