import { Migration } from '@mikro-orm/migrations';

export class Migration20261125050946 extends Migration {

  override name = 'Migration20261125050946';

  override up(): void | Promise<void> {
    this.addSql(`create index "commune_registry_counts_index" on "commune" ("seat_state_id", "status", "kind", "registered_on");`);

    this.addSql(`create index "communal_council_registry_counts_index" on "communal_council" ("state_id", "status", "setting", "registered_on");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "communal_council_registry_counts_index";`);

    this.addSql(`drop index "commune_registry_counts_index";`);
  }

}
