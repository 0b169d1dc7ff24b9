/**
 * What each fact row adds to the state summaries (entities/state-summaries.ts), written once so the triggers, the
 * re-keying of a unit or body that moves, and the bulk rebuild cannot disagree. `r` is a row alias (`new`, `old`
 * inside a trigger); `sign` is 1 to add the row's part, -1 to take it away.
 */

export interface Summary {
  table: string;
  keys: string[];
  values: string[];
}

export const OUTPUT: Summary = { table: 'production_state_output', keys: ['state_id', 'month', 'product_id'], values: ['quantity', 'reports'] };
export const TYPE_OUTPUT: Summary = { table: 'production_state_type_output', keys: ['state_id', 'month', 'unit_type', 'product_id'], values: ['quantity', 'reports'] };
export const UNITS: Summary = { table: 'production_state_units', keys: ['state_id', 'founded_month', 'unit_type'], values: ['units', 'workers'] };
/** Reports per (owning body, month): the months a body reported, whatever its state (dashboards, ADR 0005). */
export const BODY_MONTHS: Summary = { table: 'production_body_months', keys: ['body_id', 'month'], values: ['reports'] };
export const SUMMARIES = [OUTPUT, TYPE_OUTPUT, UNITS, BODY_MONTHS];
const OUTPUTS = [OUTPUT, TYPE_OUTPUT];

/** A body's state, '' while production does not know it (the nation still counts its facts). */
const stateOf = (body: string) => `coalesce((select bs.state_id from body_state bs where bs.body_id = ${body}), '')`;
const neg = (sign: 1 | -1, expression: string) => (sign < 0 ? `-(${expression})` : expression);
const typed = (s: Summary, type: string) => (s === TYPE_OUTPUT ? [type] : []);

/**
 * Adds the selected rows to the summary. The select is wrapped so it always ends in a WHERE: SQLite needs one
 * before an upsert's ON CONFLICT in INSERT … SELECT.
 */
function upsert(s: Summary, select: string): string {
  return `insert into ${s.table} (${[...s.keys, ...s.values].join(', ')}) select * from (${select}) as c where true
    on conflict (${s.keys.join(', ')}) do update set ${s.values.map((v) => `${v} = ${s.table}.${v} + excluded.${v}`).join(', ')}`;
}

/** One report `r`: its quantity and one report, under its unit's state and type, and one report of its unit's owner that month. */
export const reportDelta = (r: string, sign: 1 | -1): string[] => [
  ...OUTPUTS.map((s) =>
    upsert(s, `select ${stateOf('u.owner_id')}, ${r}.month, ${[...typed(s, 'u.type'), `${r}.product_id`].join(', ')}, ${neg(sign, `${r}.quantity`)}, ${neg(sign, '1')}
      from production_unit u where u.id = ${r}.unit_id`),
  ),
  upsert(BODY_MONTHS, `select u.owner_id, ${r}.month, ${neg(sign, '1')} from production_unit u where u.id = ${r}.unit_id`),
];

/** Every report of one unit `u` (when its owner or type changes, the reports move with it). */
export const unitReportsDelta = (u: string, sign: 1 | -1): string[] => [
  ...OUTPUTS.map((s) =>
    upsert(s, `select ${stateOf(`${u}.owner_id`)}, r.month, ${[...typed(s, `${u}.type`), 'r.product_id'].join(', ')}, ${neg(sign, 'sum(r.quantity)')}, ${neg(sign, 'count(*)')}
      from production_report r where r.unit_id = ${u}.id group by r.month, r.product_id`),
  ),
  upsert(BODY_MONTHS, `select ${u}.owner_id, r.month, ${neg(sign, 'count(*)')} from production_report r where r.unit_id = ${u}.id group by r.month`),
];

/** One unit `u` among the active units, if it is active. */
export const unitDelta = (u: string, sign: 1 | -1): string =>
  upsert(UNITS, `select ${stateOf(`${u}.owner_id`)}, substr(${u}.founded_on, 1, 7), ${u}.type, ${neg(sign, '1')}, ${neg(sign, `${u}.workers`)} where ${u}.status = 'ACTIVE'`);

/** Every fact of one body, under the state expression `state` (a body whose state becomes known or changes). */
export const bodyDelta = (body: string, state: string, sign: 1 | -1): string[] => [
  ...OUTPUTS.map((s) =>
    upsert(s, `select ${state}, r.month, ${[...typed(s, 'u.type'), 'r.product_id'].join(', ')}, ${neg(sign, 'sum(r.quantity)')}, ${neg(sign, 'count(*)')}
      from production_unit u join production_report r on r.unit_id = u.id where u.owner_id = ${body} group by r.month, ${[...typed(s, 'u.type'), 'r.product_id'].join(', ')}`),
  ),
  upsert(UNITS, `select ${state}, substr(u.founded_on, 1, 7), u.type, ${neg(sign, 'count(*)')}, ${neg(sign, 'sum(u.workers)')}
    from production_unit u where u.owner_id = ${body} and u.status = 'ACTIVE' group by substr(u.founded_on, 1, 7), u.type`),
];

/** Every summary recomputed from the facts: one INSERT … SELECT per table (after a bulk load without triggers, or to repair). */
export function rebuildStatements(): string[] {
  const state = "coalesce(bs.state_id, '')";
  return [
    ...SUMMARIES.map((s) => `delete from ${s.table}`),
    ...OUTPUTS.map((s) => {
      const keys = [state, 'r.month', ...typed(s, 'u.type'), 'r.product_id'];
      return `insert into ${s.table} (${[...s.keys, ...s.values].join(', ')})
        select ${keys.join(', ')}, sum(r.quantity), count(*) from production_report r join production_unit u on u.id = r.unit_id
        left join body_state bs on bs.body_id = u.owner_id group by ${keys.join(', ')}`;
    }),
    `insert into ${BODY_MONTHS.table} (${[...BODY_MONTHS.keys, ...BODY_MONTHS.values].join(', ')})
      select u.owner_id, r.month, count(*) from production_report r join production_unit u on u.id = r.unit_id group by u.owner_id, r.month`,
    `insert into ${UNITS.table} (${[...UNITS.keys, ...UNITS.values].join(', ')})
      select ${state}, substr(u.founded_on, 1, 7), u.type, count(*), sum(u.workers) from production_unit u left join body_state bs on bs.body_id = u.owner_id
      where u.status = 'ACTIVE' group by ${state}, substr(u.founded_on, 1, 7), u.type`,
  ];
}
