import { fromJson, toInt } from '@comuna/subgraph-kit';
import type { ConsultationRow, FundingSourceRow, LedgerEntryRow, ProjectRow, TransferRow } from './rows.js';

/**
 * How each kind of row is read: its table, the columns (aliased to the row's field names) and the mapping that
 * normalises driver differences. Every read of these tables goes through here, so the SQL stays in one place.
 */
type Raw = Record<string, unknown>;

const provenance = (raw: Raw) => ({
  syntheticFields: fromJson<string[]>(raw.syntheticFields),
  sources: fromJson<string[]>(raw.sources),
});
const PROVENANCE = 'synthetic_fields as "syntheticFields", sources';

/** Integers of minor units come back as number (SQLite), bigint or string (PostgreSQL); all become bigint. */
export const toBig = (value: unknown): bigint => (value === null || value === undefined ? 0n : typeof value === 'bigint' ? value : BigInt(String(value)));
/** SQLite has no boolean type: 0/1 come back as numbers. */
export const toBool = (value: unknown): boolean => value === true || value === 1 || value === '1' || value === 't';
const nullableInt = (value: unknown) => (value === null || value === undefined ? null : toInt(value));

export const fundingSourceTable = {
  table: 'funding_source',
  columns: `id, name, kind, owner_body_id as "ownerBodyId", ${PROVENANCE}`,
  map: (raw: Raw): FundingSourceRow => ({
    id: toInt(raw.id),
    name: String(raw.name),
    kind: raw.kind as FundingSourceRow['kind'],
    ownerBodyId: (raw.ownerBodyId as string | null) ?? null,
    ...provenance(raw),
  }),
};

export const transferTable = {
  table: 'transfer',
  columns: `id, source_id as "sourceId", body_id as "bodyId", project_id as "projectId", amount_minor as "amountMinor", currency, transferred_on as "transferredOn", purpose, ${PROVENANCE}`,
  map: (raw: Raw): TransferRow => ({
    id: toInt(raw.id),
    sourceId: toInt(raw.sourceId),
    bodyId: String(raw.bodyId),
    projectId: nullableInt(raw.projectId),
    amount: { minor: toBig(raw.amountMinor), currency: String(raw.currency) },
    transferredOn: String(raw.transferredOn),
    purpose: String(raw.purpose),
    ...provenance(raw),
  }),
};

export const projectTable = {
  table: 'project',
  columns: `id, name, category, body_id as "bodyId", estimated_cost_minor as "costMinor", currency, status, proposed_on as "proposedOn", approved_on as "approvedOn", ${PROVENANCE}`,
  map: (raw: Raw): ProjectRow => ({
    id: toInt(raw.id),
    name: String(raw.name),
    category: raw.category as ProjectRow['category'],
    bodyId: String(raw.bodyId),
    estimatedCost: { minor: toBig(raw.costMinor), currency: String(raw.currency) },
    status: raw.status as ProjectRow['status'],
    proposedOn: String(raw.proposedOn),
    approvedOn: (raw.approvedOn as string | null) ?? null,
    ...provenance(raw),
  }),
};

export const ledgerTable = {
  table: 'ledger_entry',
  columns: `id, project_id as "projectId", body_id as "bodyId", amount_minor as "amountMinor", currency, paid_on as "paidOn", payee, description,
    assembly_minutes as "assemblyMinutes", funder_approval as "funderApproval", account_statement as "accountStatement",
    contracting_minutes as "contractingMinutes", quotes, invoice, receipt_minutes as "receiptMinutes", overspend_allowed as "overspendAllowed",
    reverses_id as "reversesId", ${PROVENANCE}`,
  map: (raw: Raw): LedgerEntryRow => ({
    id: toInt(raw.id),
    projectId: toInt(raw.projectId),
    bodyId: String(raw.bodyId),
    amount: { minor: toBig(raw.amountMinor), currency: String(raw.currency) },
    paidOn: String(raw.paidOn),
    payee: String(raw.payee),
    description: String(raw.description),
    documents: {
      assemblyMinutes: toBool(raw.assemblyMinutes),
      funderApproval: toBool(raw.funderApproval),
      accountStatement: toBool(raw.accountStatement),
      contractingMinutes: toBool(raw.contractingMinutes),
      quotes: toInt(raw.quotes),
      invoice: toBool(raw.invoice),
      receiptMinutes: toBool(raw.receiptMinutes),
    },
    overspendAllowed: toBool(raw.overspendAllowed),
    reversesId: nullableInt(raw.reversesId),
    ...provenance(raw),
  }),
};

export const consultationTable = {
  table: 'consultation',
  columns: `id, held_on as "heldOn", kind, funded_per_circuit as "fundedPerCircuit", minimum_voter_age as "minimumVoterAge", ${PROVENANCE}`,
  map: (raw: Raw): ConsultationRow => ({
    id: toInt(raw.id),
    heldOn: String(raw.heldOn),
    kind: raw.kind as ConsultationRow['kind'],
    fundedPerCircuit: toInt(raw.fundedPerCircuit),
    minimumVoterAge: toInt(raw.minimumVoterAge),
    ...provenance(raw),
  }),
};
