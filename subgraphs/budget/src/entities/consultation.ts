import { defineEntity, p } from '@mikro-orm/core';
import { provenanceProperties } from './provenance.js';

export const CONSULTATION_KINDS = ['GENERAL', 'YOUTH'] as const;

/** A round of the popular consultation; its funding rule (winners funded per circuit) is its own. */
export const Consultation = defineEntity({
  name: 'Consultation',
  tableName: 'consultation',
  uniques: [{ properties: ['heldOn', 'kind'] }],
  properties: {
    id: p.integer().primary(),
    heldOn: p.string().length(10).index(),
    kind: p.enum(CONSULTATION_KINDS),
    fundedPerCircuit: p.integer(),
    minimumVoterAge: p.integer(),
    ...provenanceProperties(),
  },
});
