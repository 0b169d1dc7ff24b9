import { Migration } from '@mikro-orm/migrations';

/** Audit entries list every row their write changed, before and after; entries written earlier have none (null). */
export class Migration20261125074000_audit_changes extends Migration {
  override name = 'Migration20261125074000_audit_changes';

  override up(): void | Promise<void> {
    this.addSql(`alter table "audit_entry" add column "changes" jsonb null;`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "audit_entry" drop column "changes";`);
  }
}
