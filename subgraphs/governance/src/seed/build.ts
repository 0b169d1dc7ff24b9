import { intBetween, referenceFacts, sampleTerritory, seededRandom } from '@comuna/sample-data';
import type { AssemblyKind, QuorumRule } from '../entities/assembly.js';
import type { MandateRole } from '../entities/mandate.js';
import type { OrganKind } from '../entities/organ.js';
import type { GovernanceRules } from '../rules/config.js';
import { termEnd, seatsFor } from '../rules/mandate.js';
import { parliamentSeats, quorumFor } from '../rules/quorum.js';
import { GIVEN_NAMES, SURNAMES } from './names.js';

/** The sample governance records as plain rows with explicit ids (the seed inserts them; tests recompute from them). */
export interface GovernanceSample {
  organs: { id: number; bodyId: string; kind: OrganKind; name: string; topic: string | null; createdOn: string; principalSeats: number; substituteSeats: number; syntheticFields: string[]; sources: string[] }[];
  spokespersons: { id: number; name: string; syntheticFields: string[]; sources: string[] }[];
  elections: { id: number; organId: number; heldOn: string; electoralCommissionId: number | null }[];
  mandates: { id: number; spokespersonId: number; organId: number; role: MandateRole; seat: number; onBehalfOf: string | null; electionId: number; startOn: string; termEndsOn: string; revokedOn: string | null; syntheticFields: string[]; sources: string[] }[];
  assemblies: { id: number; bodyId: string; kind: AssemblyKind; heldOn: string; attendance: number; quorumRule: QuorumRule; bodySize: number; bodySizeSource: string; quorumRequired: number; quorate: boolean; agenda: string[]; idempotencyKey: null; syntheticFields: string[]; sources: string[] }[];
  decisions: { id: number; assemblyId: number; position: number; text: string; votesFor: number; votesAgainst: number; votesAbstaining: number; carried: boolean }[];
  recalls: { id: number; mandateId: number; requestedBy: 'RESIDENTS' | 'SOCIAL_CONTROL_UNIT'; requestedOn: string; signatures: number | null; eligibleResidents: number | null; reportedOn: string; decisionId: number; decidedOn: string }[];
  federations: { id: number; name: string; foundedOn: string; foundedAt: string; syntheticFields: string[]; sources: string[] }[];
  federationMembers: { id: number; federationId: number; kind: 'COMMUNE' | 'MOVEMENT'; name: string; communeId: string | null; joinedOn: string; syntheticFields: string[]; sources: string[] }[];
}

