import { intBetween, seededRandom } from '@comuna/sample-data';
import { addDays } from './dates.js';
import { json, type Table } from './table.js';
import type { NationalTerritory } from './territory.js';

const rows = (name: string, columns: string[], data: unknown[][]): Table => ({ name, columns, count: data.length, rows: () => data });
const CATEGORIES = ['HOUSING', 'WATER', 'ROADS', 'ELECTRICITY', 'HEALTH', 'EDUCATION', 'PRODUCTION', 'CULTURE', 'OTHER'];
/** Four rounds a year over the three years of the dataset; the August round is the youth consultation. */
const ROUNDS = ['2023-11-19', '2024-02-25', '2024-05-26', '2024-08-25', '2024-11-24', '2025-02-23', '2025-05-25', '2025-08-24', '2025-11-23', '2026-02-22', '2026-05-24', '2026-08-23'];
const END = '2026-10-31';

/**
 * Budget: the consultation rounds with 3-5 projects on every working circuit's slate, tallies and votes; the
 * winners approved, funded by the ministry and spent through the ledger as time passes; monthly own-bank
 * transfers to active communes; the register of known bodies every check reads, with the state each counts in
 * (a council's, a commune's seat, a circuit's), which keys the budget's state summaries.
 */
export function budgetTables(seed: string, t: NationalTerritory): Table[] {
  const random = seededRandom(`${seed}/budget`);
  const none = json([]);
  const synthetic = json(['amount', 'date']);
  const sources: unknown[][] = [
    [1, 'Ministerio del Poder Popular para las Comunas y los Movimientos Sociales', 'MINISTRY', null, none, none],
    [2, 'Fondo de Compensación Interterritorial', 'INTERTERRITORIAL_FUND', null, none, none],
    [3, 'Gran Misión Vivienda Venezuela', 'MISSION', null, none, none],
  ];
  const known: unknown[][] = [];
  const projects: unknown[][] = [];
  const changes: unknown[][] = [];
  const transfers: unknown[][] = [];
  const ledger: unknown[][] = [];
  const consultations: unknown[][] = [];
  const proposals: unknown[][] = [];
  const tallies: unknown[][] = [];
  const bankOf = new Map<number, number>();
  for (const m of t.communes) {
    known.push([`commune:${m.id}`, 'commune', null, `state:${m.seatStateId}`, false]);
    if (m.history.at(-1)!.status === 'ACTIVE') {
      bankOf.set(m.id, sources.length + 1);
      sources.push([sources.length + 1, `Banco de la Comuna ${m.id}`, 'COMMUNAL_BANK', `commune:${m.id}`, json(['name']), none]);
    }
  }
  for (const c of t.circuits) known.push([`circuit:${c.id}`, 'circuit', null, `state:${c.stateId}`, false]);
  const councilsOf = new Map<number, typeof t.councils>();
  for (const c of t.councils) {
    known.push([`council:${c.id}`, 'council', c.circuitId === null ? null : `circuit:${c.circuitId}`, `state:${c.stateId}`, false]);
    if (c.circuitId === null || c.history.at(-1)!.status === 'IN_FORMATION') continue;
    const members = councilsOf.get(c.circuitId);
    if (members) members.push(c);
    else councilsOf.set(c.circuitId, [c]);
  }

  const communeOf = new Map(t.communes.map((m) => [m.id, m]));
  const change = (projectId: number, status: string, previous: string | null, on: string, reason: string) => changes.push([changes.length + 1, projectId, status, previous, on, reason]);
  ROUNDS.forEach((heldOn, r) => {
    const consultationId = r + 1;
    const youth = heldOn.slice(5, 7) === '08';
    const funded = youth ? 1 : 2;
    consultations.push([consultationId, heldOn, youth ? 'YOUTH' : 'GENERAL', funded, youth ? 15 : 15, json(['heldOn']), none]);
    // Councils of a commune that stopped working (registry or dormant) propose nothing and a circuit of it casts no ballots.
    const working = (communeId: number | null) => communeId === null || !(communeOf.get(communeId)?.stoppedIn && communeOf.get(communeId)!.stoppedIn! <= heldOn.slice(0, 7));
    for (const circuit of t.circuits) {
      const members = councilsOf.get(circuit.id)?.filter((c) => working(c.communeId));
      if (!members?.length || circuit.history.at(-1)!.status !== 'ACTIVE' || !working(circuit.communeId)) continue;
      const slate = intBetween(random, 3, 5);
      const eligible = Math.round(members.reduce((n, c) => n + c.population, 0) * 0.7);
      const cast = Math.round(eligible * (0.15 + random() * 0.3));
      const invalid = Math.round(cast * (0.01 + random() * 0.02));
      const weights = Array.from({ length: slate }, () => random());
      const sum = weights.reduce((a, b) => a + b, 0);
      const votes = weights.map((w) => Math.floor(((cast - invalid) * w) / sum));
      const order = votes.map((v, i) => [v, i] as const).sort((a, b) => b[0] - a[0] || a[1] - b[1]);
      const winners = new Set(order.slice(0, funded).map(([, i]) => i));
      tallies.push([tallies.length + 1, consultationId, `circuit:${circuit.id}`, eligible, cast, invalid, addDays(heldOn, 2)]);
      for (let position = 0; position < slate; position++) {
        const council = members[intBetween(random, 0, members.length - 1)]!;
        const projectId = projects.length + 1;
        const proposedOn = addDays(heldOn, -intBetween(random, 20, 60));
        const cost = BigInt(intBetween(random, 5_000, 60_000)) * 100n;
        const won = winners.has(position);
        const approvedOn = won ? addDays(heldOn, 15) : null;
        const age = won ? (Date.parse(END) - Date.parse(approvedOn!)) / 86_400_000 : 0;
        const status = !won ? 'PROPOSED' : age > 300 ? 'DONE' : age > 60 ? 'IN_EXECUTION' : 'APPROVED';
        projects.push([projectId, `Proyecto ${projectId}: ${CATEGORIES[projectId % CATEGORIES.length]!.toLowerCase()}`, CATEGORIES[intBetween(random, 0, CATEGORIES.length - 1)], `council:${council.id}`, cost, 'USD', status, proposedOn, approvedOn, json(['name', 'estimatedCost']), none]);
        change(projectId, 'PROPOSED', null, proposedOn, 'Proposed by the citizens assembly');
        proposals.push([proposals.length + 1, consultationId, `circuit:${circuit.id}`, projectId, position + 1, votes[position]]);
        if (!won) continue;
        change(projectId, 'APPROVED', 'PROPOSED', approvedOn!, 'Selected in the popular consultation');
        const transferredOn = addDays(approvedOn!, intBetween(random, 10, 40));
        if (transferredOn > END) continue;
        transfers.push([transfers.length + 1, 1, `council:${council.id}`, projectId, cost, 'USD', transferredOn, 'Funds for the project selected in the consultation', synthetic, none]);
        if (status === 'APPROVED') continue;
        const started = addDays(transferredOn, 20);
        change(projectId, 'IN_EXECUTION', 'APPROVED', started, 'Works started');
        const payments = intBetween(random, 1, 3);
        for (let p = 0; p < payments; p++) {
          const paidOn = addDays(started, 20 * (p + 1));
          if (paidOn > END) break;
          ledger.push([ledger.length + 1, projectId, `council:${council.id}`, (cost * BigInt(intBetween(random, 20, 33))) / 100n, 'USD', paidOn, `Proveedor ${intBetween(random, 1, 500)}`, 'Materials and labour (synthetic)',
            true, true, true, true, 3, true, true, false, null, synthetic, none]);
        }
        if (status === 'DONE') change(projectId, 'DONE', 'IN_EXECUTION', addDays(started, 200), 'Works received by the assembly');
      }
    }
  });
  for (const [communeId, sourceId] of bankOf) {
    for (let day = '2023-11-05'; day <= END; day = addDays(day, intBetween(random, 25, 35))) {
      transfers.push([transfers.length + 1, sourceId, `commune:${communeId}`, null, BigInt(intBetween(random, 500, 8_000)) * 100n, random() < 0.6 ? 'USD' : 'VES', day, 'Own revenue of the communal bank', synthetic, none]);
    }
  }
  return [
    rows('funding_source', ['id', 'name', 'kind', 'owner_body_id', 'synthetic_fields', 'sources'], sources),
    rows('known_body', ['id', 'kind', 'circuit_id', 'state_id', 'dissolved'], known),
    rows('consultation', ['id', 'held_on', 'kind', 'funded_per_circuit', 'minimum_voter_age', 'synthetic_fields', 'sources'], consultations),
    rows('project', ['id', 'name', 'category', 'body_id', 'estimated_cost_minor', 'currency', 'status', 'proposed_on', 'approved_on', 'synthetic_fields', 'sources'], projects),
    rows('project_status_change', ['id', 'project_id', 'status', 'previous_status', 'effective_on', 'reason'], changes),
    rows('proposal', ['id', 'consultation_id', 'circuit_id', 'project_id', 'ballot_position', 'votes'], proposals),
    rows('circuit_tally', ['id', 'consultation_id', 'circuit_id', 'eligible_voters', 'ballots_cast', 'invalid_ballots', 'recorded_on'], tallies),
    rows('transfer', ['id', 'source_id', 'body_id', 'project_id', 'amount_minor', 'currency', 'transferred_on', 'purpose', 'synthetic_fields', 'sources'], transfers),
    rows('ledger_entry', ['id', 'project_id', 'body_id', 'amount_minor', 'currency', 'paid_on', 'payee', 'description', 'assembly_minutes', 'funder_approval', 'account_statement', 'contracting_minutes', 'quotes', 'invoice', 'receipt_minutes', 'overspend_allowed', 'reverses_id', 'synthetic_fields', 'sources'], ledger),
  ];
}
