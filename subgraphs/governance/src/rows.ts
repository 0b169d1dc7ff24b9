import type { AssemblyKind, QuorumRule } from './entities/assembly.js';
import type { MandateRole } from './entities/mandate.js';
import type { OrganKind } from './entities/organ.js';
import type { RecallRequester } from './entities/recall.js';

/** Rows the resolvers pass around: plain objects read by SQL, never hydrated entities (see loaders/). */
export interface ProvenanceRow {
  syntheticFields: string[];
  sources: string[];
}

export interface AssemblyRow extends ProvenanceRow {
  id: number;
  bodyId: string;
  kind: AssemblyKind;
  heldOn: string;
  attendance: number;
  quorumRule: QuorumRule;
  bodySize: number;
  bodySizeSource: string;
  quorumRequired: number;
  quorate: boolean;
  agenda: string[];
}

export interface DecisionRow {
  id: number;
  assemblyId: number;
  position: number;
  text: string;
  votesFor: number;
  votesAgainst: number;
  votesAbstaining: number;
  carried: boolean;
  /** The assembly's quorum, read with the decision so its validity costs no second lookup. */
  quorate: boolean;
  heldOn: string;
}

export interface OrganRow extends ProvenanceRow {
  id: number;
  bodyId: string;
  kind: OrganKind;
  name: string;
  topic: string | null;
  createdOn: string;
  principalSeats: number;
  substituteSeats: number;
}

export interface SpokespersonRow extends ProvenanceRow {
  id: number;
  name: string;
}

export interface ElectionRow {
  id: number;
  organId: number;
  heldOn: string;
  electoralCommissionId: number | null;
}

export interface MandateRow extends ProvenanceRow {
  id: number;
  spokespersonId: number;
  organId: number;
  role: MandateRole;
  seat: number;
  onBehalfOf: string | null;
  electionId: number;
  startOn: string;
  termEndsOn: string;
  revokedOn: string | null;
}

export interface RecallRow {
  id: number;
  mandateId: number;
  requestedBy: RecallRequester;
  requestedOn: string;
  signatures: number | null;
  eligibleResidents: number | null;
  reportedOn: string;
  decisionId: number;
  decidedOn: string;
}

export interface FederationRow extends ProvenanceRow {
  id: number;
  name: string;
  foundedOn: string;
  foundedAt: string;
}

export interface FederationMemberRow extends ProvenanceRow {
  id: number;
  federationId: number;
  kind: 'COMMUNE' | 'MOVEMENT';
  name: string;
  communeId: string | null;
  joinedOn: string;
}

export interface GovernanceFiguresRow {
  from: string;
  to: string;
  assembliesHeld: number;
  quorateAssemblies: number;
  attendanceSum: number;
  bodySizeSum: number;
  /** Citizens' assemblies only, whose attendance counts families (parliament sessions count delegates). */
  citizensAssemblies: number;
  familiesPresent: number;
  lastAssemblyOn: string | null;
  decisionsAdopted: number;
  decisionsVoid: number;
  activeMandates: number;
  recalls: number;
}

/** What the gateway sends for a Territory: its id and the bodies inside it (from territory's `scope`). */
export interface TerritoryRef {
  id: string;
  /** `stateId` is set for a state only: its figures come from the state summaries, its lists are not read. */
  scope?: { everything: boolean; councilIds: string[]; communeIds: string[]; circuitIds: string[]; stateId?: string | null };
  /** A dashboard level's communes' scopes as compact text (ADR 0005), when a dashboard asks for facts. */
  dashboardScopes?: string | null;
}
