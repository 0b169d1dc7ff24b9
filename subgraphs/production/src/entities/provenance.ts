import { p } from '@mikro-orm/core';

/** Columns every sourced record carries: which fields were generated, and where the rest came from. */
export const provenanceProperties = () => ({
  syntheticFields: p.json<string[]>(),
  sources: p.json<string[]>(),
});
