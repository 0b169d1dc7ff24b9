import { encodeCursor, pageWindow, toGlobalId } from '@comuna/subgraph-kit';
import type { BudgetContext } from '../context.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { ballotKey } from '../loaders/index.js';
import type { DocumentsRow, ProvenanceRow } from '../rows.js';
import { money, ratio } from './money.js';

const provenance = (row: ProvenanceRow) => ({ ...row, synthetic: row.syntheticFields.length > 0 });
const territory = (id: string) => ({ id });

/** The document chain of the open books, in the order a file is assembled. */
const DOCUMENT_CHAIN = ['assemblyMinutes', 'funderApproval', 'accountStatement', 'contractingMinutes', 'quotes', 'invoice', 'receiptMinutes'] as const;

/** Which of the open books' documents a payment lacks; fewer than three quotes counts as missing quotes. */
export function missingDocuments(documents: DocumentsRow): string[] {
  return DOCUMENT_CHAIN.filter((name) => (name === 'quotes' ? documents.quotes < 3 : !documents[name]));
}

/** Id-ordered child pages: the cursor carries the last id. */
function childPage<R extends { id: number }>(rows: R[], limit: number, totalCount: number) {
  const edges = rows.slice(0, limit).map((node) => ({ cursor: encodeCursor({ value: node.id, id: node.id }), node }));
  return { edges, pageInfo: { hasNextPage: rows.length > limit, startCursor: edges[0]?.cursor ?? null, endCursor: edges.at(-1)?.cursor ?? null }, totalCount };
}

export function idPage(args: { first?: number | null; after?: string | null }) {
  const { limit, after } = pageWindow(args);
  return { limit, afterId: after?.id ?? 0 };
}

export { childPage };

const load = <T>(value: T | null | undefined): T => value!;

/** Field resolvers of the open books; every relation goes through a loader. */
export const typeResolvers: Resolvers = {
  FundingSource: {
    __resolveReference: (ref, ctx) => ctx.loaders.fundingSource.load(Number(String(ref.id).split(':')[1])) as never,
    id: (row) => toGlobalId('source', row.id),
    owner: (row) => (row.ownerBodyId ? territory(row.ownerBodyId) : null),
    provenance,
  },
  Transfer: {
    __resolveReference: (ref, ctx) => ctx.loaders.transfer.load(Number(String(ref.id).split(':')[1])) as never,
    id: (row) => toGlobalId('transfer', row.id),
    source: async (row, _args, ctx) => load(await ctx.loaders.fundingSource.load(row.sourceId)),
    body: (row) => territory(row.bodyId),
    project: (row, _args, ctx) => (row.projectId === null ? null : ctx.loaders.project.load(row.projectId)),
    amount: (row) => money(row.amount.minor, row.amount.currency),
    provenance,
  },
  Project: {
    __resolveReference: (ref, ctx) => ctx.loaders.project.load(Number(String(ref.id).split(':')[1])) as never,
    id: (row) => toGlobalId('project', row.id),
    body: (row) => territory(row.bodyId),
    estimatedCost: (row) => money(row.estimatedCost.minor, row.estimatedCost.currency),
    history: (row, _args, ctx) => ctx.loaders.history.load(row.id),
    funds: async (row, _args, ctx) => {
      const funds = load(await ctx.loaders.projectFunds.load(row.id));
      return {
        received: money(funds.received, funds.currency),
        spent: money(funds.spent, funds.currency),
        available: money(funds.received - funds.spent, funds.currency),
      };
    },
    ledger: async (row, args, ctx) => {
      const { limit, afterId } = idPage(args);
      const found = await ctx.loaders.ledgerOfProject.load({ parentId: row.id, limit, afterId });
      return childPage(found.rows, limit, found.totalCount);
    },
    provenance,
  },
  LedgerEntry: {
    __resolveReference: (ref, ctx) => ctx.loaders.ledgerEntry.load(Number(String(ref.id).split(':')[1])) as never,
    id: (row) => toGlobalId('entry', row.id),
    project: async (row, _args, ctx) => load(await ctx.loaders.project.load(row.projectId)),
    amount: (row) => money(row.amount.minor, row.amount.currency),
    documents: (row) => {
      const missing = missingDocuments(row.documents);
      return { ...row.documents, missing, complete: missing.length === 0 };
    },
    reverses: (row, _args, ctx) => (row.reversesId === null ? null : ctx.loaders.ledgerEntry.load(row.reversesId)),
    reversedBy: (row, _args, ctx) => ctx.loaders.reversalOf.load(row.id),
    provenance,
  },
  Consultation: {
    __resolveReference: (ref, ctx) => ctx.loaders.consultation.load(Number(String(ref.id).split(':')[1])) as never,
    id: (row) => toGlobalId('consultation', row.id),
    ballots: async (row, args, ctx: BudgetContext) => {
      const { limit, afterId } = idPage(args);
      // Ballots are ordered by the circuit's number; the cursor carries it.
      const number = `cast(substr(circuit_id, 9) as integer)`;
      const [rows, count] = await Promise.all([
        limit === 0
          ? Promise.resolve([])
          : ctx.em.execute(`select distinct circuit_id as "circuitId", ${number} as n from proposal where consultation_id = ? and ${number} > ? order by n limit ?`, [row.id, afterId, limit + 1]),
        ctx.em.execute('select count(distinct circuit_id) as n from proposal where consultation_id = ?', [row.id]),
      ]);
      const ballots = rows.map((r) => ({ id: Number(r.n), consultationId: row.id, circuitId: String(r.circuitId) }));
      return childPage(ballots, limit, Number(count[0]!.n));
    },
    ballot: async (row, { circuitId }, ctx) => {
      const proposals = await ctx.loaders.proposalsByBallot.load(ballotKey(row.id, circuitId));
      return proposals.length ? { consultationId: row.id, circuitId } : null;
    },
    officialCounts: async (row, _args, ctx) => (await ctx.loaders.consultationCounts.load(row.id)) ?? { proposed: 0, selected: 0, circuitsTallied: 0 },
    provenance,
  },
  CircuitBallot: {
    circuit: (row) => territory(row.circuitId),
    consultation: async (row, _args, ctx) => load(await ctx.loaders.consultation.load(row.consultationId)),
    proposals: (row, _args, ctx) => ctx.loaders.proposalsByBallot.load(ballotKey(row.consultationId, row.circuitId)),
    tally: (row, _args, ctx) => ctx.loaders.tally.load(ballotKey(row.consultationId, row.circuitId)),
  },
  CircuitTally: {
    turnout: (row) => ratio(BigInt(row.ballotsCast), BigInt(row.eligibleVoters)) ?? '0.0000',
  },
  Proposal: {
    __resolveReference: (ref, ctx) => ctx.loaders.proposal.load(Number(String(ref.id).split(':')[1])) as never,
    id: (row) => toGlobalId('proposal', row.id),
    project: async (row, _args, ctx) => load(await ctx.loaders.project.load(row.projectId)),
  },
};
