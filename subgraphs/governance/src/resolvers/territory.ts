import { badInput, selectedFields } from '@comuna/subgraph-kit';
import { figuresParts } from '../loaders/figures.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { ratio } from '../rules/ratio.js';

/**
 * Governance figures on every territorial level (`Territory` as an interface object). The gateway hands each
 * representation its `scope` from territory, and the figures loader answers a whole batch in the aggregates its
 * selection needs (at most four).
 */
export const territoryResolvers: Resolvers = {
  Territory: {
    // Governance holds no territories: a reference is answered from what the gateway sent (id and scope).
    __resolveReference: (ref) => ref,
    governance: (ref, { period }, ctx, info) => {
      if (period.from > period.to) throw badInput(`period.from ${period.from} is after period.to ${period.to}`, { argument: 'period' });
      return ctx.loaders.figures.load({ territory: ref, from: period.from, to: period.to, parts: figuresParts(selectedFields(info)) });
    },
  },
  GovernanceFigures: {
    quorumRate: (row) => ratio(row.quorateAssemblies, row.assembliesHeld, 100),
    // Families and delegates are different units: the mean is over citizens' assemblies (families) only.
    averageAttendance: (row) => ratio(row.familiesPresent, row.citizensAssemblies),
    attendanceRate: (row) => ratio(row.attendanceSum, row.bodySizeSum, 100),
  },
};
