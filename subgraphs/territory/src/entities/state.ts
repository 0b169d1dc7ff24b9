import { defineEntity, p } from '@mikro-orm/core';

/** A state or the Capital District. */
export const State = defineEntity({
  name: 'State',
  tableName: 'state',
  properties: {
    id: p.integer().primary(),
    code: p.string().length(120).unique(),
    name: p.string().length(120),
  },
});
