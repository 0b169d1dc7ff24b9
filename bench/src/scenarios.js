// The benchmark's scenarios: one GraphQL document each (no variables, so every gateway caches the same plan),
// and where the issue asks for it, the floor it is compared against.
/** The year every scenario's figures cover. */
export const PERIOD = '{ from: "2025-11-01", to: "2026-10-31" }';

/** Scenario 3's selection of each domain on a state (`npm run -w @comuna/bench hops` sends them one by one). */
export const ROLLUP_SELECTIONS = {
  production: `production(period: ${PERIOD}) { activeUnits outputByProduct { product { code } quantity { value unit } } }`,
  budget: `budget(period: ${PERIOD}, currency: "USD") { received { amount } spent { amount } consultations { turnout } }`,
  governance: `governance(period: ${PERIOD}) { assembliesHeld attendanceRate }`,
};

export const scenarios = [
  {
    id: 's1',
    title: 'entity lookup (territory)',
    query: '{ commune(id: "commune:1") { id code name kind } }',
    floor: 'subgraph',
    subgraph: 'territory',
  },
  {
    id: 's2',
    title: "coordinator's regional production (communal city)",
    query: `{ communalCity(code: "CIU-ANZ-008") { name census { population families } communes { name kind census { population } }
      production(period: ${PERIOD}) { activeUnits workers outputByProduct { product { code name } quantity { value unit } reports } } } }`,
  },
  {
    id: 's3',
    title: 'national roll-up: 24 states × 4 subgraphs',
    query: `{ states { name census { population }
      ${Object.values(ROLLUP_SELECTIONS).join('\n      ')} } }`,
    floor: 'sql',
  },
  {
    id: 's4',
    title: 'registry dashboard',
    query: `{ communes: registryStatistics(filter: { bodyType: COMMUNE }) { total registered active byStatus { key count } byKind { key count } byState { state { name } count active } }
      councils: registryStatistics(filter: { bodyType: COMMUNAL_COUNCIL }) { total registered active byStatus { key count } byState { state { name } count active } } }`,
  },
];
