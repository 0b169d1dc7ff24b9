import type { Resolvers } from '../generated/resolvers-types.js';
import type { GovernanceRules } from '../rules/config.js';
import type { TerritoryClient } from '../territory/client.js';
import { createCommittee } from './create-committee.js';
import { electSpokesperson } from './elect-spokesperson.js';
import { linkSpokespersonIdentity } from './link-spokesperson-identity.js';
import { recallMandate } from './recall-mandate.js';
import { recordAssembly } from './record-assembly.js';

/** Every governance mutation; each goes through the write gate (performWrite). */
export function mutationResolvers(rules: GovernanceRules, territory: TerritoryClient): Resolvers['Mutation'] {
  return {
    recordAssembly: recordAssembly(rules, territory),
    electSpokesperson: electSpokesperson(rules),
    recallMandate: recallMandate(rules),
    createCommittee: createCommittee(rules, territory),
    linkSpokespersonIdentity,
  } as Resolvers['Mutation'];
}
