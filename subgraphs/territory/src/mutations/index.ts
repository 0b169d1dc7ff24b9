import type { Resolvers } from '../generated/resolvers-types.js';
import type { RegistryRules } from '../registry/rules-config.js';
import { advanceCommuneFormation } from './advance-commune-formation.js';
import { changeRegistryStatus } from './change-registry-status.js';
import { formCommunalCircuit } from './form-communal-circuit.js';
import { formCommunalCity } from './form-communal-city.js';
import { formCommune } from './form-commune.js';
import { importRegistry } from './import-registry.js';
import { registerCommunalCouncil } from './register-communal-council.js';
import { updateCensus } from './update-census.js';

/** Every mutation of the registry; each goes through the write gate (performWrite). */
export function mutationResolvers(rules: RegistryRules): Resolvers['Mutation'] {
  return {
    registerCommunalCouncil: registerCommunalCouncil(rules),
    formCommune: formCommune(rules),
    advanceCommuneFormation,
    formCommunalCity: formCommunalCity(rules),
    formCommunalCircuit,
    changeRegistryStatus,
    updateCensus: updateCensus(rules),
    importRegistry: importRegistry(rules),
  } as Resolvers['Mutation'];
}
