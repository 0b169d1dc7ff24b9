import { intBetween, referenceFacts, sampleTerritory, seededRandom } from '@comuna/sample-data';

/**
 * The embedded budget sample, as plain data: built from the reference facts (the rounds held and their funding
 * rule, the funder, the document chain) and the shared territory sample's ids, with every generated value
 * deterministic (seeded) and listed as synthetic. Tests recompute roll-ups from this plan, independently of SQL.
 */
export interface PlanSource { id: number; name: string; kind: 'MINISTRY' | 'MISSION' | 'INTERTERRITORIAL_FUND' | 'COMMUNAL_BANK' | 'OWN_REVENUE'; ownerBodyId: string | null; syntheticFields: string[]; sources: string[] }
export interface PlanRound { id: number; heldOn: string; kind: 'GENERAL' | 'YOUTH'; fundedPerCircuit: number; syntheticFields: string[]; sources: string[] }
export interface PlanProject {
  id: number; name: string; category: string; bodyId: string; costMinor: bigint; currency: 'VES' | 'USD';
  history: { status: string; effectiveOn: string; reason: string }[];
}
export interface PlanProposal { id: number; roundId: number; circuitId: string; projectId: number; ballotPosition: number; votes: number }
export interface PlanTally { roundId: number; circuitId: string; eligibleVoters: number; ballotsCast: number; invalidBallots: number; recordedOn: string }
export interface PlanTransfer { id: number; sourceId: number; bodyId: string; projectId: number | null; amountMinor: bigint; currency: 'VES' | 'USD'; transferredOn: string; purpose: string }
export interface PlanEntry {
  id: number; projectId: number; bodyId: string; amountMinor: bigint; currency: 'VES' | 'USD'; paidOn: string; payee: string; description: string;
  documents: { assemblyMinutes: boolean; funderApproval: boolean; accountStatement: boolean; contractingMinutes: boolean; quotes: number; invoice: boolean; receiptMinutes: boolean };
  reversesId: number | null;
}
export interface BudgetPlan {
  bodies: { id: string; kind: 'council' | 'commune' | 'circuit'; circuitId: string | null; stateId: string }[];
  sources: PlanSource[];
  rounds: PlanRound[];
  projects: PlanProject[];
  proposals: PlanProposal[];
  tallies: PlanTally[];
  transfers: PlanTransfer[];
  entries: PlanEntry[];
}

const SEED = 'comuna-graph-budget-sample-v1';
const CATEGORIES = ['WATER', 'ROADS', 'HOUSING', 'HEALTH', 'ELECTRICITY', 'EDUCATION', 'PRODUCTION', 'CULTURE'] as const;
const WORKS: Record<(typeof CATEGORIES)[number], string> = {
  WATER: 'Rehabilitación de la red de agua potable',
  ROADS: 'Asfaltado y brocales de la calle principal',
  HOUSING: 'Sustitución de techos de zinc',
  HEALTH: 'Dotación del consultorio popular',
  ELECTRICITY: 'Alumbrado público con luminarias LED',
  EDUCATION: 'Rehabilitación de la escuela comunal',
  PRODUCTION: 'Sistema de riego para la unidad productiva',
  CULTURE: 'Cancha de usos múltiples',
};

export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Places on a ballot by the documented rule: votes, most first; ties to the lower ballot position. */
export function rankBallot<P extends { votes: number; ballotPosition: number }>(ballot: P[]): P[] {
  return [...ballot].sort((a, b) => b.votes - a.votes || a.ballotPosition - b.ballotPosition);
}

/** The rounds of the reference facts; a round's rule is "winner per circuit" until November 2025, then the top two. */
function rounds(): PlanRound[] {
  const facts = referenceFacts.national.participatory_budgeting as { rounds_held: string[]; sources: string[] };
  return facts.rounds_held.map((text, i) => {
    const heldOn = text.slice(0, 10);
    const fundedPerCircuit = heldOn >= '2025-11-01' ? 2 : 1;
    // The facts state the rule for 2024 and for November 2025; the 2025 rounds in between are assumed to keep the 2024 rule.
    const stated = heldOn < '2025-01-01' || heldOn >= '2025-11-01';
    return { id: i + 1, heldOn, kind: text.includes('youth') ? 'YOUTH' : 'GENERAL', fundedPerCircuit, syntheticFields: stated ? [] : ['fundedPerCircuit'], sources: facts.sources };
  });
}

