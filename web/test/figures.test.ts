import { describe, expect, it } from 'vitest';
import { percent, productBars, stateBubbles, statesWithBodies } from '../src/dashboard/figures.js';

describe('dashboard figures', () => {
  it('keeps the states with bodies, most first', () => {
    const rows = [
      { state: { name: 'Lara' }, count: 3, active: 2 },
      { state: { name: 'Amazonas' }, count: 0, active: 0 },
      { state: { name: 'Apure' }, count: 3, active: 0 },
    ];
    expect(statesWithBodies(rows).map((r) => r.state.name)).toEqual(['Apure', 'Lara']);
  });

  it('puts one bubble per seat state at its communes\' mean centroid, skipping communes without one', () => {
    const bubbles = stateBubbles([
      { seatState: { name: 'Lara' }, centroid: { latitude: 10, longitude: -69 } },
      { seatState: { name: 'Lara' }, centroid: { latitude: 12, longitude: -71 } },
      { seatState: { name: 'Apure' }, centroid: null },
    ]);
    expect(bubbles).toEqual([{ state: 'Lara', count: 2, x: -70, y: 11, r: 6 + 6 * Math.SQRT2 }]);
  });

  it('labels products with their unit and keeps the exact text for the table', () => {
    expect(productBars([
      { product: { name: 'Café', unit: 'KILOGRAM' }, quantity: { value: '795.000', unit: 'KILOGRAM' } },
      { product: { name: 'Huevos', unit: 'DOZEN' }, quantity: { value: '27649.000', unit: 'DOZEN' } },
    ])).toEqual([
      { label: 'Huevos (dozen)', value: 27649, text: '27649.000 dozen' },
      { label: 'Café (kilogram)', value: 795, text: '795.000 kilogram' },
    ]);
  });

  it('shows ratios as percentages', () => {
    expect(percent('0.3281')).toBe('32.8 %');
    expect(percent(null)).toBe('no tallies');
  });
});
