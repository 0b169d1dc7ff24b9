// Operations the main users start from, preloaded as GraphiQL tabs. They use the sample data's codes, so each
// runs as is against `npm start`.

export interface ExampleTab {
  query: string;
  variables?: string;
  headers?: string;
}

export const examples: ExampleTab[] = [
  {
    // A communal-city coordinator: the city's communes and what they produced.
    query: `# A coordinator's regional production: a communal city, its communes, and output by product.
query RegionalProduction($period: PeriodInput!) {
  communalCity(code: "CIU-LAR-001") {
    name
    census { population families }
    production(period: $period) {
      activeUnits
      workers
      outputByProduct { product { name unit } quantity { value unit } }
    }
    communes { name kind census { population } }
  }
}
`,
    variables: JSON.stringify({ period: { from: '2025-01-01', to: '2025-12-31' } }, null, 2),
  },
  {
    query: `# A registry dashboard: communes by status, kind and state; registrations per year.
query RegistryDashboard {
  registryStatistics(filter: { bodyType: COMMUNE }) {
    total
    registered
    active
    byStatus { key count }
    byKind { key count }
    byState { state { name } count active }
    registrations(bucket: YEAR) { period count }
  }
}
`,
  },
  {
    query: `# Open books: money a communal city received and spent, and consultation turnout.
query OpenBooks($period: PeriodInput!) {
  communalCity(code: "CIU-LAR-001") {
    name
    budget(period: $period, currency: "VES") {
      received { amount currency }
      committed { amount }
      spent { amount }
      executionRate
      consultations { rounds ballotsCast eligibleVoters turnout }
    }
  }
}
`,
    variables: JSON.stringify({ period: { from: '2024-01-01', to: '2026-12-31' } }, null, 2),
  },
  {
    query: `# A registry clerk registers a communal council. Writes need a token with registry:write:
#   npx comuna token --subject clerk-ana --role REGISTRY_CLERK
# and put it in the Headers tab below.
mutation RegisterCouncil {
  registerCommunalCouncil(input: {
    name: "Consejo Comunal Los Frailes"
    parishId: "parish:4"
    setting: URBAN
    families: 220
    population: 900
  }) {
    id
    code
    registry { status }
    state { name }
  }
}
`,
    headers: JSON.stringify({ authorization: 'Bearer <paste a token from: npx comuna token --subject clerk-ana --role REGISTRY_CLERK>' }, null, 2),
  },
];
