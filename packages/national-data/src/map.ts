import { municipalityCode, parishCode, STATES, stateCode } from '@comuna/sample-data';
import type { SampleMunicipality, SampleParish, SampleState } from '@comuna/sample-data';

/**
 * Municipalities per state (the real counts, 335 in all) and an approximate population share (millions, 2011
 * census order of magnitude), which sizes how many councils each state gets. Names are synthetic.
 */
export const STATE_PROFILE: Record<string, { municipalities: number; people: number; rural: number }> = {
  amazonas: { municipalities: 7, people: 0.18, rural: 0.7 },
  anzoategui: { municipalities: 21, people: 1.6, rural: 0.3 },
  apure: { municipalities: 7, people: 0.55, rural: 0.7 },
  aragua: { municipalities: 18, people: 1.7, rural: 0.2 },
  barinas: { municipalities: 12, people: 0.85, rural: 0.6 },
  bolivar: { municipalities: 11, people: 1.6, rural: 0.35 },
  carabobo: { municipalities: 14, people: 2.3, rural: 0.15 },
  cojedes: { municipalities: 9, people: 0.33, rural: 0.6 },
  delta_amacuro: { municipalities: 4, people: 0.18, rural: 0.7 },
  distrito_capital: { municipalities: 1, people: 2.0, rural: 0.02 },
  falcon: { municipalities: 25, people: 0.95, rural: 0.45 },
  guarico: { municipalities: 15, people: 0.8, rural: 0.6 },
  la_guaira: { municipalities: 1, people: 0.36, rural: 0.1 },
  lara: { municipalities: 9, people: 1.8, rural: 0.4 },
  merida: { municipalities: 23, people: 0.9, rural: 0.5 },
  miranda: { municipalities: 21, people: 3.0, rural: 0.2 },
  monagas: { municipalities: 13, people: 0.95, rural: 0.45 },
  nueva_esparta: { municipalities: 11, people: 0.5, rural: 0.3 },
  portuguesa: { municipalities: 14, people: 0.9, rural: 0.65 },
  sucre: { municipalities: 15, people: 1.0, rural: 0.5 },
  tachira: { municipalities: 29, people: 1.2, rural: 0.45 },
  trujillo: { municipalities: 20, people: 0.75, rural: 0.55 },
  yaracuy: { municipalities: 14, people: 0.65, rural: 0.5 },
  zulia: { municipalities: 21, people: 4.0, rural: 0.25 },
};

export interface NationalMap {
  states: SampleState[];
  municipalities: SampleMunicipality[];
  parishes: SampleParish[];
  /** State id of each parish (index = parish id). */
  parishState: number[];
  /** Parish ids of each state (index = state id). */
  parishesOfState: number[][];
}

/** The map: 24 states, 335 municipalities, ~1,100 parishes (Libertador, the capital's one municipality, has 22). */
export function buildMap(random: () => number): NationalMap {
  const states = STATES.map((s, i) => ({ id: i + 1, code: stateCode(s.slug), name: s.name }));
  const municipalities: SampleMunicipality[] = [];
  const parishes: SampleParish[] = [];
  const parishState: number[] = [0];
  const parishesOfState: number[][] = [[]];
  STATES.forEach((s, i) => {
    const stateId = i + 1;
    parishesOfState.push([]);
    const profile = STATE_PROFILE[s.slug]!;
    for (let m = 1; m <= profile.municipalities; m++) {
      const id = municipalities.length + 1;
      const slug = `municipio_${m}`;
      municipalities.push({ id, stateId, code: municipalityCode(s.slug, slug), name: `Municipio ${m} (${s.name})`, syntheticFields: ['name', 'code'], sources: [] });
      const count = s.slug === 'distrito_capital' ? 22 : s.slug === 'la_guaira' ? 11 : 1 + Math.floor(random() * 5.5);
      for (let q = 1; q <= count; q++) {
        const pid = parishes.length + 1;
        parishes.push({ id: pid, municipalityId: id, code: parishCode(s.slug, slug, `parroquia_${q}`), name: `Parroquia ${q} del municipio ${m}`, syntheticFields: ['name', 'code'], sources: [] });
        parishState.push(stateId);
        parishesOfState[stateId]!.push(pid);
      }
    }
  });
  return { states, municipalities, parishes, parishState, parishesOfState };
}
