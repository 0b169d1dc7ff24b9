import { describe, expect, it } from 'vitest';
import { buildSampleTerritory } from './territory.js';
import { communeFact } from './facts.js';

describe('sample territory', () => {
  const sample = buildSampleTerritory();

  it('is deterministic', () => {
    expect(buildSampleTerritory()).toEqual(sample);
  });

  it('has the 23 states and the Capital District', () => {
    expect(sample.states).toHaveLength(24);
    expect(sample.states.map((s) => s.name)).toContain('Distrito Capital');
  });

  it('keeps the real figures: El Maizal councils add up to its families and population', () => {
    const maizal = sample.communes.find((c) => c.name === 'El Maizal')!;
    const fact = communeFact('El Maizal');
    const councils = sample.councils.filter((c) => c.communeId === maizal.id);
    expect(councils.reduce((n, c) => n + c.families, 0)).toBe(fact.families);
    expect(councils.reduce((n, c) => n + c.population, 0)).toBe(fact.population);
    expect(maizal.areaHectares).toBe('2300');
    expect(maizal.foundedOn).toBe('2009-03-05');
    expect(maizal.syntheticFields).not.toContain('foundedOn');
  });

  it('spans El Maizal over Lara and Portuguesa', () => {
    const maizal = sample.communes.find((c) => c.name === 'El Maizal')!;
    const stateIds = new Set(
      sample.councils
        .filter((c) => c.communeId === maizal.id)
        .map((c) => sample.municipalities.find((m) => m.id === sample.parishes.find((p) => p.id === c.parishId)!.municipalityId)!.stateId),
    );
    expect([...stateIds].map((id) => sample.states[id - 1]!.name).sort()).toEqual(['Lara', 'Portuguesa']);
  });

  it('respects the family bands of each setting', () => {
    for (const c of sample.councils) {
      if (c.setting === 'URBAN') expect(c.families).toBeGreaterThanOrEqual(150), expect(c.families).toBeLessThanOrEqual(400);
      if (c.setting === 'RURAL') expect(c.families).toBeGreaterThanOrEqual(20);
      if (c.setting === 'INDIGENOUS') expect(c.families).toBeGreaterThanOrEqual(10);
    }
  });

  it('marks generated values as synthetic', () => {
    for (const c of sample.councils) expect(c.syntheticFields).toContain('code');
    const panal = sample.communes.find((c) => c.name === 'El Panal 2021')!;
    expect(panal.syntheticFields).toEqual(expect.arrayContaining(['foundedOn', 'areaHectares', 'code']));
  });

  it('gives unique codes', () => {
    const codes = [...sample.councils, ...sample.communes, ...sample.circuits, ...sample.communalCities].map((b) => b.code);
    expect(new Set(codes).size).toBe(codes.length);
  });
});
