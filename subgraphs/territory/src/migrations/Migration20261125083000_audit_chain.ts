import { Migration } from '@mikro-orm/migrations';

/** Each body's audit entries form a hash chain; entries written earlier have no hashes (null). */
export class Migration20261125083000_audit_chain extends Migration {
  override name = 'Migration20261125083000_audit_chain';

  override up(): void | Promise<void> {
    this.addSql(`alter table "audit_entry" add column "previous_hash" varchar(64) null, add column "hash" varchar(64) null;`);
    this.addSql(`create index "audit_entry_body_id_index" on "audit_entry" ("body", "id");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "audit_entry_body_id_index";`);
    this.addSql(`alter table "audit_entry" drop column "previous_hash", drop column "hash";`);
  }
}
