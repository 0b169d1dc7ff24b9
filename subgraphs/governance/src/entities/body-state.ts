import { defineEntity, p } from '@mikro-orm/core';

/**
 * The state each council and commune counts in (a council's state, a commune's seat state), as territory said
 * when a write first named the body (or the seed, or the national generator). It keys the state summaries
 * (entities/summaries.ts); a body whose state changes moves its facts with it (summaries/triggers.ts).
 */
export const BodyState = defineEntity({
  name: 'BodyState',
  tableName: 'body_state',
  properties: {
    bodyId: p.string().length(40).primary(),
    stateId: p.string().length(40).index(),
  },
});
