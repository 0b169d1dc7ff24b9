import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { nationalDataset, SUBGRAPHS, type NationalDataset } from './dataset.js';
import { buildTerritory } from './territory.js';
import { seededRandom } from '@comuna/sample-data';

const digest = (d: NationalDataset) => {
  const hash = createHash('sha256');
  for (const s of SUBGRAPHS) for (const t of d.tables[s]) for (const row of t.rows()) hash.update(JSON.stringify(row, (_, v) => (typeof v === 'bigint' ? `${v}n` : v)));
  return hash.digest('hex');
};

describe('national dataset', () => {
  const small = nationalDataset('test-seed', 0.01);

  it('is deterministic: the same seed gives the same rows, another seed other rows', () => {
    expect(digest(nationalDataset('test-seed', 0.01))).toBe(digest(small));
    expect(digest(nationalDataset('other-seed', 0.01))).not.toBe(digest(small));
  });

  it('has the national shape at scale 1', () => {
    const t = buildTerritory(seededRandom('comuna-graph-national-v1/territory'), 1);
    expect(t.states).toHaveLength(24);
    expect(t.states.map((s) => s.name)).toContain('Distrito Capital');
    expect(t.municipalities).toHaveLength(335);
    expect(t.parishes.length).toBeGreaterThan(950);
    expect(t.parishes.length).toBeLessThan(1_250);
    expect(Math.abs(t.councils.length - 47_000)).toBeLessThan(500);
    expect(Math.abs(t.communes.length - 3_600)).toBeLessThan(400);
    const active = t.communes.filter((c) => c.history.at(-1)!.status === 'ACTIVE').length;
    expect(Math.abs(active - 500)).toBeLessThan(100);
    expect(Math.abs(t.circuits.length - 4_500)).toBeLessThan(600);
    expect(t.communalCities.length).toBeGreaterThan(200);
    expect(t.communalCities.length).toBeLessThan(400);
    // Big and small communes: the law's band of 2 to 60 councils, most near the median.
    const sizes = new Map<number, number>();
    for (const c of t.councils) if (c.communeId) sizes.set(c.communeId, (sizes.get(c.communeId) ?? 0) + 1);
    expect(Math.min(...sizes.values())).toBe(2);
    expect(Math.max(...sizes.values())).toBeGreaterThan(30);
  });

  it('refers only to bodies that exist, and every row has every column', () => {
    const t = small.territory;
    const communes = new Set(t.communes.map((c) => c.id));
    const circuits = new Set(t.circuits.map((c) => c.id));
    expect(t.councils.filter((c) => (c.communeId !== null && !communes.has(c.communeId)) || (c.circuitId !== null && !circuits.has(c.circuitId)))).toEqual([]);
    const bodies = new Set([...t.councils.map((c) => `council:${c.id}`), ...t.communes.map((c) => `commune:${c.id}`), ...t.circuits.map((c) => `circuit:${c.id}`)]);
    const units = small.tables.production.find((x) => x.name === 'production_unit')!;
    expect([...units.rows()].filter((row) => !bodies.has(row[5] as string))).toEqual([]);
    for (const s of SUBGRAPHS) {
      for (const table of small.tables[s]) {
        let n = 0;
        let misshapen = 0;
        for (const row of table.rows()) {
          if (row.length !== table.columns.length) misshapen++;
          n++;
        }
        expect([table.name, n, misshapen]).toEqual([table.name, table.count, 0]);
      }
    }
  });

  it('keeps inactive communes out of the months after they stopped', () => {
    const stopped = small.territory.communes.filter((c) => c.stoppedIn);
    expect(stopped.length).toBeGreaterThan(0);
    const unitsOf = new Map<number, string>();
    for (const row of small.tables.production.find((x) => x.name === 'production_unit')!.rows()) unitsOf.set(row[0] as number, row[5] as string);
    const stoppedIn = new Map(stopped.map((c) => [`commune:${c.id}`, c.stoppedIn!]));
    const late = [...small.tables.production.find((x) => x.name === 'production_report')!.rows()].filter((row) => {
      const until = stoppedIn.get(unitsOf.get(row[1] as number)!);
      return until !== undefined && (row[3] as string) > until;
    });
    expect(late).toEqual([]);
  });
});
