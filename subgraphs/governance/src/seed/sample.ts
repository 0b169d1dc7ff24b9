import { isPostgres } from '@comuna/subgraph-kit';
import type { SqlEntityManager } from '@mikro-orm/sql';
import { sampleTerritory } from '@comuna/sample-data';
import { Assembly, BodyState, Decision, Election, Federation, FederationMember, Mandate, Organ, Recall, Spokesperson } from '../entities/index.js';
import type { GovernanceRules } from '../rules/config.js';
import { buildGovernanceSample } from './build.js';

/** The state every sample council (where it is located) and commune (its seat) counts in, as territory has it. */
export function sampleBodyStates(): { bodyId: string; stateId: string }[] {
  const territory = sampleTerritory();
  const stateOfMunicipality = new Map(territory.municipalities.map((m) => [m.id, m.stateId]));
  const stateOfParish = new Map(territory.parishes.map((p) => [p.id, stateOfMunicipality.get(p.municipalityId)!]));
  return [
    ...territory.councils.map((c) => ({ bodyId: `council:${c.id}`, stateId: `state:${stateOfParish.get(c.parishId)}` })),
    ...territory.communes.map((c) => ({ bodyId: `commune:${c.id}`, stateId: `state:${c.seatStateId}` })),
  ];
}

/**
 * Loads the sample governance records into an empty database, in one transaction, with explicit ids that refer
 * to the sample territory's bodies. Does nothing if any organ exists.
 */
export async function seedSample(em: SqlEntityManager, rules: GovernanceRules): Promise<boolean> {
  const existing = await em.execute('select count(*) as n from organ');
  if (Number(existing[0]!.n) > 0) return false;
  const s = buildGovernanceSample(rules);
  await em.transactional(async (tx) => {
    // The state map first: the summary triggers read it as each fact row arrives.
    await tx.insertMany(BodyState, sampleBodyStates());
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
