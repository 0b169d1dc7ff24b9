import { defineEntity, p } from '@mikro-orm/core';

/**
 * Governance summaries keyed by the state of the body (`body_state`, '' when unknown, so the nation still counts
 * it) and the day, kept current by triggers on the fact tables in the same transaction as every write
 * (summaries/triggers.ts). A state's or the nation's figures read these instead of joining thousands of bodies.
 */

/** Assemblies held per (state, day, kind): how many, how many quorate, attendance and body sizes summed. */
export const GovernanceStateAssemblies = defineEntity({
  name: 'GovernanceStateAssemblies',
  tableName: 'governance_state_assemblies',
  properties: {
    stateId: p.string().length(40).primary(),
    day: p.string().length(10).primary(),
    kind: p.string().length(30).primary(),
    held: p.integer().default(0),
    quorate: p.integer().default(0),
    attendance: p.bigint().default(0),
    bodySize: p.bigint().default(0),
  },
});

/** Decisions per (state, day of their assembly): adopted (quorate and carried) and voided (not quorate). */
export const GovernanceStateDecisions = defineEntity({
  name: 'GovernanceStateDecisions',
  tableName: 'governance_state_decisions',
  properties: {
    stateId: p.string().length(40).primary(),
    day: p.string().length(10).primary(),
    adopted: p.integer().default(0),
    voided: p.integer().default(0),
  },
});

/**
 * Mandates coming into force (+1) and leaving it (-1) per (state, day): the mandates in force on a day are the
 * sum of the changes up to it (a mandate is in force from its start to its term's end or its revocation).
 */
export const GovernanceStateMandates = defineEntity({
  name: 'GovernanceStateMandates',
  tableName: 'governance_state_mandates',
  properties: {
    stateId: p.string().length(40).primary(),
    day: p.string().length(10).primary(),
    change: p.integer().default(0),
  },
});

/** Recalls per (state, day decided). */
export const GovernanceStateRecalls = defineEntity({
  name: 'GovernanceStateRecalls',
  tableName: 'governance_state_recalls',
  properties: {
    stateId: p.string().length(40).primary(),
    day: p.string().length(10).primary(),
    recalls: p.integer().default(0),
  },
});
