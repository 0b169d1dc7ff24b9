import type { BodyDirectory } from '../bodies.js';
import type { Resolvers } from '../generated/resolvers-types.js';
import { recordExchangeFlow } from './record-exchange-flow.js';
import { registerProductionUnit } from './register-production-unit.js';
import { reportProduction } from './report-production.js';
import { setPriceAgreement } from './set-price-agreement.js';

export function mutationResolvers(bodies: BodyDirectory): Resolvers['Mutation'] {
  return {
    registerProductionUnit: registerProductionUnit(bodies),
    reportProduction,
    recordExchangeFlow: recordExchangeFlow(bodies),
    setPriceAgreement: setPriceAgreement(bodies),
  } as Resolvers['Mutation'];
}
