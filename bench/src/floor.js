// Scenario 3's floor: the raw SQL its figures need under the state-summary design (ADR 0003), on one connection
// with the four subgraph databases attached, timed alone. Each statement answers one figure for all 24 states at
// once from the summary tables the domains keep by state (the reads our subgraphs make for a state); a domain
// whose database holds no summaries yet is floored by its facts joined with the body → state map.
import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';

const FROM = '2025-11-01';
const TO = '2026-10-31';
const [FIRST_MONTH, LAST_MONTH] = [FROM.slice(0, 7), TO.slice(0, 7)];

// Where each body lies, as territory files it: built once, indexed, outside the timing (fallback floors only).
const BODY_STATE = `create temp table body_state(body text primary key, state int) without rowid;
  insert into body_state select 'council:' || id, state_id from t.communal_council
  union all select 'commune:' || id, seat_state_id from t.commune
  union all select 'circuit:' || id, state_id from t.communal_circuit`;

const POPULATION = `select s.name, sum(c.population) from t.state s join t.communal_council c on c.state_id = s.id group by s.id`;

const PRODUCTION = [
  `select state_id, product_id, sum(quantity), sum(reports) from p.production_state_output
     where state_id <> '' and month between '${FIRST_MONTH}' and '${LAST_MONTH}' group by state_id, product_id`,
  // Active units: the summary by month founded, plus the units founded in the period's last month up to its last day.
  `select state_id, sum(units) from (
     select state_id, units from p.production_state_units where state_id <> '' and founded_month < '${LAST_MONTH}'
     union all select b.state_id, 1 from p.production_unit u join p.body_state b on b.body_id = u.owner_id
      where u.founded_on between '${LAST_MONTH}-01' and '${TO}' and u.status = 'ACTIVE') as x group by state_id`,
];
const PRODUCTION_FACTS = [
  `select b.state, r.product_id, sum(r.quantity), count(*) from p.production_report r join p.production_unit u on u.id = r.unit_id
     join body_state b on b.body = u.owner_id where r.month between '${FIRST_MONTH}' and '${LAST_MONTH}' group by b.state, r.product_id`,
  `select b.state, count(*) from p.production_unit u join body_state b on b.body = u.owner_id where u.status = 'ACTIVE' and u.founded_on <= '${TO}' group by b.state`,
];

const BUDGET = [
  `select state_id, sum(received), sum(spent) from g.budget_state_money where state_id <> '' and currency = 'USD' and day between '${FROM}' and '${TO}' group by state_id`,
  `select st.state_id, sum(st.eligible_voters), sum(st.ballots_cast) from g.budget_state_turnout st join g.consultation k on k.id = st.consultation_id
     where st.state_id <> '' and k.held_on between '${FROM}' and '${TO}' group by st.state_id`,
];
const BUDGET_FACTS = [
  `select b.state, sum(x.amount_minor) from g.transfer x join body_state b on b.body = x.body_id where x.currency = 'USD' and x.transferred_on between '${FROM}' and '${TO}' group by b.state`,
  `select b.state, sum(l.amount_minor) from g.ledger_entry l join body_state b on b.body = l.body_id where l.currency = 'USD' and l.paid_on between '${FROM}' and '${TO}' group by b.state`,
  `select b.state, sum(y.eligible_voters), sum(y.ballots_cast) from g.circuit_tally y join g.consultation k on k.id = y.consultation_id
     join body_state b on b.body = y.circuit_id where k.held_on between '${FROM}' and '${TO}' group by b.state`,
];

const GOVERNANCE = [
  `select state_id, sum(held), sum(attendance), sum(body_size) from v.governance_state_assemblies where state_id <> '' and day between '${FROM}' and '${TO}' group by state_id`,
];
const GOVERNANCE_FACTS = [`select b.state, count(*), sum(a.attendance) from v.assembly a join body_state b on b.body = a.body_id where a.held_on between '${FROM}' and '${TO}' group by b.state`];

/** The floor's statements for these databases: each domain's summary reads where it keeps summaries, else its fact joins. */
export function floorStatements(db) {
  const has = (alias, table) => db.prepare(`select 1 from ${alias}.sqlite_master where type = 'table' and name = ?`).get(table) !== undefined;
  return [
    POPULATION,
    ...(has('p', 'production_state_output') ? PRODUCTION : PRODUCTION_FACTS),
    ...(has('g', 'budget_state_money') ? BUDGET : BUDGET_FACTS),
    ...(has('v', 'governance_state_assemblies') ? GOVERNANCE : GOVERNANCE_FACTS),
  ];
}

const DOMAIN_OF_ALIAS = { t: 'territory', p: 'production', g: 'budget', v: 'governance' };

/**
 * Median, p95 and min milliseconds of running every floor statement once, over `runs` runs after two warm-ups;
 * and each domain's share (the median of its statements' time per run), to set against the federation's
 * critical path: territory's, then the domains' in parallel.
 */
export function measureFloor(dataDir, runs = 15) {
  const db = new DatabaseSync(':memory:');
  for (const [name, alias] of [['territory', 't'], ['production', 'p'], ['budget', 'g'], ['governance', 'v']]) db.exec(`attach database 'file:${join(dataDir, `${name}.sqlite`)}?mode=ro' as ${alias}`);
  const sql = floorStatements(db);
  if (sql.some((s) => s.includes('join body_state b on b.body ='))) db.exec(BODY_STATE);
  const statements = sql.map((s) => ({ statement: db.prepare(s), domain: DOMAIN_OF_ALIAS[/\b([tpgv])\.\w/.exec(s)[1]] }));
  const times = [];
  const domainTimes = Object.fromEntries(Object.values(DOMAIN_OF_ALIAS).map((d) => [d, []]));
  for (let i = 0; i < runs + 2; i++) {
    const spent = Object.fromEntries(Object.keys(domainTimes).map((d) => [d, 0]));
    const started = performance.now();
    for (const { statement, domain } of statements) {
      const at = performance.now();
      statement.all();
      spent[domain] += performance.now() - at;
    }
    if (i < 2) continue;
    times.push(performance.now() - started);
    for (const [domain, ms] of Object.entries(spent)) domainTimes[domain].push(ms);
  }
  db.close();
  const median = (list) => [...list].sort((a, b) => a - b)[Math.floor(list.length / 2)];
  times.sort((a, b) => a - b);
  const summaries = sql.filter((s) => /_state_/.test(s)).length;
  const byDomain = Object.fromEntries(Object.entries(domainTimes).map(([domain, list]) => [domain, median(list)]));
  return { p50: times[Math.floor(times.length / 2)], p95: times[Math.ceil(times.length * 0.95) - 1], min: times[0], statements: statements.length, summaries, byDomain };
}
