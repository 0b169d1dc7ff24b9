import { Migration } from '@mikro-orm/migrations';

// The statements of summaries/triggers.ts as they stood when this migration was written (a migration never changes
// with later code): the state summaries' triggers plus the reports per (owning body, month).
export const TRIGGERS = [
  `create or replace function production_report_summary() returns trigger language plpgsql as $$
begin
if tg_op = 'UPDATE' and not (old.quantity is distinct from new.quantity or old.unit_id is distinct from new.unit_id or old.product_id is distinct from new.product_id or old.month is distinct from new.month) then return null; end if;
if tg_op <> 'INSERT' then
insert into production_state_output (state_id, month, product_id, quantity, reports) select * from (select coalesce((select bs.state_id from body_state bs where bs.body_id = u.owner_id), ''), old.month, old.product_id, -(old.quantity), -(1)
from production_unit u where u.id = old.unit_id) as c where true
on conflict (state_id, month, product_id) do update set quantity = production_state_output.quantity + excluded.quantity, reports = production_state_output.reports + excluded.reports;
insert into production_state_type_output (state_id, month, unit_type, product_id, quantity, reports) select * from (select coalesce((select bs.state_id from body_state bs where bs.body_id = u.owner_id), ''), old.month, u.type, old.product_id, -(old.quantity), -(1)
from production_unit u where u.id = old.unit_id) as c where true
on conflict (state_id, month, unit_type, product_id) do update set quantity = production_state_type_output.quantity + excluded.quantity, reports = production_state_type_output.reports + excluded.reports;
insert into production_body_months (body_id, month, reports) select * from (select u.owner_id, old.month, -(1) from production_unit u where u.id = old.unit_id) as c where true
on conflict (body_id, month) do update set reports = production_body_months.reports + excluded.reports;
end if;
if tg_op <> 'DELETE' then
insert into production_state_output (state_id, month, product_id, quantity, reports) select * from (select coalesce((select bs.state_id from body_state bs where bs.body_id = u.owner_id), ''), new.month, new.product_id, new.quantity, 1
from production_unit u where u.id = new.unit_id) as c where true
on conflict (state_id, month, product_id) do update set quantity = production_state_output.quantity + excluded.quantity, reports = production_state_output.reports + excluded.reports;
insert into production_state_type_output (state_id, month, unit_type, product_id, quantity, reports) select * from (select coalesce((select bs.state_id from body_state bs where bs.body_id = u.owner_id), ''), new.month, u.type, new.product_id, new.quantity, 1
from production_unit u where u.id = new.unit_id) as c where true
on conflict (state_id, month, unit_type, product_id) do update set quantity = production_state_type_output.quantity + excluded.quantity, reports = production_state_type_output.reports + excluded.reports;
insert into production_body_months (body_id, month, reports) select * from (select u.owner_id, new.month, 1 from production_unit u where u.id = new.unit_id) as c where true
on conflict (body_id, month) do update set reports = production_body_months.reports + excluded.reports;
end if;
return null;
end $$`,
  `drop trigger if exists production_report_summary on production_report`,
  `create trigger production_report_summary after insert or update or delete on production_report for each row execute function production_report_summary()`,
  `create or replace function production_unit_summary() returns trigger language plpgsql as $$
begin
if tg_op = 'UPDATE' and not (old.status is distinct from new.status or old.type is distinct from new.type or old.workers is distinct from new.workers or old.founded_on is distinct from new.founded_on or old.owner_id is distinct from new.owner_id) then return null; end if;
if tg_op <> 'INSERT' then
insert into production_state_units (state_id, founded_month, unit_type, units, workers) select * from (select coalesce((select bs.state_id from body_state bs where bs.body_id = old.owner_id), ''), substr(old.founded_on, 1, 7), old.type, -(1), -(old.workers) where old.status = 'ACTIVE') as c where true
on conflict (state_id, founded_month, unit_type) do update set units = production_state_units.units + excluded.units, workers = production_state_units.workers + excluded.workers;
end if;
if tg_op <> 'DELETE' then
insert into production_state_units (state_id, founded_month, unit_type, units, workers) select * from (select coalesce((select bs.state_id from body_state bs where bs.body_id = new.owner_id), ''), substr(new.founded_on, 1, 7), new.type, 1, new.workers where new.status = 'ACTIVE') as c where true
on conflict (state_id, founded_month, unit_type) do update set units = production_state_units.units + excluded.units, workers = production_state_units.workers + excluded.workers;
end if;
if tg_op = 'UPDATE' and (old.owner_id is distinct from new.owner_id or old.type is distinct from new.type) then
insert into production_state_output (state_id, month, product_id, quantity, reports) select * from (select coalesce((select bs.state_id from body_state bs where bs.body_id = old.owner_id), ''), r.month, r.product_id, -(sum(r.quantity)), -(count(*))
from production_report r where r.unit_id = old.id group by r.month, r.product_id) as c where true
on conflict (state_id, month, product_id) do update set quantity = production_state_output.quantity + excluded.quantity, reports = production_state_output.reports + excluded.reports;
insert into production_state_type_output (state_id, month, unit_type, product_id, quantity, reports) select * from (select coalesce((select bs.state_id from body_state bs where bs.body_id = old.owner_id), ''), r.month, old.type, r.product_id, -(sum(r.quantity)), -(count(*))
from production_report r where r.unit_id = old.id group by r.month, r.product_id) as c where true
on conflict (state_id, month, unit_type, product_id) do update set quantity = production_state_type_output.quantity + excluded.quantity, reports = production_state_type_output.reports + excluded.reports;
insert into production_body_months (body_id, month, reports) select * from (select old.owner_id, r.month, -(count(*)) from production_report r where r.unit_id = old.id group by r.month) as c where true
on conflict (body_id, month) do update set reports = production_body_months.reports + excluded.reports;
insert into production_state_output (state_id, month, product_id, quantity, reports) select * from (select coalesce((select bs.state_id from body_state bs where bs.body_id = new.owner_id), ''), r.month, r.product_id, sum(r.quantity), count(*)
from production_report r where r.unit_id = new.id group by r.month, r.product_id) as c where true
on conflict (state_id, month, product_id) do update set quantity = production_state_output.quantity + excluded.quantity, reports = production_state_output.reports + excluded.reports;
insert into production_state_type_output (state_id, month, unit_type, product_id, quantity, reports) select * from (select coalesce((select bs.state_id from body_state bs where bs.body_id = new.owner_id), ''), r.month, new.type, r.product_id, sum(r.quantity), count(*)
from production_report r where r.unit_id = new.id group by r.month, r.product_id) as c where true
on conflict (state_id, month, unit_type, product_id) do update set quantity = production_state_type_output.quantity + excluded.quantity, reports = production_state_type_output.reports + excluded.reports;
insert into production_body_months (body_id, month, reports) select * from (select new.owner_id, r.month, count(*) from production_report r where r.unit_id = new.id group by r.month) as c where true
on conflict (body_id, month) do update set reports = production_body_months.reports + excluded.reports;
end if;
return null;
end $$`,
  `drop trigger if exists production_unit_summary on production_unit`,
  `create trigger production_unit_summary after insert or update or delete on production_unit for each row execute function production_unit_summary()`,
  `create or replace function body_state_summary() returns trigger language plpgsql as $$
begin
if tg_op = 'UPDATE' and not (old.state_id is distinct from new.state_id or old.body_id is distinct from new.body_id) then return null; end if;
if tg_op = 'INSERT' then
insert into production_state_output (state_id, month, product_id, quantity, reports) select * from (select '', r.month, r.product_id, -(sum(r.quantity)), -(count(*))
from production_unit u join production_report r on r.unit_id = u.id where u.owner_id = new.body_id group by r.month, r.product_id) as c where true
on conflict (state_id, month, product_id) do update set quantity = production_state_output.quantity + excluded.quantity, reports = production_state_output.reports + excluded.reports;
insert into production_state_type_output (state_id, month, unit_type, product_id, quantity, reports) select * from (select '', r.month, u.type, r.product_id, -(sum(r.quantity)), -(count(*))
from production_unit u join production_report r on r.unit_id = u.id where u.owner_id = new.body_id group by r.month, u.type, r.product_id) as c where true
on conflict (state_id, month, unit_type, product_id) do update set quantity = production_state_type_output.quantity + excluded.quantity, reports = production_state_type_output.reports + excluded.reports;
insert into production_state_units (state_id, founded_month, unit_type, units, workers) select * from (select '', substr(u.founded_on, 1, 7), u.type, -(count(*)), -(sum(u.workers))
from production_unit u where u.owner_id = new.body_id and u.status = 'ACTIVE' group by substr(u.founded_on, 1, 7), u.type) as c where true
on conflict (state_id, founded_month, unit_type) do update set units = production_state_units.units + excluded.units, workers = production_state_units.workers + excluded.workers;
else
insert into production_state_output (state_id, month, product_id, quantity, reports) select * from (select old.state_id, r.month, r.product_id, -(sum(r.quantity)), -(count(*))
from production_unit u join production_report r on r.unit_id = u.id where u.owner_id = old.body_id group by r.month, r.product_id) as c where true
on conflict (state_id, month, product_id) do update set quantity = production_state_output.quantity + excluded.quantity, reports = production_state_output.reports + excluded.reports;
insert into production_state_type_output (state_id, month, unit_type, product_id, quantity, reports) select * from (select old.state_id, r.month, u.type, r.product_id, -(sum(r.quantity)), -(count(*))
from production_unit u join production_report r on r.unit_id = u.id where u.owner_id = old.body_id group by r.month, u.type, r.product_id) as c where true
on conflict (state_id, month, unit_type, product_id) do update set quantity = production_state_type_output.quantity + excluded.quantity, reports = production_state_type_output.reports + excluded.reports;
insert into production_state_units (state_id, founded_month, unit_type, units, workers) select * from (select old.state_id, substr(u.founded_on, 1, 7), u.type, -(count(*)), -(sum(u.workers))
from production_unit u where u.owner_id = old.body_id and u.status = 'ACTIVE' group by substr(u.founded_on, 1, 7), u.type) as c where true
on conflict (state_id, founded_month, unit_type) do update set units = production_state_units.units + excluded.units, workers = production_state_units.workers + excluded.workers;
end if;
if tg_op = 'DELETE' then
insert into production_state_output (state_id, month, product_id, quantity, reports) select * from (select '', r.month, r.product_id, sum(r.quantity), count(*)
from production_unit u join production_report r on r.unit_id = u.id where u.owner_id = old.body_id group by r.month, r.product_id) as c where true
on conflict (state_id, month, product_id) do update set quantity = production_state_output.quantity + excluded.quantity, reports = production_state_output.reports + excluded.reports;
insert into production_state_type_output (state_id, month, unit_type, product_id, quantity, reports) select * from (select '', r.month, u.type, r.product_id, sum(r.quantity), count(*)
from production_unit u join production_report r on r.unit_id = u.id where u.owner_id = old.body_id group by r.month, u.type, r.product_id) as c where true
on conflict (state_id, month, unit_type, product_id) do update set quantity = production_state_type_output.quantity + excluded.quantity, reports = production_state_type_output.reports + excluded.reports;
insert into production_state_units (state_id, founded_month, unit_type, units, workers) select * from (select '', substr(u.founded_on, 1, 7), u.type, count(*), sum(u.workers)
from production_unit u where u.owner_id = old.body_id and u.status = 'ACTIVE' group by substr(u.founded_on, 1, 7), u.type) as c where true
on conflict (state_id, founded_month, unit_type) do update set units = production_state_units.units + excluded.units, workers = production_state_units.workers + excluded.workers;
else
insert into production_state_output (state_id, month, product_id, quantity, reports) select * from (select new.state_id, r.month, r.product_id, sum(r.quantity), count(*)
from production_unit u join production_report r on r.unit_id = u.id where u.owner_id = new.body_id group by r.month, r.product_id) as c where true
on conflict (state_id, month, product_id) do update set quantity = production_state_output.quantity + excluded.quantity, reports = production_state_output.reports + excluded.reports;
insert into production_state_type_output (state_id, month, unit_type, product_id, quantity, reports) select * from (select new.state_id, r.month, u.type, r.product_id, sum(r.quantity), count(*)
from production_unit u join production_report r on r.unit_id = u.id where u.owner_id = new.body_id group by r.month, u.type, r.product_id) as c where true
on conflict (state_id, month, unit_type, product_id) do update set quantity = production_state_type_output.quantity + excluded.quantity, reports = production_state_type_output.reports + excluded.reports;
insert into production_state_units (state_id, founded_month, unit_type, units, workers) select * from (select new.state_id, substr(u.founded_on, 1, 7), u.type, count(*), sum(u.workers)
from production_unit u where u.owner_id = new.body_id and u.status = 'ACTIVE' group by substr(u.founded_on, 1, 7), u.type) as c where true
on conflict (state_id, founded_month, unit_type) do update set units = production_state_units.units + excluded.units, workers = production_state_units.workers + excluded.workers;
end if;
return null;
end $$`,
  `drop trigger if exists body_state_summary on body_state`,
  `create trigger body_state_summary after insert or update or delete on body_state for each row execute function body_state_summary()`,
];

