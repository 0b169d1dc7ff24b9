import { Migration } from '@mikro-orm/migrations';

export class Migration20261125000000_initial extends Migration {

  override name = 'Migration20261125000000_initial';

  override up(): void | Promise<void> {
    this.addSql(`create table "assembly" ("id" serial primary key, "body_id" varchar(40) not null, "kind" text not null, "held_on" varchar(10) not null, "attendance" int not null, "quorum_rule" text not null, "body_size" int not null, "body_size_source" varchar(120) not null, "quorum_required" int not null, "quorate" boolean not null, "agenda" jsonb not null, "idempotency_key" varchar(100) null, "synthetic_fields" jsonb not null, "sources" jsonb not null);`);
    this.addSql(`create index "assembly_held_on_index" on "assembly" ("held_on");`);
    this.addSql(`alter table "assembly" add constraint "assembly_idempotency_key_unique" unique ("idempotency_key");`);
    this.addSql(`create index "assembly_body_id_held_on_index" on "assembly" ("body_id", "held_on");`);

    this.addSql(`create table "audit_entry" ("id" serial primary key, "at" varchar(30) not null, "subject" varchar(200) null, "roles" jsonb not null, "action" varchar(100) not null, "body" varchar(60) null, "bodies" jsonb not null, "request_id" varchar(100) not null, "input" jsonb null, "result" jsonb null);`);
    this.addSql(`create index "audit_entry_at_index" on "audit_entry" ("at");`);
    this.addSql(`create index "audit_entry_action_index" on "audit_entry" ("action");`);
    this.addSql(`create index "audit_entry_body_index" on "audit_entry" ("body");`);

    this.addSql(`create table "decision" ("id" serial primary key, "assembly_id" int not null, "position" int not null, "text" varchar(2000) not null, "votes_for" int not null, "votes_against" int not null, "votes_abstaining" int not null, "carried" boolean not null);`);
    this.addSql(`create index "decision_assembly_id_index" on "decision" ("assembly_id");`);

    this.addSql(`create table "federation" ("id" serial primary key, "name" varchar(200) not null, "founded_on" varchar(10) not null, "founded_at" varchar(200) not null, "synthetic_fields" jsonb not null, "sources" jsonb not null);`);
    this.addSql(`alter table "federation" add constraint "federation_name_unique" unique ("name");`);

    this.addSql(`create table "federation_member" ("id" serial primary key, "federation_id" int not null, "kind" text not null, "name" varchar(200) not null, "commune_id" varchar(40) null, "joined_on" varchar(10) not null, "synthetic_fields" jsonb not null, "sources" jsonb not null);`);
    this.addSql(`create index "federation_member_federation_id_index" on "federation_member" ("federation_id");`);

    this.addSql(`create table "organ" ("id" serial primary key, "body_id" varchar(40) not null, "kind" text not null, "name" varchar(200) not null, "topic" varchar(100) null, "created_on" varchar(10) not null, "principal_seats" int not null, "substitute_seats" int not null, "synthetic_fields" jsonb not null, "sources" jsonb not null);`);
    this.addSql(`create index "organ_body_id_index" on "organ" ("body_id");`);
    this.addSql(`create index "organ_kind_index" on "organ" ("kind");`);
    this.addSql(`alter table "organ" add constraint "organ_body_id_name_unique" unique ("body_id", "name");`);

    this.addSql(`create table "election" ("id" serial primary key, "organ_id" int not null, "held_on" varchar(10) not null, "electoral_commission_id" int null);`);
    this.addSql(`create index "election_organ_id_index" on "election" ("organ_id");`);
    this.addSql(`alter table "election" add constraint "election_organ_id_held_on_unique" unique ("organ_id", "held_on");`);

    this.addSql(`create table "spokesperson" ("id" serial primary key, "name" varchar(200) not null, "synthetic_fields" jsonb not null, "sources" jsonb not null);`);
    this.addSql(`create index "spokesperson_name_index" on "spokesperson" ("name");`);

    this.addSql(`create table "mandate" ("id" serial primary key, "spokesperson_id" int not null, "organ_id" int not null, "role" text not null, "seat" int not null, "on_behalf_of" varchar(60) null, "election_id" int not null, "start_on" varchar(10) not null, "term_ends_on" varchar(10) not null, "revoked_on" varchar(10) null, "synthetic_fields" jsonb not null, "sources" jsonb not null);`);
    this.addSql(`create index "mandate_spokesperson_id_index" on "mandate" ("spokesperson_id");`);
    this.addSql(`create index "mandate_election_id_index" on "mandate" ("election_id");`);
    this.addSql(`create index "mandate_start_on_index" on "mandate" ("start_on");`);
    this.addSql(`create index "mandate_term_ends_on_index" on "mandate" ("term_ends_on");`);
    this.addSql(`create index "mandate_organ_id_role_seat_index" on "mandate" ("organ_id", "role", "seat");`);

    this.addSql(`create table "recall" ("id" serial primary key, "mandate_id" int not null, "requested_by" text not null, "requested_on" varchar(10) not null, "signatures" int null, "eligible_residents" int null, "reported_on" varchar(10) not null, "decision_id" int not null, "decided_on" varchar(10) not null);`);
    this.addSql(`alter table "recall" add constraint "recall_mandate_id_unique" unique ("mandate_id");`);
    this.addSql(`create index "recall_decision_id_index" on "recall" ("decision_id");`);
    this.addSql(`create index "recall_decided_on_index" on "recall" ("decided_on");`);

    this.addSql(`alter table "assembly" add constraint "assembly_kind_check" check ("kind" in ('CITIZENS_ASSEMBLY', 'PARLIAMENT_SESSION'));`);
    this.addSql(`alter table "assembly" add constraint "assembly_quorum_rule_check" check ("quorum_rule" in ('SHARE_OF_FAMILIES', 'MAJORITY_OF_SEATS'));`);

    this.addSql(`alter table "decision" add constraint "decision_assembly_id_foreign" foreign key ("assembly_id") references "assembly" ("id");`);

    this.addSql(`alter table "federation_member" add constraint "federation_member_federation_id_foreign" foreign key ("federation_id") references "federation" ("id");`);
    this.addSql(`alter table "federation_member" add constraint "federation_member_kind_check" check ("kind" in ('COMMUNE', 'MOVEMENT'));`);

    this.addSql(`alter table "organ" add constraint "organ_kind_check" check ("kind" in ('EXECUTIVE_UNIT', 'ADMINISTRATIVE_FINANCIAL_UNIT', 'SOCIAL_CONTROL_UNIT', 'ELECTORAL_COMMISSION', 'COMMITTEE', 'COMMUNAL_PARLIAMENT', 'EXECUTIVE_COUNCIL', 'PLANNING_COUNCIL', 'COMMUNAL_ECONOMY_COUNCIL', 'COMMUNAL_BANK', 'COMPTROLLER_COUNCIL'));`);

    this.addSql(`alter table "election" add constraint "election_organ_id_foreign" foreign key ("organ_id") references "organ" ("id");`);
    this.addSql(`alter table "election" add constraint "election_electoral_commission_id_foreign" foreign key ("electoral_commission_id") references "organ" ("id") on delete set null;`);

    this.addSql(`alter table "mandate" add constraint "mandate_spokesperson_id_foreign" foreign key ("spokesperson_id") references "spokesperson" ("id");`);
    this.addSql(`alter table "mandate" add constraint "mandate_organ_id_foreign" foreign key ("organ_id") references "organ" ("id");`);
    this.addSql(`alter table "mandate" add constraint "mandate_election_id_foreign" foreign key ("election_id") references "election" ("id");`);
    this.addSql(`alter table "mandate" add constraint "mandate_role_check" check ("role" in ('PRINCIPAL', 'SUBSTITUTE'));`);

    this.addSql(`alter table "recall" add constraint "recall_mandate_id_foreign" foreign key ("mandate_id") references "mandate" ("id");`);
    this.addSql(`alter table "recall" add constraint "recall_decision_id_foreign" foreign key ("decision_id") references "decision" ("id");`);
    this.addSql(`alter table "recall" add constraint "recall_requested_by_check" check ("requested_by" in ('RESIDENTS', 'SOCIAL_CONTROL_UNIT'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "decision" drop constraint "decision_assembly_id_foreign";`);
    this.addSql(`alter table "recall" drop constraint "recall_decision_id_foreign";`);
    this.addSql(`alter table "federation_member" drop constraint "federation_member_federation_id_foreign";`);
    this.addSql(`alter table "election" drop constraint "election_organ_id_foreign";`);
    this.addSql(`alter table "election" drop constraint "election_electoral_commission_id_foreign";`);
    this.addSql(`alter table "mandate" drop constraint "mandate_organ_id_foreign";`);
    this.addSql(`alter table "mandate" drop constraint "mandate_election_id_foreign";`);
    this.addSql(`alter table "mandate" drop constraint "mandate_spokesperson_id_foreign";`);
    this.addSql(`alter table "recall" drop constraint "recall_mandate_id_foreign";`);

    this.addSql(`drop table if exists "assembly" cascade;`);
    this.addSql(`drop table if exists "audit_entry" cascade;`);
    this.addSql(`drop table if exists "decision" cascade;`);
    this.addSql(`drop table if exists "federation" cascade;`);
    this.addSql(`drop table if exists "federation_member" cascade;`);
    this.addSql(`drop table if exists "organ" cascade;`);
    this.addSql(`drop table if exists "election" cascade;`);
    this.addSql(`drop table if exists "spokesperson" cascade;`);
    this.addSql(`drop table if exists "mandate" cascade;`);
    this.addSql(`drop table if exists "recall" cascade;`);
  }

}
