// Scenario 3's floor: the raw SQL its figures need, on one connection with the four subgraph databases
// attached, timed alone. Each statement answers one figure for all 24 states at once, the bodies placed in a
// state the way the territory's scope places them (a council where it lies, a commune and a circuit by seat).
import { DatabaseSync } from 'node:sqlite';
import { join } from 'node:path';

const FROM = '2025-11-01';
const TO = '2026-10-31';

// Where each body lies, as the scopes the gateway ships say: built once, indexed, outside the timing.
const BODY_STATE = `create temp table body_state(body text primary key, state int) without rowid;
  insert into body_state select 'council:' || id, state_id from t.communal_council
  union all select 'commune:' || id, seat_state_id from t.commune
  union all select 'circuit:' || id, state_id from t.communal_circuit`;

export const FLOOR_STATEMENTS = [
  `select s.name, sum(c.population) from t.state s join t.communal_council c on c.state_id = s.id group by s.id`,
  `select b.state, r.product_id, sum(r.quantity), count(*) from p.production_report r join p.production_unit u on u.id = r.unit_id
     join body_state b on b.body = u.owner_id where r.month between '${FROM.slice(0, 7)}' and '${TO.slice(0, 7)}' group by b.state, r.product_id`,
  `select b.state, count(*) from p.production_unit u join body_state b on b.body = u.owner_id where u.status = 'ACTIVE' and u.founded_on <= '${TO}' group by b.state`,
  `select b.state, sum(x.amount_minor) from g.transfer x join body_state b on b.body = x.body_id where x.currency = 'USD' and x.transferred_on between '${FROM}' and '${TO}' group by b.state`,
  `select b.state, sum(l.amount_minor) from g.ledger_entry l join body_state b on b.body = l.body_id where l.currency = 'USD' and l.paid_on between '${FROM}' and '${TO}' group by b.state`,
  `select b.state, sum(y.eligible_voters), sum(y.ballots_cast) from g.circuit_tally y join g.consultation k on k.id = y.consultation_id
     join body_state b on b.body = y.circuit_id where k.held_on between '${FROM}' and '${TO}' group by b.state`,
  `select b.state, count(*), sum(a.attendance) from v.assembly a join body_state b on b.body = a.body_id where a.held_on between '${FROM}' and '${TO}' group by b.state`,
];

/** Median, p95 and min milliseconds of running every floor statement once, over `runs` runs after two warm-ups. */
export function measureFloor(dataDir, runs = 15) {
  const db = new DatabaseSync(':memory:');
  for (const [name, alias] of [['territory', 't'], ['production', 'p'], ['budget', 'g'], ['governance', 'v']]) db.exec(`attach database 'file:${join(dataDir, `${name}.sqlite`)}?mode=ro' as ${alias}`);
  db.exec(BODY_STATE);
  const statements = FLOOR_STATEMENTS.map((sql) => db.prepare(sql));
  const times = [];
  for (let i = 0; i < runs + 2; i++) {
    const started = performance.now();
    for (const s of statements) s.all();
    if (i >= 2) times.push(performance.now() - started);
  }
  db.close();
  times.sort((a, b) => a - b);
  return { p50: times[Math.floor(times.length / 2)], p95: times[Math.ceil(times.length * 0.95) - 1], min: times[0], statements: statements.length };
}
