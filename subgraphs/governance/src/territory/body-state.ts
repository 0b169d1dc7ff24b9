import type { SqlEntityManager } from '@mikro-orm/sql';
import type { BodyFacts } from './client.js';

/**
 * Keeps the state territory just reported for a body, in the write's transaction and before its facts are
 * inserted, so the summary triggers file them under that state. A body seen for the first time, or seen in another
 * state, moves the facts it already has (triggers on body_state); an unchanged state writes nothing.
 */
export async function rememberState(em: SqlEntityManager, body: BodyFacts): Promise<void> {
  await em.execute(
    `insert into body_state (body_id, state_id) values (?, ?)
     on conflict (body_id) do update set state_id = excluded.state_id where body_state.state_id <> excluded.state_id`,
    [body.bodyId, body.stateId],
  );
}