export const FILL = [
  `insert into production_body_months (body_id, month, reports)
select u.owner_id, r.month, count(*) from production_report r join production_unit u on u.id = r.unit_id group by u.owner_id, r.month`,
];

/**
 * Reports per (owning body, month) for the registry dashboards (ADR 0005, "Dashboards by level"): the table, the
 * triggers that now keep it too, and its rows built from the reports already there.
 */
export class Migration20261125100000_body_months extends Migration {
  override name = 'Migration20261125100000_body_months';

  override up(): void | Promise<void> {
    this.addSql(`create table "production_body_months" ("body_id" varchar(40) not null, "month" varchar(7) not null, "reports" int not null default 0, primary key ("body_id", "month"));`);
    for (const statement of [...TRIGGERS, ...FILL]) this.addSql(statement);
  }

  override async down(): Promise<void> {
    // The state summaries' triggers as that migration froze them, then the table. Imported by this file's own
    // extension: tests run the TypeScript sources, deployments the built JavaScript.
    const previous = new URL(`./Migration20261125080000_state_summaries${import.meta.url.slice(import.meta.url.lastIndexOf('.'))}`, import.meta.url);
    const { TRIGGERS: STATE_SUMMARY_TRIGGERS } = (await import(previous.href)) as { TRIGGERS: string[] };
    for (const statement of STATE_SUMMARY_TRIGGERS) this.addSql(statement);
    this.addSql(`drop table if exists "production_body_months" cascade;`);
  }
}