export function buildBudgetPlan(): BudgetPlan {
  const random = seededRandom(SEED);
  const territory = sampleTerritory();
  // The state a body counts in, as territory's scope of a state defines it: a council's location, a commune's seat.
  const stateOfMunicipality = new Map(territory.municipalities.map((m) => [m.id, m.stateId]));
  const stateOfParish = new Map(territory.parishes.map((p) => [p.id, stateOfMunicipality.get(p.municipalityId)!]));
  const bodies: BudgetPlan['bodies'] = [
    ...territory.councils.map((c) => ({ id: `council:${c.id}`, kind: 'council' as const, circuitId: c.circuitId === null ? null : `circuit:${c.circuitId}`, stateId: `state:${stateOfParish.get(c.parishId)}` })),
    ...territory.communes.map((c) => ({ id: `commune:${c.id}`, kind: 'commune' as const, circuitId: null, stateId: `state:${c.seatStateId}` })),
    ...territory.circuits.map((c) => ({ id: `circuit:${c.id}`, kind: 'circuit' as const, circuitId: null, stateId: `state:${c.stateId}` })),
  ];
  const funder = referenceFacts.national.participatory_budgeting as { sources: string[] };
  const sources: PlanSource[] = [
    { id: 1, name: 'Consejo Federal de Gobierno — Fondo de Compensación Interterritorial', kind: 'INTERTERRITORIAL_FUND', ownerBodyId: null, syntheticFields: [], sources: funder.sources },
    { id: 2, name: 'Ministerio del Poder Popular para las Comunas y los Movimientos Sociales', kind: 'MINISTRY', ownerBodyId: null, syntheticFields: [], sources: ['lackowski-2026'] },
    { id: 3, name: 'Gran Misión Vivienda Venezuela', kind: 'MISSION', ownerBodyId: null, syntheticFields: [], sources: [] },
    { id: 4, name: 'Banco Comunal El Maizal', kind: 'COMMUNAL_BANK', ownerBodyId: 'commune:1', syntheticFields: ['name'], sources: ['peoples-dispatch-2023'] },
    { id: 5, name: 'Ingresos propios — Comuna El Maizal', kind: 'OWN_REVENUE', ownerBodyId: 'commune:1', syntheticFields: [], sources: ['peoples-dispatch-2023'] },
  ];
  const plan: BudgetPlan = { bodies, sources, rounds: rounds(), projects: [], proposals: [], tallies: [], transfers: [], entries: [] };

  const councilsOf = (circuitId: number) => territory.councils.filter((c) => c.circuitId === circuitId);
  const addProject = (bodyId: string, category: (typeof CATEGORIES)[number], costMinor: bigint, currency: 'VES' | 'USD', proposedOn: string): PlanProject => {
    const project: PlanProject = {
      id: plan.projects.length + 1,
      name: `${WORKS[category]} (${bodyId})`,
      category,
      bodyId,
      costMinor,
      currency,
      history: [{ status: 'PROPOSED', effectiveOn: proposedOn, reason: 'Proposed by the citizens\' assembly' }],
    };
    plan.projects.push(project);
    return project;
  };
  const pay = (project: PlanProject, amountMinor: bigint, paidOn: string, payee: string, complete: boolean) => {
    plan.entries.push({
      id: plan.entries.length + 1,
      projectId: project.id,
      bodyId: project.bodyId,
      amountMinor,
      currency: project.currency,
      paidOn,
      payee,
      description: `Pago de ${project.name.split(' (')[0]!.toLowerCase()}`,
      documents: { assemblyMinutes: true, funderApproval: true, accountStatement: true, contractingMinutes: true, quotes: complete ? 3 : 2, invoice: true, receiptMinutes: complete },
      reversesId: null,
    });
  };

  for (const round of plan.rounds) {
    for (const circuit of territory.circuits) {
      const councils = councilsOf(circuit.id);
      if (!councils.length) continue;
      const circuitId = `circuit:${circuit.id}`;
      const slateSize = Math.min(7, councils.length, intBetween(random, 3, 7));
      const ballot: PlanProposal[] = [];
      for (let position = 1; position <= slateSize; position++) {
        const council = councils[(position - 1 + round.id) % councils.length]!;
        const category = CATEGORIES[intBetween(random, 0, CATEGORIES.length - 1)]!;
        const cost = BigInt(intBetween(random, 150, 900)) * 10_000n * 100n; // VES 1.5M-9M, whole bolívares
        const project = addProject(`council:${council.id}`, category, cost, 'VES', addDays(round.heldOn, -intBetween(random, 20, 45)));
        ballot.push({ id: plan.proposals.length + 1, roundId: round.id, circuitId, projectId: project.id, ballotPosition: position, votes: 0 });
        plan.proposals.push(ballot.at(-1)!);
      }
      const population = councils.reduce((n, c) => n + c.population, 0);
      const eligibleVoters = Math.round(population * (round.kind === 'YOUTH' ? 0.22 : 0.72));
      const ballotsCast = Math.round(eligibleVoters * (0.18 + random() * 0.3));
      const invalidBallots = Math.round(ballotsCast * 0.02);
      let left = ballotsCast - invalidBallots;
      ballot.forEach((proposal, i) => {
        proposal.votes = i === ballot.length - 1 ? left : Math.round(left * (0.15 + random() * 0.35));
        left -= proposal.votes;
      });
      plan.tallies.push({ roundId: round.id, circuitId, eligibleVoters, ballotsCast, invalidBallots, recordedOn: addDays(round.heldOn, 1) });

      // Winners are approved and funded by the interterritorial fund; older ones are executed and paid.
      for (const winner of rankBallot(ballot).slice(0, round.fundedPerCircuit).filter((p) => p.votes > 0)) {
        const project = plan.projects[winner.projectId - 1]!;
        const approvedOn = addDays(round.heldOn, 14);
        project.history.push({ status: 'APPROVED', effectiveOn: approvedOn, reason: `Won the ${round.heldOn} popular consultation` });
        plan.transfers.push({ id: plan.transfers.length + 1, sourceId: 1, bodyId: project.bodyId, projectId: project.id, amountMinor: project.costMinor, currency: 'VES', transferredOn: addDays(approvedOn, 10), purpose: `Consulta popular ${round.heldOn}: ${project.name}` });
        if (round.heldOn > '2025-12-31') continue;
        const started = addDays(approvedOn, 20);
        project.history.push({ status: 'IN_EXECUTION', effectiveOn: started, reason: 'Contract signed; works started' });
        const first = (project.costMinor * BigInt(intBetween(random, 40, 60))) / 100n;
        pay(project, first, addDays(started, 5), 'Cooperativa de Construcción Comunal (muestra)', true);
        if (round.heldOn < '2025-06-01') {
          pay(project, project.costMinor - first, addDays(started, 60), 'Ferretería Popular (muestra)', random() > 0.3);
          project.history.push({ status: 'DONE', effectiveOn: addDays(started, 90), reason: 'Works received by the assembly' });
        }
      }
    }
  }

  // Outside the consultations: a ministry's USD money for El Maizal's production, its communal bank, and a housing mission.
  const maize = addProject('commune:1', 'PRODUCTION', 4_500_000n, 'USD', '2025-01-20');
  maize.history.push({ status: 'APPROVED', effectiveOn: '2025-03-03', reason: 'Approved by the ministry' }, { status: 'IN_EXECUTION', effectiveOn: '2025-04-01', reason: 'Seed and fertiliser bought' });
  plan.transfers.push({ id: plan.transfers.length + 1, sourceId: 2, bodyId: 'commune:1', projectId: maize.id, amountMinor: 4_000_000n, currency: 'USD', transferredOn: '2025-03-20', purpose: 'Plan de siembra de maíz 2025' });
  pay(maize, 1_850_000n, '2025-04-02', 'Agropecuaria Simón Planas (muestra)', true);
  pay(maize, 1_200_000n, '2025-05-15', 'Transporte Comunal Sarare (muestra)', true);
  // A payment recorded twice by mistake and corrected by a reversing entry (the books are append-only).
  pay(maize, 1_200_000n, '2025-05-15', 'Transporte Comunal Sarare (muestra)', true);
  const duplicate = plan.entries.at(-1)!;
  plan.entries.push({ ...duplicate, id: plan.entries.length + 1, amountMinor: -duplicate.amountMinor, paidOn: '2025-05-20', description: 'Reverso: pago registrado dos veces', reversesId: duplicate.id });
  plan.transfers.push({ id: plan.transfers.length + 1, sourceId: 4, bodyId: 'council:3', projectId: null, amountMinor: 350_000_00n, currency: 'VES', transferredOn: '2025-06-10', purpose: 'Crédito del banco comunal para la bodega comunal' });
  plan.transfers.push({ id: plan.transfers.length + 1, sourceId: 5, bodyId: 'commune:1', projectId: null, amountMinor: 120_000_000n, currency: 'VES', transferredOn: '2025-09-30', purpose: 'Excedente de la empresa de distribución de gas reinvertido' });
  const roofs = addProject('commune:3', 'HOUSING', 2_800_000n, 'USD', '2025-08-01');
  roofs.history.push({ status: 'APPROVED', effectiveOn: '2025-09-15', reason: 'Approved by the mission' });
  plan.transfers.push({ id: plan.transfers.length + 1, sourceId: 3, bodyId: 'commune:3', projectId: roofs.id, amountMinor: 1_400_000n, currency: 'USD', transferredOn: '2025-10-01', purpose: 'Primer desembolso: techos de El Panal 2021' });
  addProject('commune:9', 'HEALTH', 9_500_000n, 'USD', '2026-05-12').history.push({ status: 'ABANDONED', effectiveOn: '2026-07-01', reason: 'Merged into a regional health plan' });
  return plan;
}

let cached: BudgetPlan | undefined;
/** Memoised: the seed and every test read the same plan. */
export function budgetPlan(): BudgetPlan {
  cached ??= buildBudgetPlan();
  return cached;
}

/** Fields of generated records that are synthetic, by table. */
export const SYNTHETIC = {
  project: ['name', 'category', 'estimatedCost', 'history', 'body'],
  transfer: ['amount', 'transferredOn', 'purpose'],
  entry: ['amount', 'paidOn', 'payee', 'documents'],
};
