import { Migration } from '@mikro-orm/migrations';

/**
 * The state of every council and commune governance has facts about, the summaries keyed by it, and the triggers
 * that keep them current (ADR 0003). Summaries of data already present are rebuilt here under the unknown state
 * (''): bodies recorded before have no state yet; the next write naming one asks territory for it, and its facts
 * move to that state (see summaries/triggers.ts). The statements are what summaries/contributions.ts
 * (rebuildStatements) and summaries/triggers.ts (postgresTriggers, dropPostgresTriggers) produced when this was
 * written; a later change to those needs a new migration.
 */
export class Migration20261125071000_state_summaries extends Migration {

  override name = 'Migration20261125071000_state_summaries';

  override up(): void | Promise<void> {
    this.addSql(`create table "body_state" ("body_id" varchar(40) not null, "state_id" varchar(40) not null, primary key ("body_id"));`);
    this.addSql(`create index "body_state_state_id_index" on "body_state" ("state_id");`);
    this.addSql(`create table "governance_state_assemblies" ("state_id" varchar(40) not null, "day" varchar(10) not null, "kind" varchar(30) not null, "held" int not null default 0, "quorate" int not null default 0, "attendance" bigint not null default 0, "body_size" bigint not null default 0, primary key ("state_id", "day", "kind"));`);
    this.addSql(`create table "governance_state_decisions" ("state_id" varchar(40) not null, "day" varchar(10) not null, "adopted" int not null default 0, "voided" int not null default 0, primary key ("state_id", "day"));`);
    this.addSql(`create table "governance_state_mandates" ("state_id" varchar(40) not null, "day" varchar(10) not null, "change" int not null default 0, primary key ("state_id", "day"));`);
    this.addSql(`create table "governance_state_recalls" ("state_id" varchar(40) not null, "day" varchar(10) not null, "recalls" int not null default 0, primary key ("state_id", "day"));`);

    this.addSql(`insert into governance_state_assemblies (state_id, day, kind, held, quorate, attendance, body_size)
      select x.st, x.k_day, x.k_kind, sum(x.v_held), sum(x.v_quorate), sum(x.v_attendance), sum(x.v_body_size)
      from (select coalesce((select bs.state_id from body_state bs where bs.body_id = f.body_id), '') as st, f.held_on as k_day, f.kind as k_kind, 1 as v_held, case when f.quorate then 1 else 0 end as v_quorate, f.attendance as v_attendance, f.body_size as v_body_size from assembly f where true) x where true group by x.st, x.k_day, x.k_kind on conflict (state_id, day, kind) do update set held = governance_state_assemblies.held + excluded.held, quorate = governance_state_assemblies.quorate + excluded.quorate, attendance = governance_state_assemblies.attendance + excluded.attendance, body_size = governance_state_assemblies.body_size + excluded.body_size;`);
    this.addSql(`insert into governance_state_decisions (state_id, day, adopted, voided)
      select x.st, x.k_day, sum(x.v_adopted), sum(x.v_voided)
      from (select coalesce((select bs.state_id from body_state bs where bs.body_id = (select a.body_id from assembly a where a.id = f.assembly_id)), '') as st, (select a.held_on from assembly a where a.id = f.assembly_id) as k_day, case when (select a.quorate from assembly a where a.id = f.assembly_id) and f.carried then 1 else 0 end as v_adopted, case when (select a.quorate from assembly a where a.id = f.assembly_id) then 0 else 1 end as v_voided from decision f where true) x where true group by x.st, x.k_day on conflict (state_id, day) do update set adopted = governance_state_decisions.adopted + excluded.adopted, voided = governance_state_decisions.voided + excluded.voided;`);
    this.addSql(`insert into governance_state_mandates (state_id, day, change)
      select x.st, x.k_day, sum(x.v_change)
      from (select coalesce((select bs.state_id from body_state bs where bs.body_id = (select o.body_id from organ o where o.id = f.organ_id)), '') as st, f.start_on as k_day, 1 as v_change from mandate f where true) x where true group by x.st, x.k_day on conflict (state_id, day) do update set change = governance_state_mandates.change + excluded.change;`);
    this.addSql(`insert into governance_state_mandates (state_id, day, change)
      select x.st, x.k_day, sum(x.v_change)
      from (select coalesce((select bs.state_id from body_state bs where bs.body_id = (select o.body_id from organ o where o.id = f.organ_id)), '') as st, greatest(f.start_on, least(to_char(cast(f.term_ends_on as date) + 1, 'YYYY-MM-DD'), coalesce(f.revoked_on, '9999-12-31'))) as k_day, -1 as v_change from mandate f where true) x where true group by x.st, x.k_day on conflict (state_id, day) do update set change = governance_state_mandates.change + excluded.change;`);
    this.addSql(`insert into governance_state_recalls (state_id, day, recalls)
      select x.st, x.k_day, sum(x.v_recalls)
      from (select coalesce((select bs.state_id from body_state bs where bs.body_id = (select o.body_id from mandate m join organ o on o.id = m.organ_id where m.id = f.mandate_id)), '') as st, f.decided_on as k_day, 1 as v_recalls from recall f where true) x where true group by x.st, x.k_day on conflict (state_id, day) do update set recalls = governance_state_recalls.recalls + excluded.recalls;`);
    this.addSql(`create or replace function governance_assembly_summary() returns trigger language plpgsql as $$
      begin
      if tg_op <> 'INSERT' then
      insert into governance_state_assemblies (state_id, day, kind, held, quorate, attendance, body_size)
      select coalesce((select bs.state_id from body_state bs where bs.body_id = old.body_id), ''), old.held_on, old.kind, -(1), -(case when old.quorate then 1 else 0 end), -(old.attendance), -(old.body_size)
      where true on conflict (state_id, day, kind) do update set held = governance_state_assemblies.held + excluded.held, quorate = governance_state_assemblies.quorate + excluded.quorate, attendance = governance_state_assemblies.attendance + excluded.attendance, body_size = governance_state_assemblies.body_size + excluded.body_size;
      end if;
      if tg_op <> 'DELETE' then
      insert into governance_state_assemblies (state_id, day, kind, held, quorate, attendance, body_size)
      select coalesce((select bs.state_id from body_state bs where bs.body_id = new.body_id), ''), new.held_on, new.kind, 1, case when new.quorate then 1 else 0 end, new.attendance, new.body_size
      where true on conflict (state_id, day, kind) do update set held = governance_state_assemblies.held + excluded.held, quorate = governance_state_assemblies.quorate + excluded.quorate, attendance = governance_state_assemblies.attendance + excluded.attendance, body_size = governance_state_assemblies.body_size + excluded.body_size;
      end if;
      return null;
      end $$;`);
    this.addSql(`drop trigger if exists assembly_summary on assembly;`);
    this.addSql(`create trigger assembly_summary after insert or update or delete on assembly for each row execute function governance_assembly_summary();`);
    this.addSql(`create or replace function governance_decision_summary() returns trigger language plpgsql as $$
      begin
      if tg_op <> 'INSERT' then
      insert into governance_state_decisions (state_id, day, adopted, voided)
      select coalesce((select bs.state_id from body_state bs where bs.body_id = (select a.body_id from assembly a where a.id = old.assembly_id)), ''), (select a.held_on from assembly a where a.id = old.assembly_id), -(case when (select a.quorate from assembly a where a.id = old.assembly_id) and old.carried then 1 else 0 end), -(case when (select a.quorate from assembly a where a.id = old.assembly_id) then 0 else 1 end)
      where true on conflict (state_id, day) do update set adopted = governance_state_decisions.adopted + excluded.adopted, voided = governance_state_decisions.voided + excluded.voided;
      end if;
      if tg_op <> 'DELETE' then
      insert into governance_state_decisions (state_id, day, adopted, voided)
      select coalesce((select bs.state_id from body_state bs where bs.body_id = (select a.body_id from assembly a where a.id = new.assembly_id)), ''), (select a.held_on from assembly a where a.id = new.assembly_id), case when (select a.quorate from assembly a where a.id = new.assembly_id) and new.carried then 1 else 0 end, case when (select a.quorate from assembly a where a.id = new.assembly_id) then 0 else 1 end
      where true on conflict (state_id, day) do update set adopted = governance_state_decisions.adopted + excluded.adopted, voided = governance_state_decisions.voided + excluded.voided;
      end if;
      return null;
      end $$;`);
    this.addSql(`drop trigger if exists decision_summary on decision;`);
    this.addSql(`create trigger decision_summary after insert or update or delete on decision for each row execute function governance_decision_summary();`);
    this.addSql(`create or replace function governance_mandate_summary() returns trigger language plpgsql as $$
      begin
      if tg_op <> 'INSERT' then
      insert into governance_state_mandates (state_id, day, change)
      select coalesce((select bs.state_id from body_state bs where bs.body_id = (select o.body_id from organ o where o.id = old.organ_id)), ''), old.start_on, -(1)
      where true on conflict (state_id, day) do update set change = governance_state_mandates.change + excluded.change;
      insert into governance_state_mandates (state_id, day, change)
      select coalesce((select bs.state_id from body_state bs where bs.body_id = (select o.body_id from organ o where o.id = old.organ_id)), ''), greatest(old.start_on, least(to_char(cast(old.term_ends_on as date) + 1, 'YYYY-MM-DD'), coalesce(old.revoked_on, '9999-12-31'))), -(-1)
      where true on conflict (state_id, day) do update set change = governance_state_mandates.change + excluded.change;
      end if;
      if tg_op <> 'DELETE' then
      insert into governance_state_mandates (state_id, day, change)
      select coalesce((select bs.state_id from body_state bs where bs.body_id = (select o.body_id from organ o where o.id = new.organ_id)), ''), new.start_on, 1
      where true on conflict (state_id, day) do update set change = governance_state_mandates.change + excluded.change;
      insert into governance_state_mandates (state_id, day, change)
      select coalesce((select bs.state_id from body_state bs where bs.body_id = (select o.body_id from organ o where o.id = new.organ_id)), ''), greatest(new.start_on, least(to_char(cast(new.term_ends_on as date) + 1, 'YYYY-MM-DD'), coalesce(new.revoked_on, '9999-12-31'))), -1
      where true on conflict (state_id, day) do update set change = governance_state_mandates.change + excluded.change;
      end if;
      return null;
      end $$;`);
    this.addSql(`drop trigger if exists mandate_summary on mandate;`);
    this.addSql(`create trigger mandate_summary after insert or update or delete on mandate for each row execute function governance_mandate_summary();`);
    this.addSql(`create or replace function governance_recall_summary() returns trigger language plpgsql as $$
      begin
      if tg_op <> 'INSERT' then
      insert into governance_state_recalls (state_id, day, recalls)
      select coalesce((select bs.state_id from body_state bs where bs.body_id = (select o.body_id from mandate m join organ o on o.id = m.organ_id where m.id = old.mandate_id)), ''), old.decided_on, -(1)
      where true on conflict (state_id, day) do update set recalls = governance_state_recalls.recalls + excluded.recalls;
      end if;
      if tg_op <> 'DELETE' then
      insert into governance_state_recalls (state_id, day, recalls)
      select coalesce((select bs.state_id from body_state bs where bs.body_id = (select o.body_id from mandate m join organ o on o.id = m.organ_id where m.id = new.mandate_id)), ''), new.decided_on, 1
      where true on conflict (state_id, day) do update set recalls = governance_state_recalls.recalls + excluded.recalls;
      end if;
      return null;
      end $$;`);
    this.addSql(`drop trigger if exists recall_summary on recall;`);
    this.addSql(`create trigger recall_summary after insert or update or delete on recall for each row execute function governance_recall_summary();`);
    this.addSql(`create or replace function governance_body_state_summary() returns trigger language plpgsql as $$
      begin
      if tg_op = 'INSERT' then
      insert into governance_state_assemblies (state_id, day, kind, held, quorate, attendance, body_size)
      select x.st, x.k_day, x.k_kind, -sum(x.v_held), -sum(x.v_quorate), -sum(x.v_attendance), -sum(x.v_body_size)
      from (select coalesce('', '') as st, f.held_on as k_day, f.kind as k_kind, 1 as v_held, case when f.quorate then 1 else 0 end as v_quorate, f.attendance as v_attendance, f.body_size as v_body_size from assembly f where f.body_id = new.body_id) x where true group by x.st, x.k_day, x.k_kind on conflict (state_id, day, kind) do update set held = governance_state_assemblies.held + excluded.held, quorate = governance_state_assemblies.quorate + excluded.quorate, attendance = governance_state_assemblies.attendance + excluded.attendance, body_size = governance_state_assemblies.body_size + excluded.body_size;
      insert into governance_state_assemblies (state_id, day, kind, held, quorate, attendance, body_size)
      select x.st, x.k_day, x.k_kind, sum(x.v_held), sum(x.v_quorate), sum(x.v_attendance), sum(x.v_body_size)
      from (select coalesce(new.state_id, '') as st, f.held_on as k_day, f.kind as k_kind, 1 as v_held, case when f.quorate then 1 else 0 end as v_quorate, f.attendance as v_attendance, f.body_size as v_body_size from assembly f where f.body_id = new.body_id) x where true group by x.st, x.k_day, x.k_kind on conflict (state_id, day, kind) do update set held = governance_state_assemblies.held + excluded.held, quorate = governance_state_assemblies.quorate + excluded.quorate, attendance = governance_state_assemblies.attendance + excluded.attendance, body_size = governance_state_assemblies.body_size + excluded.body_size;
      insert into governance_state_decisions (state_id, day, adopted, voided)
      select x.st, x.k_day, -sum(x.v_adopted), -sum(x.v_voided)
      from (select coalesce('', '') as st, (select a.held_on from assembly a where a.id = f.assembly_id) as k_day, case when (select a.quorate from assembly a where a.id = f.assembly_id) and f.carried then 1 else 0 end as v_adopted, case when (select a.quorate from assembly a where a.id = f.assembly_id) then 0 else 1 end as v_voided from decision f where f.assembly_id in (select a.id from assembly a where a.body_id = new.body_id)) x where true group by x.st, x.k_day on conflict (state_id, day) do update set adopted = governance_state_decisions.adopted + excluded.adopted, voided = governance_state_decisions.voided + excluded.voided;
      insert into governance_state_decisions (state_id, day, adopted, voided)
      select x.st, x.k_day, sum(x.v_adopted), sum(x.v_voided)
      from (select coalesce(new.state_id, '') as st, (select a.held_on from assembly a where a.id = f.assembly_id) as k_day, case when (select a.quorate from assembly a where a.id = f.assembly_id) and f.carried then 1 else 0 end as v_adopted, case when (select a.quorate from assembly a where a.id = f.assembly_id) then 0 else 1 end as v_voided from decision f where f.assembly_id in (select a.id from assembly a where a.body_id = new.body_id)) x where true group by x.st, x.k_day on conflict (state_id, day) do update set adopted = governance_state_decisions.adopted + excluded.adopted, voided = governance_state_decisions.voided + excluded.voided;
      insert into governance_state_mandates (state_id, day, change)
      select x.st, x.k_day, -sum(x.v_change)
      from (select coalesce('', '') as st, f.start_on as k_day, 1 as v_change from mandate f where f.organ_id in (select o.id from organ o where o.body_id = new.body_id)) x where true group by x.st, x.k_day on conflict (state_id, day) do update set change = governance_state_mandates.change + excluded.change;
      insert into governance_state_mandates (state_id, day, change)
      select x.st, x.k_day, sum(x.v_change)
      from (select coalesce(new.state_id, '') as st, f.start_on as k_day, 1 as v_change from mandate f where f.organ_id in (select o.id from organ o where o.body_id = new.body_id)) x where true group by x.st, x.k_day on conflict (state_id, day) do update set change = governance_state_mandates.change + excluded.change;
      insert into governance_state_mandates (state_id, day, change)
      select x.st, x.k_day, -sum(x.v_change)
      from (select coalesce('', '') as st, greatest(f.start_on, least(to_char(cast(f.term_ends_on as date) + 1, 'YYYY-MM-DD'), coalesce(f.revoked_on, '9999-12-31'))) as k_day, -1 as v_change from mandate f where f.organ_id in (select o.id from organ o where o.body_id = new.body_id)) x where true group by x.st, x.k_day on conflict (state_id, day) do update set change = governance_state_mandates.change + excluded.change;
      insert into governance_state_mandates (state_id, day, change)
      select x.st, x.k_day, sum(x.v_change)
      from (select coalesce(new.state_id, '') as st, greatest(f.start_on, least(to_char(cast(f.term_ends_on as date) + 1, 'YYYY-MM-DD'), coalesce(f.revoked_on, '9999-12-31'))) as k_day, -1 as v_change from mandate f where f.organ_id in (select o.id from organ o where o.body_id = new.body_id)) x where true group by x.st, x.k_day on conflict (state_id, day) do update set change = governance_state_mandates.change + excluded.change;
      insert into governance_state_recalls (state_id, day, recalls)
      select x.st, x.k_day, -sum(x.v_recalls)
      from (select coalesce('', '') as st, f.decided_on as k_day, 1 as v_recalls from recall f where f.mandate_id in (select m.id from mandate m join organ o on o.id = m.organ_id where o.body_id = new.body_id)) x where true group by x.st, x.k_day on conflict (state_id, day) do update set recalls = governance_state_recalls.recalls + excluded.recalls;
      insert into governance_state_recalls (state_id, day, recalls)
      select x.st, x.k_day, sum(x.v_recalls)
      from (select coalesce(new.state_id, '') as st, f.decided_on as k_day, 1 as v_recalls from recall f where f.mandate_id in (select m.id from mandate m join organ o on o.id = m.organ_id where o.body_id = new.body_id)) x where true group by x.st, x.k_day on conflict (state_id, day) do update set recalls = governance_state_recalls.recalls + excluded.recalls;
      else
      insert into governance_state_assemblies (state_id, day, kind, held, quorate, attendance, body_size)
      select x.st, x.k_day, x.k_kind, -sum(x.v_held), -sum(x.v_quorate), -sum(x.v_attendance), -sum(x.v_body_size)
      from (select coalesce(old.state_id, '') as st, f.held_on as k_day, f.kind as k_kind, 1 as v_held, case when f.quorate then 1 else 0 end as v_quorate, f.attendance as v_attendance, f.body_size as v_body_size from assembly f where f.body_id = new.body_id) x where true group by x.st, x.k_day, x.k_kind on conflict (state_id, day, kind) do update set held = governance_state_assemblies.held + excluded.held, quorate = governance_state_assemblies.quorate + excluded.quorate, attendance = governance_state_assemblies.attendance + excluded.attendance, body_size = governance_state_assemblies.body_size + excluded.body_size;
      insert into governance_state_assemblies (state_id, day, kind, held, quorate, attendance, body_size)
      select x.st, x.k_day, x.k_kind, sum(x.v_held), sum(x.v_quorate), sum(x.v_attendance), sum(x.v_body_size)
      from (select coalesce(new.state_id, '') as st, f.held_on as k_day, f.kind as k_kind, 1 as v_held, case when f.quorate then 1 else 0 end as v_quorate, f.attendance as v_attendance, f.body_size as v_body_size from assembly f where f.body_id = new.body_id) x where true group by x.st, x.k_day, x.k_kind on conflict (state_id, day, kind) do update set held = governance_state_assemblies.held + excluded.held, quorate = governance_state_assemblies.quorate + excluded.quorate, attendance = governance_state_assemblies.attendance + excluded.attendance, body_size = governance_state_assemblies.body_size + excluded.body_size;
      insert into governance_state_decisions (state_id, day, adopted, voided)
      select x.st, x.k_day, -sum(x.v_adopted), -sum(x.v_voided)
      from (select coalesce(old.state_id, '') as st, (select a.held_on from assembly a where a.id = f.assembly_id) as k_day, case when (select a.quorate from assembly a where a.id = f.assembly_id) and f.carried then 1 else 0 end as v_adopted, case when (select a.quorate from assembly a where a.id = f.assembly_id) then 0 else 1 end as v_voided from decision f where f.assembly_id in (select a.id from assembly a where a.body_id = new.body_id)) x where true group by x.st, x.k_day on conflict (state_id, day) do update set adopted = governance_state_decisions.adopted + excluded.adopted, voided = governance_state_decisions.voided + excluded.voided;
      insert into governance_state_decisions (state_id, day, adopted, voided)
      select x.st, x.k_day, sum(x.v_adopted), sum(x.v_voided)
      from (select coalesce(new.state_id, '') as st, (select a.held_on from assembly a where a.id = f.assembly_id) as k_day, case when (select a.quorate from assembly a where a.id = f.assembly_id) and f.carried then 1 else 0 end as v_adopted, case when (select a.quorate from assembly a where a.id = f.assembly_id) then 0 else 1 end as v_voided from decision f where f.assembly_id in (select a.id from assembly a where a.body_id = new.body_id)) x where true group by x.st, x.k_day on conflict (state_id, day) do update set adopted = governance_state_decisions.adopted + excluded.adopted, voided = governance_state_decisions.voided + excluded.voided;
      insert into governance_state_mandates (state_id, day, change)
      select x.st, x.k_day, -sum(x.v_change)
      from (select coalesce(old.state_id, '') as st, f.start_on as k_day, 1 as v_change from mandate f where f.organ_id in (select o.id from organ o where o.body_id = new.body_id)) x where true group by x.st, x.k_day on conflict (state_id, day) do update set change = governance_state_mandates.change + excluded.change;
      insert into governance_state_mandates (state_id, day, change)
      select x.st, x.k_day, sum(x.v_change)
      from (select coalesce(new.state_id, '') as st, f.start_on as k_day, 1 as v_change from mandate f where f.organ_id in (select o.id from organ o where o.body_id = new.body_id)) x where true group by x.st, x.k_day on conflict (state_id, day) do update set change = governance_state_mandates.change + excluded.change;
      insert into governance_state_mandates (state_id, day, change)
      select x.st, x.k_day, -sum(x.v_change)
      from (select coalesce(old.state_id, '') as st, greatest(f.start_on, least(to_char(cast(f.term_ends_on as date) + 1, 'YYYY-MM-DD'), coalesce(f.revoked_on, '9999-12-31'))) as k_day, -1 as v_change from mandate f where f.organ_id in (select o.id from organ o where o.body_id = new.body_id)) x where true group by x.st, x.k_day on conflict (state_id, day) do update set change = governance_state_mandates.change + excluded.change;
      insert into governance_state_mandates (state_id, day, change)
      select x.st, x.k_day, sum(x.v_change)
      from (select coalesce(new.state_id, '') as st, greatest(f.start_on, least(to_char(cast(f.term_ends_on as date) + 1, 'YYYY-MM-DD'), coalesce(f.revoked_on, '9999-12-31'))) as k_day, -1 as v_change from mandate f where f.organ_id in (select o.id from organ o where o.body_id = new.body_id)) x where true group by x.st, x.k_day on conflict (state_id, day) do update set change = governance_state_mandates.change + excluded.change;
      insert into governance_state_recalls (state_id, day, recalls)
      select x.st, x.k_day, -sum(x.v_recalls)
      from (select coalesce(old.state_id, '') as st, f.decided_on as k_day, 1 as v_recalls from recall f where f.mandate_id in (select m.id from mandate m join organ o on o.id = m.organ_id where o.body_id = new.body_id)) x where true group by x.st, x.k_day on conflict (state_id, day) do update set recalls = governance_state_recalls.recalls + excluded.recalls;
      insert into governance_state_recalls (state_id, day, recalls)
      select x.st, x.k_day, sum(x.v_recalls)
      from (select coalesce(new.state_id, '') as st, f.decided_on as k_day, 1 as v_recalls from recall f where f.mandate_id in (select m.id from mandate m join organ o on o.id = m.organ_id where o.body_id = new.body_id)) x where true group by x.st, x.k_day on conflict (state_id, day) do update set recalls = governance_state_recalls.recalls + excluded.recalls;
      end if;
      return null;
      end $$;`);
    this.addSql(`drop trigger if exists body_state_summary_insert on body_state;`);
    this.addSql(`create trigger body_state_summary_insert after insert on body_state for each row execute function governance_body_state_summary();`);
    this.addSql(`drop trigger if exists body_state_summary_update on body_state;`);
    this.addSql(`create trigger body_state_summary_update after update of state_id on body_state for each row when (old.state_id <> new.state_id) execute function governance_body_state_summary();`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger if exists assembly_summary on assembly;`);
    this.addSql(`drop function if exists governance_assembly_summary();`);
    this.addSql(`drop trigger if exists decision_summary on decision;`);
    this.addSql(`drop function if exists governance_decision_summary();`);
    this.addSql(`drop trigger if exists mandate_summary on mandate;`);
    this.addSql(`drop function if exists governance_mandate_summary();`);
    this.addSql(`drop trigger if exists recall_summary on recall;`);
    this.addSql(`drop function if exists governance_recall_summary();`);
    this.addSql(`drop trigger if exists body_state_summary_insert on body_state;`);
    this.addSql(`drop trigger if exists body_state_summary_update on body_state;`);
    this.addSql(`drop function if exists governance_body_state_summary();`);
    this.addSql(`drop table if exists "governance_state_recalls" cascade;`);
    this.addSql(`drop table if exists "governance_state_mandates" cascade;`);
    this.addSql(`drop table if exists "governance_state_decisions" cascade;`);
    this.addSql(`drop table if exists "governance_state_assemblies" cascade;`);
    this.addSql(`drop table if exists "body_state" cascade;`);
  }

}
