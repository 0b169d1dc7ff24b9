import { badInput, conflict, notFound, parseGlobalId, performWrite, trackedUpdate } from '@comuna/subgraph-kit';
import type { SqlEntityManager } from '@mikro-orm/sql';
import type { GovernanceContext } from '../context.js';
import { assemblyTable, decisionTable, mandateTable, organTable, type Table } from '../tables.js';
import { Mandate, Recall } from '../entities/index.js';
import type { MutationRecallMandateArgs } from '../generated/resolvers-types.js';
import type { GovernanceRules } from '../rules/config.js';
import { mandateStatus } from '../rules/mandate.js';
import { addDays, count, pastDate } from './validate.js';

type Input = MutationRecallMandateArgs['input'];

async function one<R>(em: SqlEntityManager, table: Table<R>, where: string, key: number): Promise<R | null> {
  const rows = await em.execute(`select ${table.columns} from ${table.table} where ${where}`, [key]);
  return rows[0] ? table.map(rows[0]) : null;
}

/** Residents ask with at least RECALL_SIGNATURE_PERCENT of those aged 15+; the social control unit needs none. */
function validRequest(input: Input, rules: GovernanceRules) {
  if (input.requestedBy === 'SOCIAL_CONTROL_UNIT') {
    if (input.signatures != null || input.eligibleResidents != null) {
      throw badInput('input.signatures and input.eligibleResidents apply only when residents ask for the recall', { argument: 'input.signatures' });
    }
    return { signatures: null, eligibleResidents: null };
  }
  if (input.signatures == null || input.eligibleResidents == null) {
    throw badInput('A residents\' recall request needs input.signatures and input.eligibleResidents (residents aged 15+)', { argument: 'input.signatures' });
  }
  const eligibleResidents = count(input.eligibleResidents, 'input.eligibleResidents', 1);
  const signatures = count(input.signatures, 'input.signatures', 0, eligibleResidents);
  const needed = Math.ceil((eligibleResidents * rules.RECALL_SIGNATURE_PERCENT) / 100);
  if (signatures < needed) {
    throw badInput(`input.signatures ${signatures} is below ${rules.RECALL_SIGNATURE_PERCENT} % of ${eligibleResidents} residents aged 15+: at least ${needed} are needed`, { argument: 'input.signatures' });
  }
  return { signatures, eligibleResidents };
}

/**
 * Revokes an active mandate: the request, the report within the configured days, and the adopted decision of the
 * council's citizens' assembly are all kept; the mandate ends on the decision date.
 */
export const recallMandate = (rules: GovernanceRules) => async (_root: unknown, { input }: MutationRecallMandateArgs, ctx: GovernanceContext) => {
  const mandateKey = parseGlobalId(input.mandateId, 'mandate', 'input.mandateId');
  const organ = await one(ctx.em, organTable, 'id = (select organ_id from mandate where id = ?)', mandateKey);
  if (!organ) throw notFound(`No mandate with id mandate:${mandateKey}`, { argument: 'input.mandateId' });
  await performWrite(ctx, ctx.policy, { action: 'recallMandate', bodies: [organ.bodyId], input }, async (em) => {
    // Read inside the transaction: the mandate's state must not change between this check and the write.
    const mandate = (await one(em, mandateTable, 'id = ?', mandateKey))!;
    const request = validRequest(input, rules);
    const requestedOn = pastDate(input.requestedOn, 'input.requestedOn');
    const reportedOn = pastDate(input.reportedOn, 'input.reportedOn');
    if (reportedOn < requestedOn) throw badInput(`input.reportedOn ${reportedOn} is before the request (${requestedOn})`, { argument: 'input.reportedOn' });
    const deadline = addDays(requestedOn, rules.RECALL_REPORT_DAYS);
    if (reportedOn > deadline) throw badInput(`input.reportedOn ${reportedOn} is later than ${rules.RECALL_REPORT_DAYS} days after the request (by ${deadline})`, { argument: 'input.reportedOn' });
    if (requestedOn < mandate.startOn) throw badInput(`input.requestedOn ${requestedOn} is before mandate:${mandate.id} began (${mandate.startOn})`, { argument: 'input.requestedOn' });

    // Whose citizens' assembly decides: the council the organ belongs to, or the council a parliament seat speaks for.
    const council = organ.bodyId.startsWith('council:') ? organ.bodyId : mandate.onBehalfOf?.startsWith('council:') ? mandate.onBehalfOf : null;
    if (!council) throw conflict(`mandate:${mandate.id} is not held for a council, so no citizens' assembly can recall it`, { argument: 'input.mandateId' });

    const decisionKey = parseGlobalId(input.decisionId, 'decision', 'input.decisionId');
    const decision = await one(em, decisionTable, 'd.id = ?', decisionKey);
    if (!decision) throw notFound(`No decision with id decision:${decisionKey}`, { argument: 'input.decisionId' });
    const assembly = (await one(em, assemblyTable, 'id = ?', decision.assemblyId))!;
    if (assembly.bodyId !== council || assembly.kind !== 'CITIZENS_ASSEMBLY') {
      throw badInput(`decision:${decisionKey} was taken by ${assembly.bodyId}, not by the citizens' assembly of ${council}`, { argument: 'input.decisionId' });
    }
    if (!assembly.quorate) throw conflict(`decision:${decisionKey} is void: its assembly of ${assembly.heldOn} did not meet quorum (${assembly.attendance} of ${assembly.quorumRequired} needed)`, { argument: 'input.decisionId' });
    if (!decision.carried) throw conflict(`decision:${decisionKey} was rejected (${decision.votesFor} for, ${decision.votesAgainst} against); the mandate stands`, { argument: 'input.decisionId' });
    if (assembly.heldOn < reportedOn) throw badInput(`decision:${decisionKey} (${assembly.heldOn}) came before the report (${reportedOn}); the assembly decides on the report`, { argument: 'input.decisionId' });

    const decidedOn = assembly.heldOn;
    if (mandate.revokedOn !== null) throw conflict(`mandate:${mandate.id} was already revoked on ${mandate.revokedOn}`, { argument: 'input.mandateId' });
    if (mandate.startOn > decidedOn || mandateStatus(mandate, decidedOn) !== 'ACTIVE') {
      throw conflict(`mandate:${mandate.id} is not active on ${decidedOn} (${mandateStatus(mandate, decidedOn).toLowerCase()}); only an active mandate can be recalled`, { argument: 'input.mandateId' });
    }
    em.create(Recall, { mandate: mandate.id, requestedBy: input.requestedBy, requestedOn, ...request, reportedOn, decision: decision.id, decidedOn });
    await em.flush();
    await trackedUpdate(em, Mandate, [mandate.id], () => em.execute('update mandate set revoked_on = ? where id = ?', [decidedOn, mandate.id]));
  });
  return (await ctx.loaders.mandate.load(mandateKey))!;
};
