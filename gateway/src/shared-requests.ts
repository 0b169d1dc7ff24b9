import type { IncomingMessage } from 'node:http';
import type { ApolloServerPlugin } from '@apollo/server';
import type { KeptAnswer } from '@comuna/subgraph-kit/http';
import { anonymousRequestKey } from './anonymous-read.js';

interface Running {
  answer: Promise<KeptAnswer | undefined>;
  resolve: (answer: KeptAnswer | undefined) => void;
}

/**
 * Identical concurrent anonymous reads share one execution: a request whose exact text (body and Accept header)
 * is being executed for another anonymous caller waits for that answer and gets the same bytes, as a dashboard
 * opened by many people at once needs. A body that spells `mutation` never shares (a write must run once per
 * request), and any mutation starting through this gateway forgets the reads in flight, so a read sent after a
 * write was sent never gets an answer from before it. An answer with errors reaches every waiter, as the subgraph
 * call de-duplication does; a request that produced no answer (it failed inside the gateway) lets its waiters
 * execute on their own. Nothing is kept once the answer is out.
 */
export class SharedRequests {
  private readonly running = new Map<string, Running>();
  private readonly leaders = new WeakMap<IncomingMessage, { key: string; running: Running }>();

  /** Requests executing now that others may join. */
  get size(): number {
    return this.running.size;
  }

  /** The answer of the identical request executing now, to wait for; undefined: this request executes (and leads). */
  join(req: IncomingMessage, raw: string): Promise<KeptAnswer | undefined> | undefined {
    const key = raw.includes('mutation') ? undefined : anonymousRequestKey(req, raw);
    if (key === undefined) return undefined;
    const running = this.running.get(key);
    if (running) return running.answer;
    let resolve!: (answer: KeptAnswer | undefined) => void;
    const answer = new Promise<KeptAnswer | undefined>((r) => (resolve = r));
    const lead = { answer, resolve };
    this.running.set(key, lead);
    this.leaders.set(req, { key, running: lead });
    return undefined;
  }

  /** A leading request is over: its waiters get its answer (or execute on their own when it has none). */
  settle(req: IncomingMessage, answer: KeptAnswer | undefined): void {
    const lead = this.leaders.get(req);
    if (!lead) return;
    this.leaders.delete(req);
    if (this.running.get(lead.key) === lead.running) this.running.delete(lead.key);
    lead.running.resolve(answer);
  }

  /** Forgets the reads in flight when a mutation starts (their current waiters still get their answers). */
  plugin<C extends object>(): ApolloServerPlugin<C> {
    return {
      requestDidStart: async () => ({
        executionDidStart: async ({ operation }) => {
          if (operation?.operation === 'mutation') this.running.clear();
        },
      }),
    };
  }
}
