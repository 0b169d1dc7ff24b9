import { placeholders } from '@comuna/subgraph-kit';
import type { SqlEntityManager } from '@mikro-orm/sql';

/**
 * Records the state of each body (`body_state`), or moves it when territory now answers another state (a
 * commune whose seat moved): body_state's triggers move the body's facts between state summaries in the same
 * transaction. One statement whatever the number of bodies.
 */
export async function recordBodyStates(em: SqlEntityManager, states: ReadonlyMap<string, string>): Promise<void> {
  if (states.size === 0) return;
  const rows = [...states];
  await em.execute(
    `insert into body_state (body_id, state_id) values ${rows.map(() => placeholders(2)).map((p) => `(${p})`).join(', ')}
     on conflict (body_id) do update set state_id = excluded.state_id where body_state.state_id <> excluded.state_id`,
    rows.flat(),
  );
}
