import { defineEntity, p } from '@mikro-orm/core';

/**
 * Reports per (owning body, month), kept by the same triggers as the state summaries (summaries/triggers.ts) in
 * each write's transaction. A registry dashboard needs every commune's reported months (ADR 0005, "Dashboards by
 * level"): this ~1 M-row table at national scale answers that from its primary key instead of grouping ~1.9 M
 * reports by unit. Rows whose count nets to zero after deletions are left; readers skip them.
 */
export const BodyMonths = defineEntity({
  name: 'BodyMonths',
  tableName: 'production_body_months',
  properties: {
    bodyId: p.string().length(40).primary(),
    month: p.string().length(7).primary(),
    reports: p.integer().default(0),
  },
});
