import { fromJson, toInt } from '@comuna/subgraph-kit';
import type { AssemblyRow, DecisionRow, ElectionRow, FederationMemberRow, FederationRow, MandateRow, OrganRow, RecallRow, SpokespersonRow } from './rows.js';

/**
 * How each kind of row is read: its table, the columns (aliased to the row's field names) and the mapping that
 * normalises driver differences (SQLite booleans are 0/1, its JSON is text; PostgreSQL counts are strings).
 * Every read goes through here, so the SQL stays in one place.
 */
type Raw = Record<string, unknown>;

export interface Table<R> {
  table: string;
  columns: string;
  map(raw: Raw): R;
}

const provenanceColumns = 'synthetic_fields as "syntheticFields", sources';
const provenance = (raw: Raw) => ({ syntheticFields: fromJson<string[]>(raw.syntheticFields), sources: fromJson<string[]>(raw.sources) });
const bool = (value: unknown) => value === true || value === 1 || value === '1' || value === 't';
const nullableInt = (value: unknown) => (value === null || value === undefined ? null : toInt(value));
const nullableString = (value: unknown) => (value === null || value === undefined ? null : String(value));

export const assemblyTable: Table<AssemblyRow> = {
  table: 'assembly',
  columns: `id, body_id as "bodyId", kind, held_on as "heldOn", attendance, quorum_rule as "quorumRule", body_size as "bodySize", body_size_source as "bodySizeSource", quorum_required as "quorumRequired", quorate, agenda, ${provenanceColumns}`,
  map: (raw) => ({
    id: toInt(raw.id),
    bodyId: String(raw.bodyId),
    kind: raw.kind as AssemblyRow['kind'],
    heldOn: String(raw.heldOn),
    attendance: toInt(raw.attendance),
    quorumRule: raw.quorumRule as AssemblyRow['quorumRule'],
    bodySize: toInt(raw.bodySize),
    bodySizeSource: String(raw.bodySizeSource),
    quorumRequired: toInt(raw.quorumRequired),
    quorate: bool(raw.quorate),
    agenda: fromJson<string[]>(raw.agenda),
    ...provenance(raw),
  }),
};

/** Decisions are always read joined to their assembly (alias `a`), for the quorum that decides their validity. */
export const decisionTable: Table<DecisionRow> = {
  table: 'decision d join assembly a on a.id = d.assembly_id',
  columns: 'd.id, d.assembly_id as "assemblyId", d.position, d.text, d.votes_for as "votesFor", d.votes_against as "votesAgainst", d.votes_abstaining as "votesAbstaining", d.carried, a.quorate, a.held_on as "heldOn"',
  map: (raw) => ({
    id: toInt(raw.id),
    assemblyId: toInt(raw.assemblyId),
    position: toInt(raw.position),
    text: String(raw.text),
    votesFor: toInt(raw.votesFor),
    votesAgainst: toInt(raw.votesAgainst),
    votesAbstaining: toInt(raw.votesAbstaining),
    carried: bool(raw.carried),
    quorate: bool(raw.quorate),
    heldOn: String(raw.heldOn),
  }),
};

export const organTable: Table<OrganRow> = {
  table: 'organ',
  columns: `id, body_id as "bodyId", kind, name, topic, created_on as "createdOn", principal_seats as "principalSeats", substitute_seats as "substituteSeats", ${provenanceColumns}`,
  map: (raw) => ({
    id: toInt(raw.id),
    bodyId: String(raw.bodyId),
    kind: raw.kind as OrganRow['kind'],
    name: String(raw.name),
    topic: nullableString(raw.topic),
    createdOn: String(raw.createdOn),
    principalSeats: toInt(raw.principalSeats),
    substituteSeats: toInt(raw.substituteSeats),
    ...provenance(raw),
  }),
};

export const spokespersonTable: Table<SpokespersonRow> = {
  table: 'spokesperson',
  columns: `id, name, ${provenanceColumns}`,
  map: (raw) => ({ id: toInt(raw.id), name: String(raw.name), ...provenance(raw) }),
};

export const electionTable: Table<ElectionRow> = {
  table: 'election',
  columns: 'id, organ_id as "organId", held_on as "heldOn", electoral_commission_id as "electoralCommissionId"',
  map: (raw) => ({ id: toInt(raw.id), organId: toInt(raw.organId), heldOn: String(raw.heldOn), electoralCommissionId: nullableInt(raw.electoralCommissionId) }),
};

export const mandateTable: Table<MandateRow> = {
  table: 'mandate',
  columns: `id, spokesperson_id as "spokespersonId", organ_id as "organId", role, seat, on_behalf_of as "onBehalfOf", election_id as "electionId", start_on as "startOn", term_ends_on as "termEndsOn", revoked_on as "revokedOn", ${provenanceColumns}`,
  map: (raw) => ({
    id: toInt(raw.id),
    spokespersonId: toInt(raw.spokespersonId),
    organId: toInt(raw.organId),
    role: raw.role as MandateRow['role'],
    seat: toInt(raw.seat),
    onBehalfOf: nullableString(raw.onBehalfOf),
    electionId: toInt(raw.electionId),
    startOn: String(raw.startOn),
    termEndsOn: String(raw.termEndsOn),
    revokedOn: nullableString(raw.revokedOn),
    ...provenance(raw),
  }),
};

export const recallTable: Table<RecallRow> = {
  table: 'recall',
  columns: 'id, mandate_id as "mandateId", requested_by as "requestedBy", requested_on as "requestedOn", signatures, eligible_residents as "eligibleResidents", reported_on as "reportedOn", decision_id as "decisionId", decided_on as "decidedOn"',
  map: (raw) => ({
    id: toInt(raw.id),
    mandateId: toInt(raw.mandateId),
    requestedBy: raw.requestedBy as RecallRow['requestedBy'],
    requestedOn: String(raw.requestedOn),
    signatures: nullableInt(raw.signatures),
    eligibleResidents: nullableInt(raw.eligibleResidents),
    reportedOn: String(raw.reportedOn),
    decisionId: toInt(raw.decisionId),
    decidedOn: String(raw.decidedOn),
  }),
};

export const federationTable: Table<FederationRow> = {
  table: 'federation',
  columns: `id, name, founded_on as "foundedOn", founded_at as "foundedAt", ${provenanceColumns}`,
  map: (raw) => ({ id: toInt(raw.id), name: String(raw.name), foundedOn: String(raw.foundedOn), foundedAt: String(raw.foundedAt), ...provenance(raw) }),
};

export const federationMemberTable: Table<FederationMemberRow> = {
  table: 'federation_member',
  columns: `id, federation_id as "federationId", kind, name, commune_id as "communeId", joined_on as "joinedOn", ${provenanceColumns}`,
  map: (raw) => ({
    id: toInt(raw.id),
    federationId: toInt(raw.federationId),
    kind: raw.kind as FederationMemberRow['kind'],
    name: String(raw.name),
    communeId: nullableString(raw.communeId),
    joinedOn: String(raw.joinedOn),
    ...provenance(raw),
  }),
};
