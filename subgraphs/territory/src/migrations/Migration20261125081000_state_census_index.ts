import { Migration } from '@mikro-orm/migrations';

/** A covering index for the census of states (ADR 0003: the national roll-up sums it for all 24 states). */
export class Migration20261125081000_state_census_index extends Migration {
  override name = 'Migration20261125081000_state_census_index';

  override up(): void | Promise<void> {
    this.addSql(`create index "communal_council_state_census_index" on "communal_council" ("state_id", "households", "families", "population");`);
  }

  override down(): void | Promise<void> {
    this.addSql(`drop index "communal_council_state_census_index";`);
  }
}
