import { CONTEXT_HEADER } from '@comuna/subgraph-kit/signed-context';
import { isMutation, type Fetch } from './subgraph-fetch.js';

/** What a shared call hands each waiter: the answer's head and its text, read once. */
interface SharedAnswer {
  status: number;
  statusText: string;
  headers: [string, string][];
  text: string;
}

export interface DedupOptions {
  /** Told when a call joins one already in flight instead of reaching the subgraph (metrics). */
  onShared?: () => void;
}

/**
 * Identical concurrent subgraph queries share one call: same URL, same body (the planned query and its
 * variables, entity representations included) and the same forwarded identity (actor claims and idempotency
 * key; not the per-attempt signature and timestamp, which the fetch inside adds). It sits before signing and
 * the deadline, so a shared call is signed, timed and retried once. Mutations never share, and any mutation
 * forgets the calls in flight, so a read sent after a write was sent never joins a read from before it. An error
 * reaches every waiter; nothing is kept once the answer's head has arrived.
 */
export function dedupFetch(inner: Fetch, options: DedupOptions = {}): Fetch {
  const inFlight = new Map<string, Call>();
  return (url, init) => {
    if (isMutation(init.body)) {
      inFlight.clear();
      return inner(url, init);
    }
    const key = `${url}\n${init.headers[CONTEXT_HEADER] ?? ''}\n${init.body}`;
    const pending = inFlight.get(key);
    if (pending) {
      pending.waiters++;
      options.onShared?.();
      return pending.answer.then((answer) => answer());
    }
    const call: Call = { waiters: 1, answer: undefined as never };
    const forget = () => {
      if (inFlight.get(key) === call) inFlight.delete(key);
    };
    call.answer = inner(url, init).then(
      async (response) => {
        forget();
        // Alone: the answer goes on untouched, body unread. Shared: the body can be read only once, so its text is.
        if (call.waiters === 1) return () => response;
        const shared = await readAnswer(response);
        return () => new Response(shared.text, { status: shared.status, statusText: shared.statusText, headers: shared.headers });
      },
      (error: unknown) => {
        forget();
        throw error;
      },
    );
    inFlight.set(key, call);
    return call.answer.then((answer) => answer());
  };
}

/** The fetch with de-duplication in front when `enabled` (SUBGRAPH_DEDUP), unchanged otherwise. */
export function dedupWhen(enabled: boolean, inner: Fetch, options: DedupOptions = {}): Fetch {
  return enabled ? dedupFetch(inner, options) : inner;
}

/** One call in flight: how many callers wait for it, and how each gets its own Response. */
interface Call {
  waiters: number;
  answer: Promise<() => Response>;
}

async function readAnswer(response: Response): Promise<SharedAnswer> {
  return { status: response.status, statusText: response.statusText, headers: [...response.headers], text: await response.text() };
}
