import { defineEntity, p } from '@mikro-orm/core';
import { Assembly } from './assembly.js';

/** A motion voted in an assembly; `carried` is what the votes say, validity comes from the assembly's quorum. */
export const Decision = defineEntity({
  name: 'Decision',
  tableName: 'decision',
  properties: {
    id: p.integer().primary(),
    assembly: () => p.manyToOne(Assembly).index(),
    position: p.integer(),
    text: p.string().length(2000),
    votesFor: p.integer(),
    votesAgainst: p.integer(),
    votesAbstaining: p.integer(),
    carried: p.boolean(),
  },
});
