import { Migration } from '@mikro-orm/migrations';

export class Migration20261125000000_initial extends Migration {

  override name = 'Migration20261125000000_initial';

  override up(): void | Promise<void> {
    this.addSql(`create table "audit_entry" ("id" serial primary key, "at" varchar(30) not null, "subject" varchar(200) null, "roles" jsonb not null, "action" varchar(100) not null, "body" varchar(60) null, "bodies" jsonb not null, "request_id" varchar(100) not null, "input" jsonb null, "result" jsonb null);`);
    this.addSql(`create index "audit_entry_at_index" on "audit_entry" ("at");`);
    this.addSql(`create index "audit_entry_action_index" on "audit_entry" ("action");`);
    this.addSql(`create index "audit_entry_body_index" on "audit_entry" ("body");`);

    this.addSql(`create table "state" ("id" serial primary key, "code" varchar(120) not null, "name" varchar(120) not null);`);
    this.addSql(`alter table "state" add constraint "state_code_unique" unique ("code");`);

    this.addSql(`create table "municipality" ("id" serial primary key, "code" varchar(200) not null, "name" varchar(120) not null, "state_id" int not null, "synthetic_fields" jsonb not null, "sources" jsonb not null);`);
    this.addSql(`alter table "municipality" add constraint "municipality_code_unique" unique ("code");`);
    this.addSql(`create index "municipality_state_id_index" on "municipality" ("state_id");`);

    this.addSql(`create table "parish" ("id" serial primary key, "code" varchar(300) not null, "name" varchar(120) not null, "municipality_id" int not null, "state_id" int not null, "synthetic_fields" jsonb not null, "sources" jsonb not null);`);
    this.addSql(`alter table "parish" add constraint "parish_code_unique" unique ("code");`);
    this.addSql(`create index "parish_municipality_id_index" on "parish" ("municipality_id");`);
    this.addSql(`create index "parish_state_id_index" on "parish" ("state_id");`);

    this.addSql(`create table "communal_city" ("id" serial primary key, "code" varchar(40) not null, "name" varchar(200) not null, "status" text not null, "registered_on" varchar(10) null, "founded_on" varchar(10) not null, "seat_state_id" int not null, "synthetic_fields" jsonb not null, "sources" jsonb not null);`);
    this.addSql(`alter table "communal_city" add constraint "communal_city_code_unique" unique ("code");`);
    this.addSql(`create index "communal_city_name_index" on "communal_city" ("name");`);
    this.addSql(`create index "communal_city_status_index" on "communal_city" ("status");`);
    this.addSql(`create index "communal_city_registered_on_index" on "communal_city" ("registered_on");`);
    this.addSql(`create index "communal_city_seat_state_id_index" on "communal_city" ("seat_state_id");`);

    this.addSql(`create table "commune" ("id" serial primary key, "code" varchar(40) not null, "name" varchar(200) not null, "status" text not null, "registered_on" varchar(10) null, "kind" text not null, "formation_step" text not null, "founded_on" varchar(10) not null, "area_hectares" varchar(30) null, "latitude" double precision null, "longitude" double precision null, "boundary" jsonb null, "seat_state_id" int not null, "communal_city_id" int null, "synthetic_fields" jsonb not null, "sources" jsonb not null);`);
    this.addSql(`alter table "commune" add constraint "commune_code_unique" unique ("code");`);
    this.addSql(`create index "commune_name_index" on "commune" ("name");`);
    this.addSql(`create index "commune_status_index" on "commune" ("status");`);
    this.addSql(`create index "commune_registered_on_index" on "commune" ("registered_on");`);
    this.addSql(`create index "commune_kind_index" on "commune" ("kind");`);
    this.addSql(`create index "commune_seat_state_id_index" on "commune" ("seat_state_id");`);
    this.addSql(`create index "commune_communal_city_id_index" on "commune" ("communal_city_id");`);

    this.addSql(`create table "communal_circuit" ("id" serial primary key, "code" varchar(40) not null, "name" varchar(200) not null, "status" text not null, "registered_on" varchar(10) null, "state_id" int not null, "commune_id" int null, "synthetic_fields" jsonb not null, "sources" jsonb not null);`);
    this.addSql(`alter table "communal_circuit" add constraint "communal_circuit_code_unique" unique ("code");`);
    this.addSql(`create index "communal_circuit_name_index" on "communal_circuit" ("name");`);
    this.addSql(`create index "communal_circuit_status_index" on "communal_circuit" ("status");`);
    this.addSql(`create index "communal_circuit_registered_on_index" on "communal_circuit" ("registered_on");`);
    this.addSql(`create index "communal_circuit_state_id_index" on "communal_circuit" ("state_id");`);
    this.addSql(`create index "communal_circuit_commune_id_index" on "communal_circuit" ("commune_id");`);

    this.addSql(`create table "communal_council" ("id" serial primary key, "code" varchar(40) not null, "name" varchar(200) not null, "status" text not null, "registered_on" varchar(10) null, "setting" text not null, "households" int not null, "families" int not null, "population" int not null, "census_as_of" varchar(10) null, "parish_id" int not null, "state_id" int not null, "commune_id" int null, "circuit_id" int null, "synthetic_fields" jsonb not null, "sources" jsonb not null);`);
    this.addSql(`alter table "communal_council" add constraint "communal_council_code_unique" unique ("code");`);
    this.addSql(`create index "communal_council_name_index" on "communal_council" ("name");`);
    this.addSql(`create index "communal_council_status_index" on "communal_council" ("status");`);
    this.addSql(`create index "communal_council_registered_on_index" on "communal_council" ("registered_on");`);
    this.addSql(`create index "communal_council_parish_id_index" on "communal_council" ("parish_id");`);
    this.addSql(`create index "communal_council_state_id_index" on "communal_council" ("state_id");`);
    this.addSql(`create index "communal_council_commune_id_index" on "communal_council" ("commune_id");`);
    this.addSql(`create index "communal_council_circuit_id_index" on "communal_council" ("circuit_id");`);

    this.addSql(`create table "status_change" ("id" serial primary key, "body_id" varchar(40) not null, "status" text not null, "previous_status" text null, "effective_on" varchar(10) not null, "reason" varchar(500) not null);`);
    this.addSql(`create index "status_change_body_id_index" on "status_change" ("body_id");`);

    this.addSql(`alter table "municipality" add constraint "municipality_state_id_foreign" foreign key ("state_id") references "state" ("id");`);

    this.addSql(`alter table "parish" add constraint "parish_municipality_id_foreign" foreign key ("municipality_id") references "municipality" ("id");`);
    this.addSql(`alter table "parish" add constraint "parish_state_id_foreign" foreign key ("state_id") references "state" ("id");`);

    this.addSql(`alter table "communal_city" add constraint "communal_city_seat_state_id_foreign" foreign key ("seat_state_id") references "state" ("id");`);
    this.addSql(`alter table "communal_city" add constraint "communal_city_status_check" check ("status" in ('IN_FORMATION', 'REGISTERED', 'ACTIVE', 'INACTIVE', 'DISSOLVED'));`);

    this.addSql(`alter table "commune" add constraint "commune_seat_state_id_foreign" foreign key ("seat_state_id") references "state" ("id");`);
    this.addSql(`alter table "commune" add constraint "commune_communal_city_id_foreign" foreign key ("communal_city_id") references "communal_city" ("id") on delete set null;`);
    this.addSql(`alter table "commune" add constraint "commune_status_check" check ("status" in ('IN_FORMATION', 'REGISTERED', 'ACTIVE', 'INACTIVE', 'DISSOLVED'));`);
    this.addSql(`alter table "commune" add constraint "commune_kind_check" check ("kind" in ('URBAN', 'RURAL', 'MIXED', 'INDIGENOUS'));`);
    this.addSql(`alter table "commune" add constraint "commune_formation_step_check" check ("formation_step" in ('PROMOTER_COMMISSION', 'FOUNDING_CHARTER', 'REFERENDUM', 'REGISTRATION'));`);

    this.addSql(`alter table "communal_circuit" add constraint "communal_circuit_state_id_foreign" foreign key ("state_id") references "state" ("id");`);
    this.addSql(`alter table "communal_circuit" add constraint "communal_circuit_commune_id_foreign" foreign key ("commune_id") references "commune" ("id") on delete set null;`);
    this.addSql(`alter table "communal_circuit" add constraint "communal_circuit_status_check" check ("status" in ('IN_FORMATION', 'REGISTERED', 'ACTIVE', 'INACTIVE', 'DISSOLVED'));`);

    this.addSql(`alter table "communal_council" add constraint "communal_council_parish_id_foreign" foreign key ("parish_id") references "parish" ("id");`);
    this.addSql(`alter table "communal_council" add constraint "communal_council_state_id_foreign" foreign key ("state_id") references "state" ("id");`);
    this.addSql(`alter table "communal_council" add constraint "communal_council_commune_id_foreign" foreign key ("commune_id") references "commune" ("id") on delete set null;`);
    this.addSql(`alter table "communal_council" add constraint "communal_council_circuit_id_foreign" foreign key ("circuit_id") references "communal_circuit" ("id") on delete set null;`);
    this.addSql(`alter table "communal_council" add constraint "communal_council_status_check" check ("status" in ('IN_FORMATION', 'REGISTERED', 'ACTIVE', 'INACTIVE', 'DISSOLVED'));`);
    this.addSql(`alter table "communal_council" add constraint "communal_council_setting_check" check ("setting" in ('URBAN', 'RURAL', 'INDIGENOUS'));`);

    this.addSql(`alter table "status_change" add constraint "status_change_status_check" check ("status" in ('IN_FORMATION', 'REGISTERED', 'ACTIVE', 'INACTIVE', 'DISSOLVED'));`);
    this.addSql(`alter table "status_change" add constraint "status_change_previous_status_check" check ("previous_status" in ('IN_FORMATION', 'REGISTERED', 'ACTIVE', 'INACTIVE', 'DISSOLVED'));`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "municipality" drop constraint "municipality_state_id_foreign";`);
    this.addSql(`alter table "parish" drop constraint "parish_state_id_foreign";`);
    this.addSql(`alter table "communal_city" drop constraint "communal_city_seat_state_id_foreign";`);
    this.addSql(`alter table "commune" drop constraint "commune_seat_state_id_foreign";`);
    this.addSql(`alter table "communal_circuit" drop constraint "communal_circuit_state_id_foreign";`);
    this.addSql(`alter table "communal_council" drop constraint "communal_council_state_id_foreign";`);
    this.addSql(`alter table "parish" drop constraint "parish_municipality_id_foreign";`);
    this.addSql(`alter table "communal_council" drop constraint "communal_council_parish_id_foreign";`);
    this.addSql(`alter table "commune" drop constraint "commune_communal_city_id_foreign";`);
    this.addSql(`alter table "communal_circuit" drop constraint "communal_circuit_commune_id_foreign";`);
    this.addSql(`alter table "communal_council" drop constraint "communal_council_commune_id_foreign";`);
    this.addSql(`alter table "communal_council" drop constraint "communal_council_circuit_id_foreign";`);

    this.addSql(`drop table if exists "audit_entry" cascade;`);
    this.addSql(`drop table if exists "state" cascade;`);
    this.addSql(`drop table if exists "municipality" cascade;`);
    this.addSql(`drop table if exists "parish" cascade;`);
    this.addSql(`drop table if exists "communal_city" cascade;`);
    this.addSql(`drop table if exists "commune" cascade;`);
    this.addSql(`drop table if exists "communal_circuit" cascade;`);
    this.addSql(`drop table if exists "communal_council" cascade;`);
    this.addSql(`drop table if exists "status_change" cascade;`);
  }

}
