import { readFileSync } from 'node:fs';

/** One commune as the reference facts describe it (fields absent where unknown). */
export interface CommuneFact {
  name: string;
  kind?: 'rural' | 'urban';
  state?: string;
  states?: string[];
  municipality?: string;
  place?: string;
  founded?: string;
  area_ha?: number;
  families?: number;
  population?: number;
  production_units?: number;
  direct_producers?: number;
  products?: string[];
  activities?: string[];
  source?: string;
  sources?: string[];
}

export interface ReferenceFacts {
  sources: Record<string, string>;
  national: Record<string, unknown>;
  communes: CommuneFact[];
}

/** The real facts the sample dataset starts from (a copy of shared/data/reference-facts.json). */
export const referenceFacts: ReferenceFacts = JSON.parse(
  readFileSync(new URL('../reference-facts.json', import.meta.url), 'utf8'),
) as ReferenceFacts;

export function communeFact(name: string): CommuneFact {
  const fact = referenceFacts.communes.find((c) => c.name === name);
  if (!fact) throw new Error(`no reference fact for commune ${name}`);
  return fact;
}

export function factSources(fact: CommuneFact): string[] {
  return fact.sources ?? (fact.source ? [fact.source] : []);
}
