import { Migration } from '@mikro-orm/migrations';

export class Migration20261125000000_initial extends Migration {

  override name = 'Migration20261125000000_initial';

  override up(): void | Promise<void> {
    this.addSql(`create table "audit_entry" ("id" serial primary key, "at" varchar(30) not null, "subject" varchar(200) null, "roles" jsonb not null, "action" varchar(100) not null, "body" varchar(60) null, "bodies" jsonb not null, "request_id" varchar(100) not null, "input" jsonb null, "result" jsonb null);`);
    this.addSql(`create index "audit_entry_at_index" on "audit_entry" ("at");`);
    this.addSql(`create index "audit_entry_action_index" on "audit_entry" ("action");`);
    this.addSql(`create index "audit_entry_body_index" on "audit_entry" ("body");`);

    this.addSql(`create table "consultation" ("id" serial primary key, "held_on" varchar(10) not null, "kind" text not null, "funded_per_circuit" int not null, "minimum_voter_age" int not null, "synthetic_fields" jsonb not null, "sources" jsonb not null);`);
    this.addSql(`create index "consultation_held_on_index" on "consultation" ("held_on");`);
    this.addSql(`alter table "consultation" add constraint "consultation_held_on_kind_unique" unique ("held_on", "kind");`);

    this.addSql(`create table "circuit_tally" ("id" serial primary key, "consultation_id" int not null, "circuit_id" varchar(40) not null, "eligible_voters" int not null, "ballots_cast" int not null, "invalid_ballots" int not null, "recorded_on" varchar(10) not null);`);
    this.addSql(`create index "circuit_tally_consultation_id_index" on "circuit_tally" ("consultation_id");`);
    this.addSql(`create index "circuit_tally_circuit_id_index" on "circuit_tally" ("circuit_id");`);
    this.addSql(`alter table "circuit_tally" add constraint "circuit_tally_consultation_id_circuit_id_unique" unique ("consultation_id", "circuit_id");`);

    this.addSql(`create table "funding_source" ("id" serial primary key, "name" varchar(200) not null, "kind" text not null, "owner_body_id" varchar(40) null, "synthetic_fields" jsonb not null, "sources" jsonb not null);`);
    this.addSql(`alter table "funding_source" add constraint "funding_source_name_unique" unique ("name");`);

    this.addSql(`create table "known_body" ("id" varchar(40) not null, "kind" text not null, "circuit_id" varchar(40) null, "dissolved" boolean not null default false, primary key ("id"));`);
    this.addSql(`create index "known_body_circuit_id_index" on "known_body" ("circuit_id");`);

    this.addSql(`create table "project" ("id" serial primary key, "name" varchar(200) not null, "category" text not null, "body_id" varchar(40) not null, "estimated_cost_minor" bigint not null, "currency" varchar(3) not null, "status" text not null, "proposed_on" varchar(10) not null, "approved_on" varchar(10) null, "synthetic_fields" jsonb not null, "sources" jsonb not null);`);
    this.addSql(`create index "project_body_id_index" on "project" ("body_id");`);
    this.addSql(`create index "project_status_index" on "project" ("status");`);
    this.addSql(`create index "project_proposed_on_index" on "project" ("proposed_on");`);
    this.addSql(`create index "project_approved_on_index" on "project" ("approved_on");`);

    this.addSql(`create table "ledger_entry" ("id" serial primary key, "project_id" int not null, "body_id" varchar(40) not null, "amount_minor" bigint not null, "currency" varchar(3) not null, "paid_on" varchar(10) not null, "payee" varchar(200) not null, "description" varchar(500) not null, "assembly_minutes" boolean not null, "funder_approval" boolean not null, "account_statement" boolean not null, "contracting_minutes" boolean not null, "quotes" int not null, "invoice" boolean not null, "receipt_minutes" boolean not null, "overspend_allowed" boolean not null, "reverses_id" int null, "synthetic_fields" jsonb not null, "sources" jsonb not null);`);
    this.addSql(`create index "ledger_entry_project_id_index" on "ledger_entry" ("project_id");`);
    this.addSql(`create index "ledger_entry_body_id_index" on "ledger_entry" ("body_id");`);
    this.addSql(`create index "ledger_entry_paid_on_index" on "ledger_entry" ("paid_on");`);
    this.addSql(`alter table "ledger_entry" add constraint "ledger_entry_reverses_id_unique" unique ("reverses_id");`);

    this.addSql(`create table "project_status_change" ("id" serial primary key, "project_id" int not null, "status" text not null, "previous_status" text null, "effective_on" varchar(10) not null, "reason" varchar(500) not null);`);
    this.addSql(`create index "project_status_change_project_id_index" on "project_status_change" ("project_id");`);

    this.addSql(`create table "proposal" ("id" serial primary key, "consultation_id" int not null, "circuit_id" varchar(40) not null, "project_id" int not null, "ballot_position" int not null, "votes" int null);`);
    this.addSql(`create index "proposal_consultation_id_index" on "proposal" ("consultation_id");`);
    this.addSql(`create index "proposal_circuit_id_index" on "proposal" ("circuit_id");`);
    this.addSql(`create index "proposal_project_id_index" on "proposal" ("project_id");`);
    this.addSql(`alter table "proposal" add constraint "proposal_consultation_id_circuit_id_ballot_position_unique" unique ("consultation_id", "circuit_id", "ballot_position");`);
    this.addSql(`alter table "proposal" add constraint "proposal_consultation_id_project_id_unique" unique ("consultation_id", "project_id");`);

    this.addSql(`create table "transfer" ("id" serial primary key, "source_id" int not null, "body_id" varchar(40) not null, "project_id" int null, "amount_minor" bigint not null, "currency" varchar(3) not null, "transferred_on" varchar(10) not null, "purpose" varchar(500) not null, "synthetic_fields" jsonb not null, "sources" jsonb not null);`);
    this.addSql(`create index "transfer_source_id_index" on "transfer" ("source_id");`);
    this.addSql(`create index "transfer_body_id_index" on "transfer" ("body_id");`);
    this.addSql(`create index "transfer_project_id_index" on "transfer" ("project_id");`);
    this.addSql(`create index "transfer_transferred_on_index" on "transfer" ("transferred_on");`);

    this.addSql(`alter table "consultation" add constraint "consultation_kind_check" check ("kind" in ('GENERAL', 'YOUTH'));`);

    this.addSql(`alter table "circuit_tally" add constraint "circuit_tally_consultation_id_foreign" foreign key ("consultation_id") references "consultation" ("id");`);

    this.addSql(`alter table "funding_source" add constraint "funding_source_kind_check" check ("kind" in ('MINISTRY', 'MISSION', 'INTERTERRITORIAL_FUND', 'COMMUNAL_BANK', 'OWN_REVENUE'));`);

    this.addSql(`alter table "known_body" add constraint "known_body_kind_check" check ("kind" in ('council', 'commune', 'circuit'));`);

    this.addSql(`alter table "project" add constraint "project_category_check" check ("category" in ('HOUSING', 'WATER', 'ROADS', 'ELECTRICITY', 'HEALTH', 'EDUCATION', 'PRODUCTION', 'CULTURE', 'OTHER'));`);
    this.addSql(`alter table "project" add constraint "project_status_check" check ("status" in ('PROPOSED', 'APPROVED', 'IN_EXECUTION', 'DONE', 'ABANDONED'));`);

    this.addSql(`alter table "ledger_entry" add constraint "ledger_entry_project_id_foreign" foreign key ("project_id") references "project" ("id");`);

    this.addSql(`alter table "project_status_change" add constraint "project_status_change_project_id_foreign" foreign key ("project_id") references "project" ("id");`);
    this.addSql(`alter table "project_status_change" add constraint "project_status_change_status_check" check ("status" in ('PROPOSED', 'APPROVED', 'IN_EXECUTION', 'DONE', 'ABANDONED'));`);
    this.addSql(`alter table "project_status_change" add constraint "project_status_change_previous_status_check" check ("previous_status" in ('PROPOSED', 'APPROVED', 'IN_EXECUTION', 'DONE', 'ABANDONED'));`);

    this.addSql(`alter table "proposal" add constraint "proposal_consultation_id_foreign" foreign key ("consultation_id") references "consultation" ("id");`);
    this.addSql(`alter table "proposal" add constraint "proposal_project_id_foreign" foreign key ("project_id") references "project" ("id");`);

    this.addSql(`alter table "transfer" add constraint "transfer_source_id_foreign" foreign key ("source_id") references "funding_source" ("id");`);
    this.addSql(`alter table "transfer" add constraint "transfer_project_id_foreign" foreign key ("project_id") references "project" ("id") on delete set null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "circuit_tally" drop constraint "circuit_tally_consultation_id_foreign";`);
    this.addSql(`alter table "proposal" drop constraint "proposal_consultation_id_foreign";`);
    this.addSql(`alter table "transfer" drop constraint "transfer_source_id_foreign";`);
    this.addSql(`alter table "ledger_entry" drop constraint "ledger_entry_project_id_foreign";`);
    this.addSql(`alter table "project_status_change" drop constraint "project_status_change_project_id_foreign";`);
    this.addSql(`alter table "proposal" drop constraint "proposal_project_id_foreign";`);
    this.addSql(`alter table "transfer" drop constraint "transfer_project_id_foreign";`);

    this.addSql(`drop table if exists "audit_entry" cascade;`);
    this.addSql(`drop table if exists "consultation" cascade;`);
    this.addSql(`drop table if exists "circuit_tally" cascade;`);
    this.addSql(`drop table if exists "funding_source" cascade;`);
    this.addSql(`drop table if exists "known_body" cascade;`);
    this.addSql(`drop table if exists "project" cascade;`);
    this.addSql(`drop table if exists "ledger_entry" cascade;`);
    this.addSql(`drop table if exists "project_status_change" cascade;`);
    this.addSql(`drop table if exists "proposal" cascade;`);
    this.addSql(`drop table if exists "transfer" cascade;`);
  }

}
