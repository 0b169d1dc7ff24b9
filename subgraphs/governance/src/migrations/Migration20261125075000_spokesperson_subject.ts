import { Migration } from '@mikro-orm/migrations';

/** A spokesperson may be linked to one login (identity-provider subject), and a login to one spokesperson. */
export class Migration20261125075000_spokesperson_subject extends Migration {
  override name = 'Migration20261125075000_spokesperson_subject';

  override up(): void | Promise<void> {
    this.addSql(`alter table "spokesperson" add column "subject" varchar(200) null;`);
    this.addSql(`alter table "spokesperson" add constraint "spokesperson_subject_unique" unique ("subject");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`alter table "spokesperson" drop constraint "spokesperson_subject_unique";`);
    this.addSql(`alter table "spokesperson" drop column "subject";`);
  }
}
