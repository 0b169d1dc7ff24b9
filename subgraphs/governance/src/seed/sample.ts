import { isPostgres } from '@comuna/subgraph-kit';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { Assembly, Decision, Election, Federation, FederationMember, Mandate, Organ, Recall, Spokesperson } from '../entities/index.js';
import type { GovernanceRules } from '../rules/config.js';
import { buildGovernanceSample } from './build.js';

/**
 * Loads the sample governance records into an empty database, in one transaction, with explicit ids that refer
 * to the sample territory's bodies. Does nothing if any organ exists.
 */
export async function seedSample(em: SqlEntityManager, rules: GovernanceRules): Promise<boolean> {
  const existing = await em.execute('select count(*) as n from organ');
  if (Number(existing[0]!.n) > 0) return false;
  const s = buildGovernanceSample(rules);
  await em.transactional(async (tx) => {
    await tx.insertMany(Organ, s.organs);
    await tx.insertMany(Spokesperson, s.spokespersons);
    await tx.insertMany(Election, s.elections.map(({ organId, electoralCommissionId, ...e }) => ({ ...e, organ: organId, electoralCommission: electoralCommissionId })));
    await tx.insertMany(Mandate, s.mandates.map(({ spokespersonId, organId, electionId, ...m }) => ({ ...m, spokesperson: spokespersonId, organ: organId, election: electionId })));
    await tx.insertMany(Assembly, s.assemblies);
    await tx.insertMany(Decision, s.decisions.map(({ assemblyId, ...d }) => ({ ...d, assembly: assemblyId })));
    await tx.insertMany(Recall, s.recalls.map(({ mandateId, decisionId, ...r }) => ({ ...r, mandate: mandateId, decision: decisionId })));
    await tx.insertMany(Federation, s.federations);
    await tx.insertMany(FederationMember, s.federationMembers.map(({ federationId, ...m }) => ({ ...m, federation: federationId })));
    if (isPostgres(tx as SqlEntityManager)) {
      // Explicit ids leave PostgreSQL's sequences behind; move them past the sample so new rows get fresh ids.
      for (const table of ['organ', 'spokesperson', 'election', 'mandate', 'assembly', 'decision', 'recall', 'federation', 'federation_member']) {
        await tx.execute(`select setval(pg_get_serial_sequence('${table}', 'id'), (select max(id) from ${table}))`);
      }
    }
  });
  return true;
}
