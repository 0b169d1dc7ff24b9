import { CircuitTally } from './circuit-tally.js';
import { Consultation } from './consultation.js';
import { FundingSource } from './funding-source.js';
import { KnownBody } from './known-body.js';
import { LedgerEntry } from './ledger-entry.js';
import { Project } from './project.js';
import { ProjectStatusChange } from './project-status-change.js';
import { Proposal } from './proposal.js';
import { BudgetStateMoney, BudgetStateProjects, BudgetStateTurnout } from './summaries.js';
import { Transfer } from './transfer.js';

export { BudgetStateMoney, BudgetStateProjects, BudgetStateTurnout, CircuitTally, Consultation, FundingSource, KnownBody, LedgerEntry, Project, ProjectStatusChange, Proposal, Transfer };
export const entities = [KnownBody, FundingSource, Project, ProjectStatusChange, Transfer, Consultation, Proposal, CircuitTally, LedgerEntry, BudgetStateMoney, BudgetStateProjects, BudgetStateTurnout];
