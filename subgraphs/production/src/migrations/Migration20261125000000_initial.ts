import { Migration } from '@mikro-orm/migrations';

export class Migration20261125000000_initial extends Migration {

  override name = 'Migration20261125000000_initial';

  override up(): void | Promise<void> {
    this.addSql(`create table "audit_entry" ("id" serial primary key, "at" varchar(30) not null, "subject" varchar(200) null, "roles" jsonb not null, "action" varchar(100) not null, "body" varchar(60) null, "bodies" jsonb not null, "request_id" varchar(100) not null, "input" jsonb null, "result" jsonb null);`);
    this.addSql(`create index "audit_entry_at_index" on "audit_entry" ("at");`);
    this.addSql(`create index "audit_entry_action_index" on "audit_entry" ("action");`);
    this.addSql(`create index "audit_entry_body_index" on "audit_entry" ("body");`);

    this.addSql(`create table "product" ("id" serial primary key, "code" varchar(60) not null, "name" varchar(120) not null, "unit" text not null, "food" boolean not null, "monthly_need_per_person" bigint null, "synthetic_fields" jsonb not null, "sources" jsonb not null);`);
    this.addSql(`alter table "product" add constraint "product_code_unique" unique ("code");`);
    this.addSql(`create index "product_name_index" on "product" ("name");`);

    this.addSql(`create table "price_agreement" ("id" serial primary key, "product_id" int not null, "body_id" varchar(40) not null, "council_name" varchar(200) not null, "unit_cost" bigint not null, "price" bigint not null, "currency" varchar(3) not null, "valid_from" varchar(10) not null, "valid_to" varchar(10) null, "basis" varchar(1000) not null, "synthetic_fields" jsonb not null, "sources" jsonb not null);`);
    this.addSql(`create index "price_agreement_product_id_index" on "price_agreement" ("product_id");`);
    this.addSql(`create index "price_agreement_body_id_index" on "price_agreement" ("body_id");`);

    this.addSql(`create table "production_unit" ("id" serial primary key, "code" varchar(40) not null, "name" varchar(200) not null, "type" text not null, "sector" text not null, "owner_id" varchar(40) not null, "workers" int not null, "founded_on" varchar(10) not null, "status" text not null, "synthetic_fields" jsonb not null, "sources" jsonb not null);`);
    this.addSql(`alter table "production_unit" add constraint "production_unit_code_unique" unique ("code");`);
    this.addSql(`create index "production_unit_name_index" on "production_unit" ("name");`);
    this.addSql(`create index "production_unit_type_index" on "production_unit" ("type");`);
    this.addSql(`create index "production_unit_owner_id_index" on "production_unit" ("owner_id");`);
    this.addSql(`create index "production_unit_status_index" on "production_unit" ("status");`);

    this.addSql(`create table "production_report" ("id" serial primary key, "unit_id" int not null, "product_id" int not null, "month" varchar(7) not null, "quantity" bigint not null, "revision" int not null, "synthetic_fields" jsonb not null, "sources" jsonb not null);`);
    this.addSql(`create index "production_report_unit_id_index" on "production_report" ("unit_id");`);
    this.addSql(`create index "production_report_product_id_index" on "production_report" ("product_id");`);
    this.addSql(`create index "production_report_month_index" on "production_report" ("month");`);
    this.addSql(`alter table "production_report" add constraint "production_report_unit_id_product_id_month_unique" unique ("unit_id", "product_id", "month");`);

    this.addSql(`create table "exchange_flow" ("id" serial primary key, "product_id" int not null, "quantity" bigint not null, "from_unit_id" int null, "from_body_id" varchar(40) not null, "to_body_id" varchar(40) not null, "destination" text not null, "households" int null, "price_per_unit" bigint not null, "currency" varchar(3) not null, "date" varchar(10) not null, "price_agreement_id" int null, "synthetic_fields" jsonb not null, "sources" jsonb not null);`);
    this.addSql(`create index "exchange_flow_product_id_index" on "exchange_flow" ("product_id");`);
    this.addSql(`create index "exchange_flow_from_unit_id_index" on "exchange_flow" ("from_unit_id");`);
    this.addSql(`create index "exchange_flow_from_body_id_index" on "exchange_flow" ("from_body_id");`);
    this.addSql(`create index "exchange_flow_to_body_id_index" on "exchange_flow" ("to_body_id");`);
    this.addSql(`create index "exchange_flow_date_index" on "exchange_flow" ("date");`);

    this.addSql(`create table "report_revision" ("id" serial primary key, "report_id" int not null, "revision" int not null, "quantity" bigint not null, "reason" varchar(500) null, "recorded_at" varchar(30) not null);`);
    this.addSql(`create index "report_revision_report_id_index" on "report_revision" ("report_id");`);
    this.addSql(`alter table "report_revision" add constraint "report_revision_report_id_revision_unique" unique ("report_id", "revision");`);

    this.addSql(`create table "unit_product" ("id" serial primary key, "unit_id" int not null, "product_id" int not null);`);
    this.addSql(`create index "unit_product_unit_id_index" on "unit_product" ("unit_id");`);
    this.addSql(`create index "unit_product_product_id_index" on "unit_product" ("product_id");`);
    this.addSql(`alter table "unit_product" add constraint "unit_product_unit_id_product_id_unique" unique ("unit_id", "product_id");`);

    this.addSql(`alter table "product" add constraint "product_unit_check" check ("unit" in ('GRAM', 'KILOGRAM', 'TONNE', 'MILLILITRE', 'LITRE', 'UNIT', 'DOZEN'));`);

    this.addSql(`alter table "price_agreement" add constraint "price_agreement_product_id_foreign" foreign key ("product_id") references "product" ("id");`);

    this.addSql(`alter table "production_unit" add constraint "production_unit_type_check" check ("type" in ('DIRECT_COMMUNAL', 'INDIRECT_COMMUNAL', 'FAMILY', 'SOCIAL_EXCHANGE_GROUP'));`);
    this.addSql(`alter table "production_unit" add constraint "production_unit_sector_check" check ("sector" in ('AGRICULTURE', 'LIVESTOCK', 'FOOD_PROCESSING', 'MANUFACTURING', 'DISTRIBUTION', 'RECYCLING', 'SERVICES'));`);
    this.addSql(`alter table "production_unit" add constraint "production_unit_status_check" check ("status" in ('ACTIVE', 'PAUSED', 'CLOSED'));`);

    this.addSql(`alter table "production_report" add constraint "production_report_unit_id_foreign" foreign key ("unit_id") references "production_unit" ("id");`);
    this.addSql(`alter table "production_report" add constraint "production_report_product_id_foreign" foreign key ("product_id") references "product" ("id");`);

    this.addSql(`alter table "exchange_flow" add constraint "exchange_flow_product_id_foreign" foreign key ("product_id") references "product" ("id");`);
    this.addSql(`alter table "exchange_flow" add constraint "exchange_flow_from_unit_id_foreign" foreign key ("from_unit_id") references "production_unit" ("id") on delete set null;`);
    this.addSql(`alter table "exchange_flow" add constraint "exchange_flow_price_agreement_id_foreign" foreign key ("price_agreement_id") references "price_agreement" ("id") on delete set null;`);
    this.addSql(`alter table "exchange_flow" add constraint "exchange_flow_destination_check" check ("destination" in ('BODY', 'HOUSEHOLDS'));`);

    this.addSql(`alter table "report_revision" add constraint "report_revision_report_id_foreign" foreign key ("report_id") references "production_report" ("id");`);

    this.addSql(`alter table "unit_product" add constraint "unit_product_unit_id_foreign" foreign key ("unit_id") references "production_unit" ("id");`);
    this.addSql(`alter table "unit_product" add constraint "unit_product_product_id_foreign" foreign key ("product_id") references "product" ("id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "price_agreement" drop constraint "price_agreement_product_id_foreign";`);
    this.addSql(`alter table "production_report" drop constraint "production_report_product_id_foreign";`);
    this.addSql(`alter table "exchange_flow" drop constraint "exchange_flow_product_id_foreign";`);
    this.addSql(`alter table "unit_product" drop constraint "unit_product_product_id_foreign";`);
    this.addSql(`alter table "exchange_flow" drop constraint "exchange_flow_price_agreement_id_foreign";`);
    this.addSql(`alter table "production_report" drop constraint "production_report_unit_id_foreign";`);
    this.addSql(`alter table "exchange_flow" drop constraint "exchange_flow_from_unit_id_foreign";`);
    this.addSql(`alter table "unit_product" drop constraint "unit_product_unit_id_foreign";`);
    this.addSql(`alter table "report_revision" drop constraint "report_revision_report_id_foreign";`);

    this.addSql(`drop table if exists "audit_entry" cascade;`);
    this.addSql(`drop table if exists "product" cascade;`);
    this.addSql(`drop table if exists "price_agreement" cascade;`);
    this.addSql(`drop table if exists "production_unit" cascade;`);
    this.addSql(`drop table if exists "production_report" cascade;`);
    this.addSql(`drop table if exists "exchange_flow" cascade;`);
    this.addSql(`drop table if exists "report_revision" cascade;`);
    this.addSql(`drop table if exists "unit_product" cascade;`);
  }

}
