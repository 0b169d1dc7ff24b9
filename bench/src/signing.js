// The subgraphs run as deployed: NODE_ENV=production and signed trust, so they answer only requests that carry a
// context signed with the secret they share with the gateway. Our gateway signs natively; Hive Gateway signs
// through the plugin in the configuration `stack.js` writes for it (it imports this file), and the benchmark's own
// direct calls to a subgraph (the scenario-1 floor, `hops`) sign here. Every caller is anonymous: reads only.
import { randomBytes } from 'node:crypto';
import { anonymous } from '@comuna/subgraph-kit/actor';
import { CONTEXT_HEADER, encodeActor, signRequest } from '@comuna/subgraph-kit/signed-context';

/** One secret per benchmark: the parent makes it, the processes it starts receive it in their environment. */
export const CONTEXT_SECRET = process.env.BENCH_CONTEXT_SECRET || randomBytes(32).toString('hex');

const ANONYMOUS = encodeActor(anonymous);

/** Headers that make `body` (the exact bytes sent) an anonymous request a subgraph accepts for the next 30 s. */
export const signedHeaders = (body) => ({ [CONTEXT_HEADER]: ANONYMOUS, ...signRequest(CONTEXT_SECRET, ANONYMOUS, body) });

/** Hive Gateway's plugin: signs every request it sends to a subgraph as our gateway does. */
export const signingPlugin = () => ({
  onFetch({ options, setOptions }) {
    if (typeof options.body !== 'string') throw new Error(`cannot sign a subgraph request whose body is ${typeof options.body}, not the exact text sent`);
    const headers = typeof options.headers?.entries === 'function' ? Object.fromEntries(options.headers.entries()) : { ...options.headers };
    setOptions({ ...options, headers: { ...headers, ...signedHeaders(options.body) } });
  },
});
