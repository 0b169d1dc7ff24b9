import { badInput, conflict, parseGlobalId, performWrite, toInt, trackedUpdate } from '@comuna/subgraph-kit';
import type { BudgetContext } from '../context.js';
import { CircuitTally, Proposal } from '../entities/index.js';
import type { MutationRecordTallyArgs } from '../generated/resolvers-types.js';
import { count, existingRow, knownBody, pastDate } from './validate.js';

/**
 * Records a circuit's tally: counts per proposal and turnout, never anything about a voter. Every proposal of
 * the slate must be counted exactly once, and ballots (valid votes plus invalid ballots) may not exceed the
 * eligible voters. A repeat of the same figures is a no-op (retries from the field are expected); different
 * figures for a tallied circuit are a CONFLICT, never a second count.
 */
export const recordTally = async (_root: unknown, { input }: MutationRecordTallyArgs, ctx: BudgetContext) => {
  const consultationKey = parseGlobalId(input.consultationId, 'consultation', 'input.consultationId');
  await performWrite(ctx, ctx.policy, { action: 'recordTally', bodies: [input.circuitId], input }, async (em) => {
    const round = await existingRow(em, 'consultation', 'consultation', 'id, held_on as "heldOn"', input.consultationId, 'input.consultationId');
    const circuit = await knownBody(em, input.circuitId, 'input.circuitId');
    if (circuit.kind !== 'circuit') throw badInput(`input.circuitId "${input.circuitId}" is not a circuit id (circuit:<n>)`, { argument: 'input.circuitId' });
    const recordedOn = pastDate(input.recordedOn, 'input.recordedOn');
    if (recordedOn < String(round.heldOn)) throw badInput(`input.recordedOn ${recordedOn} is before the round (${String(round.heldOn)})`, { argument: 'input.recordedOn' });
    const eligible = count(input.eligibleVoters, 'input.eligibleVoters');
    const invalid = count(input.invalidBallots, 'input.invalidBallots');

    const slate = await em.execute('select id, votes from proposal where consultation_id = ? and circuit_id = ?', [consultationKey, input.circuitId]);
    if (!slate.length) throw conflict(`${input.circuitId} has no ballot in ${input.consultationId}; add its proposals first`, { argument: 'input.circuitId' });
    const onSlate = new Set(slate.map((p) => toInt(p.id)));
    const votes = new Map<number, number>();
    for (const [i, entry] of input.votes.entries()) {
      const argument = `input.votes[${i}]`;
      const key = parseGlobalId(entry.proposalId, 'proposal', `${argument}.proposalId`);
      if (!onSlate.has(key)) throw badInput(`${entry.proposalId} is not on the ${input.circuitId} ballot of ${input.consultationId}`, { argument: `${argument}.proposalId` });
      if (votes.has(key)) throw badInput(`${entry.proposalId} is counted twice`, { argument: `${argument}.proposalId` });
      votes.set(key, count(entry.votes, `${argument}.votes`));
    }
    const uncounted = [...onSlate].filter((key) => !votes.has(key));
    if (uncounted.length) throw badInput(`input.votes must count every proposal of the ballot; missing ${uncounted.map((k) => `proposal:${k}`).join(', ')}`, { argument: 'input.votes' });
    const ballotsCast = [...votes.values()].reduce((a, b) => a + b, 0) + invalid;
    if (ballotsCast > eligible) {
      throw badInput(`${ballotsCast} ballots (votes plus invalid) exceed the ${eligible} eligible voters of ${input.circuitId}`, { argument: 'input.eligibleVoters' });
    }

    const [existing] = await em.execute('select eligible_voters as e, invalid_ballots as i from circuit_tally where consultation_id = ? and circuit_id = ?', [consultationKey, input.circuitId]);
    if (existing) {
      const same = toInt(existing.e) === eligible && toInt(existing.i) === invalid && slate.every((p) => toInt(p.votes) === votes.get(toInt(p.id)));
      if (same) return { unchanged: true };
      throw conflict(`${input.circuitId} is already tallied in ${input.consultationId} with different figures; a tally is recorded once`, { argument: 'input.circuitId' });
    }
    em.create(CircuitTally, { consultation: consultationKey, circuitId: input.circuitId, eligibleVoters: eligible, ballotsCast, invalidBallots: invalid, recordedOn });
    await em.flush();
    // Counts per proposal only: nothing about a voter exists to be recorded, here or in the audit entry.
    await trackedUpdate(em, Proposal, [...votes.keys()], async () => {
      for (const [key, n] of votes) await em.execute('update proposal set votes = ? where id = ?', [n, key]);
    });
    return { unchanged: false };
  });
  return { consultationId: consultationKey, circuitId: input.circuitId };
};
