import { defineEntity, p } from '@mikro-orm/core';
import { Project } from './project.js';
import { provenanceProperties } from './provenance.js';

/**
 * One line of the open books. Append-only: a correction is a new entry with the opposite amount that points at
 * the one it reverses (unique, so an entry is reversed at most once). `bodyId` is the project's, copied so body
 * roll-ups need no join.
 */
export const LedgerEntry = defineEntity({
  name: 'LedgerEntry',
  tableName: 'ledger_entry',
  properties: {
    id: p.integer().primary(),
    project: () => p.manyToOne(Project).index(),
    bodyId: p.string().length(40).index(),
    amountMinor: p.bigint(),
    currency: p.string().length(3),
    paidOn: p.string().length(10).index(),
    payee: p.string().length(200),
    description: p.string().length(500),
    assemblyMinutes: p.boolean(),
    funderApproval: p.boolean(),
    accountStatement: p.boolean(),
    contractingMinutes: p.boolean(),
    quotes: p.integer(),
    invoice: p.boolean(),
    receiptMinutes: p.boolean(),
    overspendAllowed: p.boolean(),
    reversesId: p.integer().nullable().unique(),
    ...provenanceProperties(),
  },
});
