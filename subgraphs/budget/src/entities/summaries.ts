import { defineEntity, p } from '@mikro-orm/core';

/**
 * Summaries keyed by the state of the body (`known_body.state_id`, '' when unknown, so the nation still counts it),
 * kept current by triggers on the fact tables in the same transaction as every write (summaries/triggers.ts).
 * A state's or the nation's figures read a few hundred of these rows instead of joining thousands of bodies'
 * facts. Days, not months, so any period the API accepts is answered exactly.
 */

/** Money per (currency, day, state): transfers received, net ledger spent, cost committed by approval day. */
export const BudgetStateMoney = defineEntity({
  name: 'BudgetStateMoney',
  tableName: 'budget_state_money',
  properties: {
    currency: p.string().length(3).primary(),
    day: p.string().length(10).primary(),
    stateId: p.string().length(40).primary(),
    received: p.bigint().default(0),
    spent: p.bigint().default(0),
    committed: p.bigint().default(0),
  },
});

/** Projects per (day proposed, state, current status). */
export const BudgetStateProjects = defineEntity({
  name: 'BudgetStateProjects',
  tableName: 'budget_state_projects',
  properties: {
    day: p.string().length(10).primary(),
    stateId: p.string().length(40).primary(),
    status: p.string().length(20).primary(),
    projects: p.integer().default(0),
  },
});

/** Tallied circuits, eligible voters and ballots cast per (consultation round, state). */
export const BudgetStateTurnout = defineEntity({
  name: 'BudgetStateTurnout',
  tableName: 'budget_state_turnout',
  properties: {
    consultationId: p.integer().primary(),
    stateId: p.string().length(40).primary(),
    circuits: p.integer().default(0),
    eligibleVoters: p.bigint().default(0),
    ballotsCast: p.bigint().default(0),
  },
});
