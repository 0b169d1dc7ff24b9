import { Assembly } from './assembly.js';
import { BodyState } from './body-state.js';
import { Decision } from './decision.js';
import { Election } from './election.js';
import { FederationMember } from './federation-member.js';
import { Federation } from './federation.js';
import { Mandate } from './mandate.js';
import { Organ } from './organ.js';
import { Recall } from './recall.js';
import { Spokesperson } from './spokesperson.js';
import { GovernanceStateAssemblies, GovernanceStateDecisions, GovernanceStateMandates, GovernanceStateRecalls } from './summaries.js';

export { Assembly, BodyState, Decision, GovernanceStateAssemblies, GovernanceStateDecisions, GovernanceStateMandates, GovernanceStateRecalls, Election, Federation, FederationMember, Mandate, Organ, Recall, Spokesperson };
export const entities = [Organ, Spokesperson, Election, Mandate, Assembly, Decision, Recall, Federation, FederationMember, BodyState, GovernanceStateAssemblies, GovernanceStateDecisions, GovernanceStateMandates, GovernanceStateRecalls];
/** Every table, in an order that respects foreign keys (for snapshots in tests). */
export const tables = ['organ', 'spokesperson', 'election', 'mandate', 'assembly', 'decision', 'recall', 'federation', 'federation_member', 'audit_entry', 'body_state', 'governance_state_assemblies', 'governance_state_decisions', 'governance_state_mandates', 'governance_state_recalls'];
