import { toGlobalId, today } from '@comuna/subgraph-kit';
import type { Resolvers } from '../generated/resolvers-types.js';
import type { ProvenanceRow } from '../rows.js';
import { mandateStatus } from '../rules/mandate.js';
import { pageWindow } from '@comuna/subgraph-kit';

const provenance = (row: ProvenanceRow) => row;
const id = (kind: string) => (row: { id: number }) => toGlobalId(kind, row.id);

/** Field resolvers of governance records; every relation goes through a loader. */
export const typeResolvers: Resolvers = {
  Assembly: {
    id: id('assembly'),
    quorum: (row) => ({ rule: row.quorumRule, bodySize: row.bodySize, bodySizeSource: row.bodySizeSource, required: row.quorumRequired, present: row.attendance, met: row.quorate }),
    decisions: (row, _args, ctx) => ctx.loaders.decisionsByAssembly.load(row.id),
    provenance: (row) => provenance(row),
  },
  Decision: {
    id: id('decision'),
    valid: (row) => row.quorate,
    effect: (row) => (!row.quorate ? 'VOID_INQUORATE' : row.carried ? 'ADOPTED' : 'REJECTED'),
    assembly: async (row, _args, ctx) => (await ctx.loaders.assembly.load(row.assemblyId))!,
  },
  Organ: {
    id: id('organ'),
    currentMandates: (row, _args, ctx) => ctx.loaders.currentMandatesByOrgan.load(row.id),
    mandates: (row, args, ctx) => {
      pageWindow(args);
      return ctx.loaders.mandatesByOrgan.load({ parentId: row.id, first: args.first, after: args.after });
    },
    provenance: (row) => provenance(row),
  },
  Spokesperson: {
    id: id('spokesperson'),
    mandates: (row, _args, ctx) => ctx.loaders.mandatesBySpokesperson.load(row.id),
    provenance: (row) => provenance(row),
  },
  Election: {
    id: id('election'),
    electoralCommission: (row, _args, ctx) => (row.electoralCommissionId === null ? null : ctx.loaders.organ.load(row.electoralCommissionId)),
    method: () => 'universal, secret and direct',
  },
  Mandate: {
    id: id('mandate'),
    spokesperson: async (row, _args, ctx) => (await ctx.loaders.spokesperson.load(row.spokespersonId))!,
    organ: async (row, _args, ctx) => (await ctx.loaders.organ.load(row.organId))!,
    election: async (row, _args, ctx) => (await ctx.loaders.election.load(row.electionId))!,
    status: (row) => mandateStatus(row, today()),
    recall: (row, _args, ctx) => (row.revokedOn === null ? null : ctx.loaders.recallByMandate.load(row.id)),
    provenance: (row) => provenance(row),
  },
  Recall: {
    id: id('recall'),
    mandate: async (row, _args, ctx) => (await ctx.loaders.mandate.load(row.mandateId))!,
    decision: async (row, _args, ctx) => (await ctx.loaders.decision.load(row.decisionId))!,
  },
  Federation: {
    id: id('federation'),
    members: (row, args, ctx) => {
      pageWindow(args);
      return ctx.loaders.membersByFederation.load({ parentId: row.id, first: args.first, after: args.after });
    },
    provenance: (row) => provenance(row),
  },
  FederationMember: {
    commune: (row) => (row.communeId === null ? null : { id: row.communeId }),
    provenance: (row) => provenance(row),
  },
  GovernanceProvenance: {
    synthetic: (row) => row.syntheticFields.length > 0,
  },
};
