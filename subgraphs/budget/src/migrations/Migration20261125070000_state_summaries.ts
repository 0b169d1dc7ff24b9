import { Migration } from '@mikro-orm/migrations';

/**
 * The state of every known body, the summaries keyed by it, and the triggers that keep them current (ADR 0003).
 * Summaries of data already present are rebuilt here; bodies recorded before have no state yet, so their facts
 * count for the nation only until their state is set (which moves them, see summaries/triggers.ts).
 * The statements are what summaries/contributions.ts (rebuildStatements) and summaries/triggers.ts
 * (postgresTriggers, dropPostgresTriggers) produced when this was written; a later change to those needs a new
 * migration.
 */
export class Migration20261125070000_state_summaries extends Migration {

  override name = 'Migration20261125070000_state_summaries';

  override up(): void | Promise<void> {
    this.addSql(`alter table "known_body" add column "state_id" varchar(40) null;`);
    this.addSql(`create index "known_body_state_id_index" on "known_body" ("state_id");`);

    this.addSql(`create table "budget_state_money" ("currency" varchar(3) not null, "day" varchar(10) not null, "state_id" varchar(40) not null, "received" bigint not null default 0, "spent" bigint not null default 0, "committed" bigint not null default 0, primary key ("currency", "day", "state_id"));`);
    this.addSql(`create table "budget_state_projects" ("day" varchar(10) not null, "state_id" varchar(40) not null, "status" varchar(20) not null, "projects" int not null default 0, primary key ("day", "state_id", "status"));`);
    this.addSql(`create table "budget_state_turnout" ("consultation_id" int not null, "state_id" varchar(40) not null, "circuits" int not null default 0, "eligible_voters" bigint not null default 0, "ballots_cast" bigint not null default 0, primary key ("consultation_id", "state_id"));`);

    this.addSql(`insert into budget_state_money (state_id, currency, day, received)
      select coalesce(kb.state_id, ''), f.currency, f.transferred_on, sum(f.amount_minor)
      from transfer f left join known_body kb on kb.id = f.body_id where true
      group by coalesce(kb.state_id, ''), f.currency, f.transferred_on on conflict (currency, day, state_id) do update set received = budget_state_money.received + excluded.received;`);
    this.addSql(`insert into budget_state_money (state_id, currency, day, spent)
      select coalesce(kb.state_id, ''), f.currency, f.paid_on, sum(f.amount_minor)
      from ledger_entry f left join known_body kb on kb.id = f.body_id where true
      group by coalesce(kb.state_id, ''), f.currency, f.paid_on on conflict (currency, day, state_id) do update set spent = budget_state_money.spent + excluded.spent;`);
    this.addSql(`insert into budget_state_money (state_id, currency, day, committed)
      select coalesce(kb.state_id, ''), f.currency, f.approved_on, sum(f.estimated_cost_minor)
      from project f left join known_body kb on kb.id = f.body_id where f.approved_on is not null and f.status in ('APPROVED', 'IN_EXECUTION', 'DONE')
      group by coalesce(kb.state_id, ''), f.currency, f.approved_on on conflict (currency, day, state_id) do update set committed = budget_state_money.committed + excluded.committed;`);
    this.addSql(`insert into budget_state_projects (state_id, day, status, projects)
      select coalesce(kb.state_id, ''), f.proposed_on, f.status, sum(1)
      from project f left join known_body kb on kb.id = f.body_id where true
      group by coalesce(kb.state_id, ''), f.proposed_on, f.status on conflict (day, status, state_id) do update set projects = budget_state_projects.projects + excluded.projects;`);
    this.addSql(`insert into budget_state_turnout (state_id, consultation_id, circuits, eligible_voters, ballots_cast)
      select coalesce(kb.state_id, ''), f.consultation_id, sum(1), sum(f.eligible_voters), sum(f.ballots_cast)
      from circuit_tally f left join known_body kb on kb.id = f.circuit_id where true
      group by coalesce(kb.state_id, ''), f.consultation_id on conflict (consultation_id, state_id) do update set circuits = budget_state_turnout.circuits + excluded.circuits, eligible_voters = budget_state_turnout.eligible_voters + excluded.eligible_voters, ballots_cast = budget_state_turnout.ballots_cast + excluded.ballots_cast;`);
    this.addSql(`create or replace function budget_transfer_summary() returns trigger language plpgsql as $$
      begin
      if tg_op <> 'INSERT' then
      insert into budget_state_money (state_id, currency, day, received)
      select coalesce((select kb.state_id from known_body kb where kb.id = old.body_id), ''), old.currency, old.transferred_on, -(old.amount_minor)
      where true on conflict (currency, day, state_id) do update set received = budget_state_money.received + excluded.received;
      end if;
      if tg_op <> 'DELETE' then
      insert into budget_state_money (state_id, currency, day, received)
      select coalesce((select kb.state_id from known_body kb where kb.id = new.body_id), ''), new.currency, new.transferred_on, new.amount_minor
      where true on conflict (currency, day, state_id) do update set received = budget_state_money.received + excluded.received;
      end if;
      return null;
      end $$;`);
    this.addSql(`drop trigger if exists transfer_summary on transfer;`);
    this.addSql(`create trigger transfer_summary after insert or update or delete on transfer for each row execute function budget_transfer_summary();`);
    this.addSql(`create or replace function budget_ledger_entry_summary() returns trigger language plpgsql as $$
      begin
      if tg_op <> 'INSERT' then
      insert into budget_state_money (state_id, currency, day, spent)
      select coalesce((select kb.state_id from known_body kb where kb.id = old.body_id), ''), old.currency, old.paid_on, -(old.amount_minor)
      where true on conflict (currency, day, state_id) do update set spent = budget_state_money.spent + excluded.spent;
      end if;
      if tg_op <> 'DELETE' then
      insert into budget_state_money (state_id, currency, day, spent)
      select coalesce((select kb.state_id from known_body kb where kb.id = new.body_id), ''), new.currency, new.paid_on, new.amount_minor
      where true on conflict (currency, day, state_id) do update set spent = budget_state_money.spent + excluded.spent;
      end if;
      return null;
      end $$;`);
    this.addSql(`drop trigger if exists ledger_entry_summary on ledger_entry;`);
    this.addSql(`create trigger ledger_entry_summary after insert or update or delete on ledger_entry for each row execute function budget_ledger_entry_summary();`);
    this.addSql(`create or replace function budget_project_summary() returns trigger language plpgsql as $$
      begin
      if tg_op <> 'INSERT' then
      insert into budget_state_money (state_id, currency, day, committed)
      select coalesce((select kb.state_id from known_body kb where kb.id = old.body_id), ''), old.currency, old.approved_on, -(old.estimated_cost_minor)
      where old.approved_on is not null and old.status in ('APPROVED', 'IN_EXECUTION', 'DONE') on conflict (currency, day, state_id) do update set committed = budget_state_money.committed + excluded.committed;
      insert into budget_state_projects (state_id, day, status, projects)
      select coalesce((select kb.state_id from known_body kb where kb.id = old.body_id), ''), old.proposed_on, old.status, -(1)
      where true on conflict (day, status, state_id) do update set projects = budget_state_projects.projects + excluded.projects;
      end if;
      if tg_op <> 'DELETE' then
      insert into budget_state_money (state_id, currency, day, committed)
      select coalesce((select kb.state_id from known_body kb where kb.id = new.body_id), ''), new.currency, new.approved_on, new.estimated_cost_minor
      where new.approved_on is not null and new.status in ('APPROVED', 'IN_EXECUTION', 'DONE') on conflict (currency, day, state_id) do update set committed = budget_state_money.committed + excluded.committed;
      insert into budget_state_projects (state_id, day, status, projects)
      select coalesce((select kb.state_id from known_body kb where kb.id = new.body_id), ''), new.proposed_on, new.status, 1
      where true on conflict (day, status, state_id) do update set projects = budget_state_projects.projects + excluded.projects;
      end if;
      return null;
      end $$;`);
    this.addSql(`drop trigger if exists project_summary on project;`);
    this.addSql(`create trigger project_summary after insert or update or delete on project for each row execute function budget_project_summary();`);
    this.addSql(`create or replace function budget_circuit_tally_summary() returns trigger language plpgsql as $$
      begin
      if tg_op <> 'INSERT' then
      insert into budget_state_turnout (state_id, consultation_id, circuits, eligible_voters, ballots_cast)
      select coalesce((select kb.state_id from known_body kb where kb.id = old.circuit_id), ''), old.consultation_id, -(1), -(old.eligible_voters), -(old.ballots_cast)
      where true on conflict (consultation_id, state_id) do update set circuits = budget_state_turnout.circuits + excluded.circuits, eligible_voters = budget_state_turnout.eligible_voters + excluded.eligible_voters, ballots_cast = budget_state_turnout.ballots_cast + excluded.ballots_cast;
      end if;
      if tg_op <> 'DELETE' then
      insert into budget_state_turnout (state_id, consultation_id, circuits, eligible_voters, ballots_cast)
      select coalesce((select kb.state_id from known_body kb where kb.id = new.circuit_id), ''), new.consultation_id, 1, new.eligible_voters, new.ballots_cast
      where true on conflict (consultation_id, state_id) do update set circuits = budget_state_turnout.circuits + excluded.circuits, eligible_voters = budget_state_turnout.eligible_voters + excluded.eligible_voters, ballots_cast = budget_state_turnout.ballots_cast + excluded.ballots_cast;
      end if;
      return null;
      end $$;`);
    this.addSql(`drop trigger if exists circuit_tally_summary on circuit_tally;`);
    this.addSql(`create trigger circuit_tally_summary after insert or update or delete on circuit_tally for each row execute function budget_circuit_tally_summary();`);
    this.addSql(`create or replace function budget_known_body_summary_rekey() returns trigger language plpgsql as $$
      begin
      insert into budget_state_money (state_id, currency, day, received)
      select coalesce(old.state_id, ''), f.currency, f.transferred_on, -sum(f.amount_minor)
      from transfer f where f.body_id = old.id and true group by f.currency, f.transferred_on on conflict (currency, day, state_id) do update set received = budget_state_money.received + excluded.received;
      insert into budget_state_money (state_id, currency, day, received)
      select coalesce(new.state_id, ''), f.currency, f.transferred_on, sum(f.amount_minor)
      from transfer f where f.body_id = new.id and true group by f.currency, f.transferred_on on conflict (currency, day, state_id) do update set received = budget_state_money.received + excluded.received;
      insert into budget_state_money (state_id, currency, day, spent)
      select coalesce(old.state_id, ''), f.currency, f.paid_on, -sum(f.amount_minor)
      from ledger_entry f where f.body_id = old.id and true group by f.currency, f.paid_on on conflict (currency, day, state_id) do update set spent = budget_state_money.spent + excluded.spent;
      insert into budget_state_money (state_id, currency, day, spent)
      select coalesce(new.state_id, ''), f.currency, f.paid_on, sum(f.amount_minor)
      from ledger_entry f where f.body_id = new.id and true group by f.currency, f.paid_on on conflict (currency, day, state_id) do update set spent = budget_state_money.spent + excluded.spent;
      insert into budget_state_money (state_id, currency, day, committed)
      select coalesce(old.state_id, ''), f.currency, f.approved_on, -sum(f.estimated_cost_minor)
      from project f where f.body_id = old.id and f.approved_on is not null and f.status in ('APPROVED', 'IN_EXECUTION', 'DONE') group by f.currency, f.approved_on on conflict (currency, day, state_id) do update set committed = budget_state_money.committed + excluded.committed;
      insert into budget_state_money (state_id, currency, day, committed)
      select coalesce(new.state_id, ''), f.currency, f.approved_on, sum(f.estimated_cost_minor)
      from project f where f.body_id = new.id and f.approved_on is not null and f.status in ('APPROVED', 'IN_EXECUTION', 'DONE') group by f.currency, f.approved_on on conflict (currency, day, state_id) do update set committed = budget_state_money.committed + excluded.committed;
      insert into budget_state_projects (state_id, day, status, projects)
      select coalesce(old.state_id, ''), f.proposed_on, f.status, -sum(1)
      from project f where f.body_id = old.id and true group by f.proposed_on, f.status on conflict (day, status, state_id) do update set projects = budget_state_projects.projects + excluded.projects;
      insert into budget_state_projects (state_id, day, status, projects)
      select coalesce(new.state_id, ''), f.proposed_on, f.status, sum(1)
      from project f where f.body_id = new.id and true group by f.proposed_on, f.status on conflict (day, status, state_id) do update set projects = budget_state_projects.projects + excluded.projects;
      insert into budget_state_turnout (state_id, consultation_id, circuits, eligible_voters, ballots_cast)
      select coalesce(old.state_id, ''), f.consultation_id, -sum(1), -sum(f.eligible_voters), -sum(f.ballots_cast)
      from circuit_tally f where f.circuit_id = old.id and true group by f.consultation_id on conflict (consultation_id, state_id) do update set circuits = budget_state_turnout.circuits + excluded.circuits, eligible_voters = budget_state_turnout.eligible_voters + excluded.eligible_voters, ballots_cast = budget_state_turnout.ballots_cast + excluded.ballots_cast;
      insert into budget_state_turnout (state_id, consultation_id, circuits, eligible_voters, ballots_cast)
      select coalesce(new.state_id, ''), f.consultation_id, sum(1), sum(f.eligible_voters), sum(f.ballots_cast)
      from circuit_tally f where f.circuit_id = new.id and true group by f.consultation_id on conflict (consultation_id, state_id) do update set circuits = budget_state_turnout.circuits + excluded.circuits, eligible_voters = budget_state_turnout.eligible_voters + excluded.eligible_voters, ballots_cast = budget_state_turnout.ballots_cast + excluded.ballots_cast;
      return null;
      end $$;`);
    this.addSql(`drop trigger if exists known_body_summary_rekey on known_body;`);
    this.addSql(`create trigger known_body_summary_rekey after update of state_id on known_body for each row
      when (coalesce(old.state_id, '') <> coalesce(new.state_id, '')) execute function budget_known_body_summary_rekey();`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop trigger if exists transfer_summary on transfer;`);
    this.addSql(`drop function if exists budget_transfer_summary();`);
    this.addSql(`drop trigger if exists ledger_entry_summary on ledger_entry;`);
    this.addSql(`drop function if exists budget_ledger_entry_summary();`);
    this.addSql(`drop trigger if exists project_summary on project;`);
    this.addSql(`drop function if exists budget_project_summary();`);
    this.addSql(`drop trigger if exists circuit_tally_summary on circuit_tally;`);
    this.addSql(`drop function if exists budget_circuit_tally_summary();`);
    this.addSql(`drop trigger if exists known_body_summary_rekey on known_body;`);
    this.addSql(`drop function if exists budget_known_body_summary_rekey();`);
    this.addSql(`drop table if exists "budget_state_turnout" cascade;`);
    this.addSql(`drop table if exists "budget_state_projects" cascade;`);
    this.addSql(`drop table if exists "budget_state_money" cascade;`);
    this.addSql(`drop index if exists "known_body_state_id_index";`);
    this.addSql(`alter table "known_body" drop column "state_id";`);
  }

}
