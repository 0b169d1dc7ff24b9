import type { RegistryStatus } from '../entities/registry-columns.js';
import type { FormationStep } from '../entities/commune.js';
import { FORMATION_STEPS } from '../entities/commune.js';

/** Permitted registry transitions. DISSOLVED is final; REGISTERED is entered only by registration. */
export const TRANSITIONS: Record<RegistryStatus, readonly RegistryStatus[]> = {
  IN_FORMATION: ['REGISTERED', 'DISSOLVED'],
  REGISTERED: ['ACTIVE', 'INACTIVE', 'DISSOLVED'],
  ACTIVE: ['INACTIVE', 'DISSOLVED'],
  INACTIVE: ['ACTIVE', 'DISSOLVED'],
  DISSOLVED: [],
};

export function canTransition(from: RegistryStatus, to: RegistryStatus): boolean {
  return TRANSITIONS[from].includes(to);
}

/** The step that must come after `step`, or undefined when formation is complete. */
export function nextFormationStep(step: FormationStep): FormationStep | undefined {
  return FORMATION_STEPS[FORMATION_STEPS.indexOf(step) + 1];
}
