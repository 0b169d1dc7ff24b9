import { CommunalCircuit } from './communal-circuit.js';
import { CommunalCity } from './communal-city.js';
import { CommunalCouncil } from './communal-council.js';
import { Commune } from './commune.js';
import { Municipality } from './municipality.js';
import { Parish } from './parish.js';
import { State } from './state.js';
import { StatusChange } from './status-change.js';

export { CommunalCircuit, CommunalCity, CommunalCouncil, Commune, Municipality, Parish, State, StatusChange };
export const entities = [State, Municipality, Parish, CommunalCity, Commune, CommunalCircuit, CommunalCouncil, StatusChange];
