import { intBetween, seededRandom } from '@comuna/sample-data';
import { addDays, dayBetween } from './dates.js';
import { json, type Table } from './table.js';
import type { NationalTerritory } from './territory.js';

const AGENDA = ['Informe de la Unidad Ejecutiva', 'Rendición de cuentas de la Unidad Administrativa y Financiera', 'Propuestas para la Consulta Popular Nacional', 'Plan de agua potable del sector', 'Jornada de salud comunitaria'];
const MOTIONS = ['Aprobar el proyecto de rehabilitación de la red de agua', 'Aprobar la rendición de cuentas del trimestre', 'Postular el proyecto de vialidad a la Consulta Popular', 'Constituir la brigada de salud comunitaria', 'Aprobar el plan de siembra colectiva'];
const PERIOD_START = '2023-11-01';
const PERIOD_END = '2026-10-31';
const QUORUM_PERCENT = 10;

const rows = (name: string, columns: string[], data: unknown[][]): Table => ({ name, columns, count: data.length, rows: () => data });

/**
 * Governance history: every council's executive unit elected in 2024 (5 principals, 2 substitutes) and its
 * citizens' assemblies (quarterly when active, twice a year otherwise, none after it or its commune stopped), 1-2 decisions
 * each; every active commune's parliament in monthly session; one recall in every 200 councils. The state of
 * every council and commune (body_state) keys the governance state summaries.
 */
