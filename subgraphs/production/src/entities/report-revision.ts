import { defineEntity, p } from '@mikro-orm/core';
import { ProductionReport } from './production-report.js';

/** Every submitted version of a report, append-only, so corrections never erase what was first reported. */
export const ReportRevision = defineEntity({
  name: 'ReportRevision',
  tableName: 'report_revision',
  uniques: [{ properties: ['report', 'revision'] }],
  properties: {
    id: p.integer().primary(),
    report: () => p.manyToOne(ProductionReport).index(),
    revision: p.integer(),
    quantity: p.bigint('bigint'),
    reason: p.string().length(500).nullable(),
    recordedAt: p.string().length(30),
  },
});
