import { defineEntity, p } from '@mikro-orm/core';

/**
 * The state each commune or council lies in (a commune: its seat's), as territory answered when a write first
 * named the body; the sample seed and the national generator fill it for their bodies. The state summaries
 * (entities/state-summaries.ts) are keyed by it, so production never asks territory for a state's bodies.
 */
export const BodyState = defineEntity({
  name: 'BodyState',
  tableName: 'body_state',
  properties: {
    bodyId: p.string().length(40).primary(),
    stateId: p.string().length(40).index(),
  },
});
