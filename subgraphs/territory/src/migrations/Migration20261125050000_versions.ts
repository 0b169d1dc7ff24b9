import { Migration } from '@mikro-orm/migrations';

/** Every registered body carries a version, raised by each change, for optimistic locking. */
export class Migration20261125050000_versions extends Migration {
  override name = 'Migration20261125050000_versions';

  override up(): void | Promise<void> {
    for (const table of ['communal_council', 'commune', 'communal_city', 'communal_circuit']) {
      this.addSql(`alter table "${table}" add column "version" int not null default 1;`);
    }
  }

  override down(): void | Promise<void> {
    for (const table of ['communal_council', 'commune', 'communal_city', 'communal_circuit']) {
      this.addSql(`alter table "${table}" drop column "version";`);
    }
  }
}