const SEED = 'comuna-graph-governance-v1';
const COUNCIL_ORGANS: [OrganKind, string][] = [
  ['EXECUTIVE_UNIT', 'Unidad Ejecutiva'],
  ['ADMINISTRATIVE_FINANCIAL_UNIT', 'Unidad Administrativa y Financiera Comunitaria'],
  ['SOCIAL_CONTROL_UNIT', 'Unidad de Contraloría Social'],
  ['ELECTORAL_COMMISSION', 'Comisión Electoral Permanente'],
];
const COMMITTEES: [string, string][] = [
  ['Comité de Salud', 'health'],
  ['Comité de Alimentación', 'food'],
  ['Comité de Educación', 'education'],
];
const AGENDA = ['Informe de la Unidad Ejecutiva', 'Rendición de cuentas de la Unidad Administrativa y Financiera', 'Propuestas para la Consulta Popular Nacional', 'Plan de agua potable del sector', 'Jornada de salud comunitaria'];
const MOTIONS = ['Aprobar el proyecto de rehabilitación de la red de agua', 'Aprobar la rendición de cuentas del trimestre', 'Postular el proyecto de vialidad a la Consulta Popular', 'Constituir la brigada de salud comunitaria', 'Aprobar el plan de siembra colectiva'];

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * Builds the sample: every sample council gets its organs, two committees of three, elected spokespersons (a
 * 2021 round, now expired, and a 2024 round in force), four citizens' assemblies in 2025 with 1-2 decisions each;
 * every commune a parliament with one seat per council and sessions (Monte Sinaí's every Wednesday, as reported);
 * two recalls; and the Unión Comunera. Deterministic; everything generated is marked synthetic.
 */
export function buildGovernanceSample(rules: GovernanceRules): GovernanceSample {
  const random = seededRandom(SEED);
  const territory = sampleTerritory();
  const s: GovernanceSample = { organs: [], spokespersons: [], elections: [], mandates: [], assemblies: [], decisions: [], recalls: [], federations: [], federationMembers: [] };
  const synthetic = (fields: string[]) => ({ syntheticFields: fields, sources: [] as string[] });

  const organ = (bodyId: string, kind: OrganKind, name: string, topic: string | null, createdOn: string) => {
    const row = { id: s.organs.length + 1, bodyId, kind, name, topic, createdOn, ...seatsFor(kind, rules), ...synthetic(['createdOn']) };
    s.organs.push(row);
    return row;
  };
  const person = () => {
    const name = `${GIVEN_NAMES[intBetween(random, 0, GIVEN_NAMES.length - 1)]} ${SURNAMES[intBetween(random, 0, SURNAMES.length - 1)]} ${SURNAMES[intBetween(random, 0, SURNAMES.length - 1)]}`;
    const row = { id: s.spokespersons.length + 1, name, ...synthetic(['name']) };
    s.spokespersons.push(row);
    return row.id;
  };
  const elect = (organId: number, heldOn: string, commissionId: number | null, seats: { role: MandateRole; seat: number; onBehalfOf: string | null }[]) => {
    const election = { id: s.elections.length + 1, organId, heldOn, electoralCommissionId: commissionId };
    s.elections.push(election);
    for (const seat of seats) {
      s.mandates.push({
        id: s.mandates.length + 1, spokespersonId: person(), organId, ...seat, electionId: election.id, startOn: heldOn,
        termEndsOn: termEnd(heldOn, rules.MANDATE_YEARS), revokedOn: null, ...synthetic(['spokesperson', 'startOn']),
      });
    }
  };
  const unitSeats = (o: { principalSeats: number; substituteSeats: number }) => [
    ...Array.from({ length: o.principalSeats }, (_, i) => ({ role: 'PRINCIPAL' as const, seat: i + 1, onBehalfOf: null })),
    ...Array.from({ length: o.substituteSeats }, (_, i) => ({ role: 'SUBSTITUTE' as const, seat: i + 1, onBehalfOf: null })),
  ];
  const assembly = (bodyId: string, bodyKind: 'council' | 'commune', heldOn: string, size: number, share: number) => {
    const quorum = quorumFor(bodyKind, size, rules);
    const attendance = Math.min(size, Math.max(1, Math.round(size * share)));
    const row = {
      id: s.assemblies.length + 1, bodyId, kind: quorum.kind, heldOn, attendance, quorumRule: quorum.rule, bodySize: size,
      bodySizeSource: 'sample census (@comuna/sample-data)', quorumRequired: quorum.required, quorate: attendance >= quorum.required,
      agenda: [AGENDA[intBetween(random, 0, AGENDA.length - 1)]!, AGENDA[intBetween(random, 0, AGENDA.length - 1)]!], idempotencyKey: null,
      ...synthetic(['heldOn', 'attendance', 'agenda', 'decisions']),
    };
    s.assemblies.push(row);
    return row;
  };
  const decide = (assemblyId: number, position: number, text: string, voters: number, forShare: number) => {
    const votesFor = Math.round(voters * forShare);
    const votesAbstaining = Math.round((voters - votesFor) * 0.3);
    const votesAgainst = voters - votesFor - votesAbstaining;
    const row = { id: s.decisions.length + 1, assemblyId, position, text, votesFor, votesAgainst, votesAbstaining, carried: votesFor > votesAgainst };
    s.decisions.push(row);
    return row;
  };

  for (const council of territory.councils) {
    const bodyId = `council:${council.id}`;
    const founded = council.history[0]!.effectiveOn;
    const organs = COUNCIL_ORGANS.map(([kind, name]) => organ(bodyId, kind, name, null, founded));
    const commission = organs.find((o) => o.kind === 'ELECTORAL_COMMISSION')!;
    for (const [name, topic] of COMMITTEES.slice(0, 2 + (council.id % 2))) organs.push(organ(bodyId, 'COMMITTEE', name, topic, addDays(founded, 60)));
    // The 2021 round has run out; the 2024 round is in force until 2027.
    const first = `2021-${String(intBetween(random, 3, 11)).padStart(2, '0')}-${String(intBetween(random, 1, 28)).padStart(2, '0')}`;
    const second = `2024-${String(intBetween(random, 3, 11)).padStart(2, '0')}-${String(intBetween(random, 1, 28)).padStart(2, '0')}`;
    for (const o of organs.filter((o) => o.kind === 'EXECUTIVE_UNIT' || o.kind === 'SOCIAL_CONTROL_UNIT')) {
      if (first >= o.createdOn) elect(o.id, first, commission.id, unitSeats(o));
      elect(o.id, second, commission.id, unitSeats(o));
    }
    for (let q = 0; q < 4; q++) {
      const heldOn = `2025-${String(q * 3 + intBetween(random, 1, 3)).padStart(2, '0')}-${String(intBetween(random, 1, 28)).padStart(2, '0')}`;
      // Attendance from 4 % to 40 % of families: most assemblies meet the 10 % quorum, some do not.
      const a = assembly(bodyId, 'council', heldOn, council.families, 0.04 + random() * 0.36);
      const decisions = 1 + intBetween(random, 0, 1);
      for (let d = 0; d < decisions; d++) decide(a.id, d + 1, MOTIONS[intBetween(random, 0, MOTIONS.length - 1)]!, Math.round(a.attendance * (2 + random())), 0.35 + random() * 0.55);
    }
  }

  for (const commune of territory.communes) {
    const bodyId = `commune:${commune.id}`;
    const councils = territory.councils.filter((c) => c.communeId === commune.id);
    const parliament = organ(bodyId, 'COMMUNAL_PARLIAMENT', 'Parlamento Comunal', null, commune.foundedOn);
    organ(bodyId, 'COMMUNAL_BANK', 'Banco de la Comuna', null, commune.foundedOn);
    elect(parliament.id, `2024-${String(intBetween(random, 3, 9)).padStart(2, '0')}-15`, null, councils.map((c, i) => ({ role: 'PRINCIPAL' as const, seat: i + 1, onBehalfOf: `council:${c.id}` })));
    const seats = parliamentSeats(councils.length, rules);
    // Monte Sinaí's parliament meets every Wednesday (reference facts); the others about monthly.
    const weekly = commune.name === 'Monte Sinaí';
    const dates = weekly
      ? Array.from({ length: 12 }, (_, i) => addDays('2025-09-03', 7 * i))
      : Array.from({ length: 3 }, (_, i) => `2025-${String(2 + i * 4).padStart(2, '0')}-${String(intBetween(random, 1, 28)).padStart(2, '0')}`);
    for (const heldOn of dates) {
      const a = assembly(bodyId, 'commune', heldOn, seats, 0.35 + random() * 0.6);
      if (weekly) a.syntheticFields = ['attendance', 'agenda', 'decisions'];
      const d = decide(a.id, 1, MOTIONS[intBetween(random, 0, MOTIONS.length - 1)]!, a.attendance, 0.4 + random() * 0.5);
      void d;
    }
  }

  // Two recalls, each decided by an adopted decision of a quorate citizens' assembly of the mandate's council.
  for (const [councilId, seat] of [[2, 3], [40, 1]] as const) {
    const bodyId = `council:${councilId}`;
    const council = territory.councils.find((c) => c.id === councilId)!;
    const unit = s.organs.find((o) => o.bodyId === bodyId && o.kind === 'EXECUTIVE_UNIT')!;
    const mandate = s.mandates.filter((m) => m.organId === unit.id && m.role === 'PRINCIPAL' && m.seat === seat).at(-1)!;
    const requestedOn = '2025-10-06';
    const reportedOn = '2025-10-17';
    const a = assembly(bodyId, 'council', '2025-10-25', council.families, 0.3);
    a.agenda = ['Informe de la Unidad de Contraloría Social sobre la solicitud de revocatoria'];
    const d = decide(a.id, 1, `Revocar el mandato del vocero principal ${seat} de la Unidad Ejecutiva`, Math.round(a.attendance * 2.5), 0.8);
    const eligibleResidents = Math.round(council.population * 0.7);
    s.recalls.push({
      id: s.recalls.length + 1, mandateId: mandate.id, requestedBy: councilId === 2 ? 'RESIDENTS' : 'SOCIAL_CONTROL_UNIT', requestedOn,
      signatures: councilId === 2 ? Math.ceil(eligibleResidents * 0.12) : null, eligibleResidents: councilId === 2 ? eligibleResidents : null,
      reportedOn, decisionId: d.id, decidedOn: a.heldOn,
    });
    mandate.revokedOn = a.heldOn;
  }

  // The Unión Comunera: founding date and place are facts; which sample communes joined, besides El Maizal, is not.
  const union = referenceFacts.national.union_comunera as { founded: string; sources: string[] };
  const foundedOn = union.founded.slice(0, 10);
  s.federations.push({ id: 1, name: 'Unión Comunera', foundedOn, foundedAt: 'Comuna El Maizal, Simón Planas, Lara', syntheticFields: [], sources: union.sources });
  for (const commune of territory.communes.filter((c) => c.history.at(-1)!.status === 'ACTIVE')) {
    const fact = commune.name === 'El Maizal';
    s.federationMembers.push({
      id: s.federationMembers.length + 1, federationId: 1, kind: 'COMMUNE', name: commune.name, communeId: `commune:${commune.id}`, joinedOn: foundedOn,
      syntheticFields: fact ? [] : ['membership'], sources: fact ? union.sources : [],
    });
  }
  for (const name of ['Movimiento de Pobladores (muestra)', 'Frente Campesino (muestra)', 'Colectivo de Comunicación Popular (muestra)']) {
    s.federationMembers.push({ id: s.federationMembers.length + 1, federationId: 1, kind: 'MOVEMENT', name, communeId: null, joinedOn: foundedOn, ...synthetic(['name', 'membership']) });
  }
  return s;
}
