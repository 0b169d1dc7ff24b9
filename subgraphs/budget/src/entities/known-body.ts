import { defineEntity, p } from '@mikro-orm/core';

export const BODY_KINDS = ['council', 'commune', 'circuit'] as const;
export type BodyKind = (typeof BODY_KINDS)[number];

/**
 * The communal bodies budget records may refer to (councils, communes, circuits), by territory's global id.
 * Budget never reads territory's tables, yet must refuse money sent to a body that does not exist and a
 * proposal from a council outside the circuit; this local register (seeded from the shared sample ids) is
 * what those checks read. A council's circuit is kept for the slate rule, and every body's state (a council's
 * state, a commune's seat state, a circuit's state) keys the state summaries (entities/summaries.ts).
 */
export const KnownBody = defineEntity({
  name: 'KnownBody',
  tableName: 'known_body',
  properties: {
    id: p.string().length(40).primary(),
    kind: p.enum(BODY_KINDS),
    circuitId: p.string().length(40).nullable().index(),
    // Null only for a body registered before states were kept; its facts then count for the nation alone.
    stateId: p.string().length(40).nullable().index(),
    dissolved: p.boolean().default(false),
  },
});
