import { badInput, conflict, notFound, parseGlobalId, performWrite, toInt } from '@comuna/subgraph-kit';
import type { BudgetContext } from '../context.js';
import { Proposal } from '../entities/index.js';
import type { MutationAddProposalArgs } from '../generated/resolvers-types.js';
import { MAX_SLATE } from './create-consultation.js';
import { existingRow, knownBody } from './validate.js';

/**
 * Puts a project on a circuit's slate for a round. The project must be PROPOSED and belong to the circuit or
 * to one of its councils (slates are made by the circuit's councils' assemblies); slates close at 7 and at the tally.
 */
export const addProposal = async (_root: unknown, { input }: MutationAddProposalArgs, ctx: BudgetContext) => {
  const projectKey = parseGlobalId(input.projectId, 'project', 'input.projectId');
  const project = await ctx.loaders.project.load(projectKey);
  if (!project) throw notFound(`No project with id ${input.projectId}`, { argument: 'input.projectId' });
  const id = await performWrite(ctx, ctx.policy, { action: 'addProposal', bodies: [input.circuitId, project.bodyId], input }, async (em) => {
    const round = await existingRow(em, 'consultation', 'consultation', 'id', input.consultationId, 'input.consultationId');
    const consultationKey = toInt(round.id);
    const circuit = await knownBody(em, input.circuitId, 'input.circuitId');
    if (circuit.kind !== 'circuit') throw badInput(`input.circuitId "${input.circuitId}" is not a circuit id (circuit:<n>)`, { argument: 'input.circuitId' });
    const owner = await knownBody(em, project.bodyId, 'input.projectId');
    if (owner.id !== input.circuitId && owner.circuitId !== input.circuitId) {
      throw conflict(`${input.projectId} belongs to ${project.bodyId}, which does not vote in ${input.circuitId}`, { argument: 'input.projectId' });
    }
    if (project.status !== 'PROPOSED') throw conflict(`${input.projectId} is ${project.status}; only PROPOSED projects go on a ballot`, { argument: 'input.projectId' });
    const tallied = await em.execute('select 1 from circuit_tally where consultation_id = ? and circuit_id = ?', [consultationKey, input.circuitId]);
    if (tallied.length) throw conflict(`${input.circuitId} is already tallied in ${input.consultationId}; its slate is closed`, { argument: 'input.circuitId' });
    const onSlate = await em.execute('select circuit_id as "circuitId" from proposal where consultation_id = ? and project_id = ?', [consultationKey, projectKey]);
    if (onSlate.length) throw conflict(`${input.projectId} is already on the ${String(onSlate[0]!.circuitId)} ballot of ${input.consultationId}`, { argument: 'input.projectId' });
    const [slate] = await em.execute('select count(*) as n, coalesce(max(ballot_position), 0) as last from proposal where consultation_id = ? and circuit_id = ?', [consultationKey, input.circuitId]);
    if (toInt(slate!.n) >= MAX_SLATE) throw conflict(`The ${input.circuitId} ballot of ${input.consultationId} already has ${MAX_SLATE} proposals`, { argument: 'input.circuitId' });
    const proposal = em.create(Proposal, {
      consultation: consultationKey,
      circuitId: input.circuitId,
      project: projectKey,
      ballotPosition: toInt(slate!.last) + 1,
      votes: null,
    });
    await em.flush();
    return proposal.id;
  });
  return (await ctx.loaders.proposal.load(id))!;
};
