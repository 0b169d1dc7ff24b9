import type { ProjectStatus } from './entities/project.js';

/** Rows the resolvers pass around: plain objects read by SQL, never hydrated entities (see tables.ts). */
export interface ProvenanceRow {
  syntheticFields: string[];
  sources: string[];
}

/** Money as read from SQL: integer minor units (bigint, exact) and the ISO 4217 code. */
export interface MoneyRow {
  minor: bigint;
  currency: string;
}

export interface FundingSourceRow extends ProvenanceRow {
  id: number;
  name: string;
  kind: 'MINISTRY' | 'MISSION' | 'INTERTERRITORIAL_FUND' | 'COMMUNAL_BANK' | 'OWN_REVENUE';
  ownerBodyId: string | null;
}

export interface TransferRow extends ProvenanceRow {
  id: number;
  sourceId: number;
  bodyId: string;
  projectId: number | null;
  amount: MoneyRow;
  transferredOn: string;
  purpose: string;
}

export interface ProjectRow extends ProvenanceRow {
  id: number;
  name: string;
  category: 'HOUSING' | 'WATER' | 'ROADS' | 'ELECTRICITY' | 'HEALTH' | 'EDUCATION' | 'PRODUCTION' | 'CULTURE' | 'OTHER';
  bodyId: string;
  estimatedCost: MoneyRow;
  status: ProjectStatus;
  proposedOn: string;
  approvedOn: string | null;
}

export interface ProjectStatusChangeRow {
  projectId: number;
  status: ProjectStatus;
  previousStatus: ProjectStatus | null;
  effectiveOn: string;
  reason: string;
}

export interface ProjectFundsRow {
  currency: string;
  received: bigint;
  spent: bigint;
}

export interface DocumentsRow {
  assemblyMinutes: boolean;
  funderApproval: boolean;
  accountStatement: boolean;
  contractingMinutes: boolean;
  quotes: number;
  invoice: boolean;
  receiptMinutes: boolean;
}

export interface LedgerEntryRow extends ProvenanceRow {
  id: number;
  projectId: number;
  bodyId: string;
  amount: MoneyRow;
  paidOn: string;
  payee: string;
  description: string;
  documents: DocumentsRow;
  overspendAllowed: boolean;
  reversesId: number | null;
}

export interface ConsultationRow extends ProvenanceRow {
  id: number;
  heldOn: string;
  kind: 'GENERAL' | 'YOUTH';
  fundedPerCircuit: number;
  minimumVoterAge: number;
}

/** A proposal with its place in its circuit's result (rank and selection are computed in SQL). */
export interface ProposalRow {
  id: number;
  consultationId: number;
  circuitId: string;
  projectId: number;
  ballotPosition: number;
  votes: number | null;
  rank: number | null;
  selected: boolean;
}

export interface CircuitTallyRow {
  consultationId: number;
  circuitId: string;
  eligibleVoters: number;
  ballotsCast: number;
  invalidBallots: number;
  recordedOn: string;
}

/** One circuit's ballot in one round. */
export interface CircuitBallotRow {
  consultationId: number;
  circuitId: string;
}

export interface ConsultationCountsRow {
  proposed: number;
  selected: number;
  circuitsTallied: number;
}

/** The scope a Territory representation carries, as the territory subgraph provides it. */
export interface TerritoryScopeRow {
  everything: boolean;
  councilIds: string[];
  communeIds: string[];
  circuitIds: string[];
  /** A state's own id: its figures come from the state summaries, or its bodies from known_body's state. */
  stateId?: string | null;
}

/** A territory as this subgraph sees it: its id and, when the gateway sent it, its scope. */
export interface TerritoryRow {
  id: string;
  scope?: TerritoryScopeRow;
  /** A dashboard level's communes' scopes as compact text (ADR 0005), when a dashboard asks for facts. */
  dashboardScopes?: string | null;
}

/** What a territory's budget figures are asked for: whom, over which days, in which currency. */
export interface BudgetFiguresRow {
  territoryId: string;
  scope: TerritoryScopeRow;
  from: string;
  to: string;
  currency: string;
  /** false when the caller did not select `committed`, the one money figure that reads approved projects. */
  withCommitted?: boolean;
}

export interface ConsultationFiguresRow extends BudgetFiguresRow {
  kind: 'consultations';
}

export interface BodyBalanceRow {
  bodyId: string;
  currency: string;
  received: bigint;
  spent: bigint;
}
