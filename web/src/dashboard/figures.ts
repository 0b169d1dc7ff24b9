// Pure shaping of the graph's answers into what the charts draw, kept apart from the DOM so it is unit-tested.

export interface StateCount {
  state: { name: string };
  count: number;
  active: number;
}

/** States with at least one body, most first (ties by name): 24 zero bars would hide the few that count. */
export function statesWithBodies(rows: readonly StateCount[]): StateCount[] {
  return rows.filter((r) => r.count > 0).sort((a, b) => b.count - a.count || a.state.name.localeCompare(b.state.name));
}

export interface LocatedCommune {
  seatState: { name: string };
  centroid: { latitude: number; longitude: number } | null;
}

export interface StateBubble {
  state: string;
  count: number;
  /** Longitude and latitude of the mean centroid of the state's communes. */
  x: number;
  y: number;
  /** Radius in pixels: area grows with the count. */
  r: number;
}

/** One bubble per seat state at its communes' mean centroid; communes without a centroid are left out. */
export function stateBubbles(communes: readonly LocatedCommune[]): StateBubble[] {
  const groups = new Map<string, { lon: number; lat: number; count: number }>();
  for (const c of communes) {
    if (!c.centroid) continue;
    const g = groups.get(c.seatState.name) ?? { lon: 0, lat: 0, count: 0 };
    g.lon += c.centroid.longitude;
    g.lat += c.centroid.latitude;
    g.count += 1;
    groups.set(c.seatState.name, g);
  }
  return [...groups.entries()]
    .map(([state, g]) => ({ state, count: g.count, x: g.lon / g.count, y: g.lat / g.count, r: 6 + 6 * Math.sqrt(g.count) }))
    .sort((a, b) => a.state.localeCompare(b.state));
}

/** Exact decimal strings become numbers only for drawing; tables show the strings as the graph gave them. */
export function toNumber(decimal: string | null | undefined): number {
  return decimal == null ? 0 : Number(decimal);
}

/** `0.4321` → `43.2 %`; null → `no tallies`. */
export function percent(ratio: string | null | undefined): string {
  return ratio == null ? 'no tallies' : `${(Number(ratio) * 100).toFixed(1)} %`;
}

export interface ProductOutput {
  product: { name: string; unit: string };
  quantity: { value: string; unit: string };
}

/** Bars of output by product, largest first; the label carries the unit, since products are measured differently. */
export function productBars(outputs: readonly ProductOutput[]): { label: string; value: number; text: string }[] {
  return outputs
    .map((o) => ({ label: `${o.product.name} (${o.quantity.unit.toLowerCase()})`, value: toNumber(o.quantity.value), text: `${o.quantity.value} ${o.quantity.unit.toLowerCase()}` }))
    .sort((a, b) => b.value - a.value || a.label.localeCompare(b.label));
}