export function governanceTables(seed: string, t: NationalTerritory): Table[] {
  const random = seededRandom(`${seed}/governance`);
  const organs: unknown[][] = [];
  const elections: unknown[][] = [];
  const spokespersons: unknown[][] = [];
  const mandates: unknown[][] = [];
  const assemblies: unknown[][] = [];
  const decisions: unknown[][] = [];
  const recalls: unknown[][] = [];
  const synthetic = json(['createdOn']);
  const none = json([]);

  const assembly = (bodyId: string, kind: string, rule: string, heldOn: string, size: number, required: number, attendance: number) => {
    const id = assemblies.length + 1;
    assemblies.push([id, bodyId, kind, heldOn, attendance, rule, size, 'national dataset census (@comuna/national-data)', required, attendance >= required,
      json([AGENDA[intBetween(random, 0, AGENDA.length - 1)], AGENDA[intBetween(random, 0, AGENDA.length - 1)]]), null, json(['heldOn', 'attendance', 'agenda', 'decisions']), none]);
    const n = intBetween(random, 1, 2);
    for (let p = 1; p <= n; p++) {
      const against = intBetween(random, 0, Math.floor(attendance / 5));
      const abstaining = intBetween(random, 0, Math.floor(attendance / 10));
      const votesFor = Math.max(0, attendance - against - abstaining);
      decisions.push([decisions.length + 1, id, p, MOTIONS[intBetween(random, 0, MOTIONS.length - 1)], votesFor, against, abstaining, votesFor > against]);
    }
    return id;
  };

  const communeOf = new Map(t.communes.map((m) => [m.id, m]));
  for (const c of t.councils) {
    const status = c.history.at(-1)!.status;
    if (status === 'IN_FORMATION') continue;
    const bodyId = `council:${c.id}`;
    const organId = organs.length + 1;
    const createdOn = c.history.find((h) => h.status === 'REGISTERED')?.effectiveOn ?? c.history[0]!.effectiveOn;
    organs.push([organId, bodyId, 'EXECUTIVE_UNIT', 'Unidad Ejecutiva', null, createdOn, 5, 2, synthetic, none]);
    const electionId = elections.length + 1;
    const heldOn = dayBetween(random, '2024-03-01', '2024-09-30');
    elections.push([electionId, organId, heldOn, null]);
    const firstMandate = mandates.length + 1;
    for (const [role, seats] of [['PRINCIPAL', 5], ['SUBSTITUTE', 2]] as const) {
      for (let seat = 1; seat <= seats; seat++) {
        const person = spokespersons.length + 1;
        spokespersons.push([person, `Vocero ${person}`, json(['name']), none]);
        mandates.push([mandates.length + 1, person, organId, role, seat, null, electionId, heldOn, addDays(heldOn, 3 * 365), null, json(['startOn']), none]);
      }
    }
    const commune = c.communeId === null ? undefined : communeOf.get(c.communeId);
    const communeStopped = commune?.stoppedIn ? `${commune.stoppedIn}-01` : PERIOD_END;
    const councilStopped = status === 'INACTIVE' ? c.history.at(-1)!.effectiveOn : PERIOD_END;
    const stopped = councilStopped < communeStopped ? councilStopped : communeStopped;
    const every = status === 'ACTIVE' ? 91 : 182;
    let latest = 0;
    for (let day = addDays(PERIOD_START, intBetween(random, 0, 60)); day <= stopped; day = addDays(day, every + intBetween(random, -10, 10))) {
      const required = Math.max(1, Math.ceil((c.families * QUORUM_PERCENT) / 100));
      latest = assembly(bodyId, 'CITIZENS_ASSEMBLY', 'SHARE_OF_FAMILIES', day, c.families, required, intBetween(random, Math.floor(required * 0.6), Math.min(c.families, required * 4)));
    }
    if (c.id % 200 === 0 && latest > 0) {
      const held = assemblies[latest - 1]![3] as string;
      const decisionId = decisions.length + 1;
      decisions.push([decisionId, latest, 9, 'Revocar el mandato del vocero principal 1 de la Unidad Ejecutiva', Math.ceil(c.families * 0.3), 2, 1, true]);
      mandates[firstMandate - 1]![9] = held;
      recalls.push([recalls.length + 1, firstMandate, 'RESIDENTS', addDays(held, -30), Math.ceil(c.families * 0.12), c.families, addDays(held, -10), decisionId, held]);
    }
  }
  const councilsOf = new Map<number, number>();
  for (const c of t.councils) if (c.communeId !== null) councilsOf.set(c.communeId, (councilsOf.get(c.communeId) ?? 0) + 1);
  for (const m of t.communes) {
    if (m.history.at(-1)!.status !== 'ACTIVE') continue;
    const seats = councilsOf.get(m.id)! + 4;
    organs.push([organs.length + 1, `commune:${m.id}`, 'COMMUNAL_PARLIAMENT', 'Parlamento Comunal', null, m.history.at(-1)!.effectiveOn, 100, 100, synthetic, none]);
    for (let day = addDays(PERIOD_START, intBetween(random, 0, 20)); day <= PERIOD_END; day = addDays(day, 30)) {
      const required = Math.floor(seats / 2) + 1;
      assembly(`commune:${m.id}`, 'PARLIAMENT_SESSION', 'MAJORITY_OF_SEATS', day, seats, required, intBetween(random, Math.floor(seats * 0.4), seats));
    }
  }
  return [
    // The state map first: the summary triggers read it as each fact row arrives.
    rows('body_state', ['body_id', 'state_id'], [...t.councils.map((c) => [`council:${c.id}`, `state:${c.stateId}`]), ...t.communes.map((m) => [`commune:${m.id}`, `state:${m.seatStateId}`])]),
    rows('organ', ['id', 'body_id', 'kind', 'name', 'topic', 'created_on', 'principal_seats', 'substitute_seats', 'synthetic_fields', 'sources'], organs),
    rows('election', ['id', 'organ_id', 'held_on', 'electoral_commission_id'], elections),
    rows('spokesperson', ['id', 'name', 'synthetic_fields', 'sources'], spokespersons),
    rows('mandate', ['id', 'spokesperson_id', 'organ_id', 'role', 'seat', 'on_behalf_of', 'election_id', 'start_on', 'term_ends_on', 'revoked_on', 'synthetic_fields', 'sources'], mandates),
    rows('assembly', ['id', 'body_id', 'kind', 'held_on', 'attendance', 'quorum_rule', 'body_size', 'body_size_source', 'quorum_required', 'quorate', 'agenda', 'idempotency_key', 'synthetic_fields', 'sources'], assemblies),
    rows('decision', ['id', 'assembly_id', 'position', 'text', 'votes_for', 'votes_against', 'votes_abstaining', 'carried'], decisions),
    rows('recall', ['id', 'mandate_id', 'requested_by', 'requested_on', 'signatures', 'eligible_residents', 'reported_on', 'decision_id', 'decided_on'], recalls),
  ];
}
