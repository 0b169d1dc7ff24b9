import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DatabaseSync } from 'node:sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, gateway, service, type Gateway, type Service } from './harness.js';

/** A national ID number as Venezuelan IDs are written (V-12345678): the canary a leak would show. */
const VOTER = 'V-12345678';
const ID_PATTERN = /\b[VE]-?\d{7,8}\b/;

describe('secret ballot: no voter identifier ever sits next to a choice', () => {
  const scratch = mkdtempSync(join(tmpdir(), 'ballot-'));
  const budgetFile = join(scratch, 'budget.sqlite');
  let territory: Service;
  let budget: Service;
  let gw: Gateway;
  beforeAll(async () => {
    territory = await service('territory');
    budget = await service('budget', { databaseUrl: `sqlite:${budgetFile}` });
    gw = await gateway([territory, budget]);
  });
  afterAll(async () => {
    await gw?.stop();
    await budget?.stop();
    await territory?.stop();
    rmSync(scratch, { recursive: true, force: true });
  });

  it('keeps only tallies through a whole voting flow: not in rows, audit entries or logs', async () => {
    // An electoral official records the round; a client also tries to smuggle a voter's identity in.
    const official = { ...(await bearer('ADMIN', ['*'], 'comision-electoral')), 'x-voter-id': VOTER };
    const run = async (query: string, input: Record<string, unknown>) => {
      const result = await gw.query(query, { input }, official);
      expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
      return Object.values(result.data as object)[0] as { id: string };
    };
    const round = await run('mutation($input: CreateConsultationInput!) { createConsultation(input: $input) { id } }', { heldOn: '2026-10-18', kind: 'GENERAL', fundedPerCircuit: 1 });
    const proposals = [];
    for (const name of ['Tanque de agua', 'Cancha techada']) {
      const project = await run('mutation($input: ProposeProjectInput!) { proposeProject(input: $input) { id } }', { name, category: 'WATER', bodyId: 'council:13', estimatedCost: '1000', currency: 'VES', proposedOn: '2026-09-01' });
      proposals.push(await run('mutation($input: AddProposalInput!) { addProposal(input: $input) { id } }', { consultationId: round.id, circuitId: 'circuit:2', projectId: project.id }));
    }
    const tally = { consultationId: round.id, circuitId: 'circuit:2', eligibleVoters: 900, invalidBallots: 3, recordedOn: '2026-10-19', votes: [{ proposalId: proposals[0]!.id, votes: 210 }, { proposalId: proposals[1]!.id, votes: 180 }] };
    const smuggled = await gw.query('mutation($input: RecordTallyInput!) { recordTally(input: $input) { tally { ballotsCast } } }', { input: { ...tally, votes: [{ ...tally.votes[0], voterId: VOTER }, tally.votes[1]] } }, official);
    expect(smuggled.errors![0]!.extensions!.code).toMatch(/BAD_USER_INPUT|GRAPHQL_VALIDATION_FAILED/);
    const recorded = await gw.query('mutation($input: RecordTallyInput!) { recordTally(input: $input) { tally { ballotsCast } } }', { input: tally }, official);
    expect(recorded.errors).toBeUndefined();

    // Every row of every table, the audit trail included: no column made for a voter, no voter-like value.
    const db = new DatabaseSync(budgetFile, { readOnly: true });
    const tables = db.prepare("select name from sqlite_master where type = 'table'").all().map((t) => String(t.name));
    for (const table of tables) {
      const columns = db.prepare(`pragma table_info(${table})`).all().map((c) => String(c.name));
      expect(columns.filter((c) => /voter_?id|cedula|national_id|document_number|birth/i.test(c)), table).toEqual([]);
      const dump = JSON.stringify(db.prepare(`select * from ${table}`).all());
      expect(dump, table).not.toContain(VOTER);
      expect(dump, table).not.toMatch(ID_PATTERN);
    }
    db.close();
    // The logs of every process that saw the flow.
    for (const process of [gw, budget, territory]) {
      expect(process.output(), process.name).not.toContain(VOTER);
      expect(process.output(), process.name).not.toMatch(ID_PATTERN);
    }
  });
});
