import type { ApolloServerPlugin } from '@apollo/server';

/** The part of a data source call (`GraphQLDataSource.process`'s options) that speculation reads and copies. */
export interface CallOptions {
  kind?: string;
  request: { query?: string; variables?: Record<string, unknown>; operationName?: string; extensions?: unknown; http?: unknown };
  context?: unknown;
  document?: unknown;
  pathInIncomingRequest?: unknown;
}

/** One subgraph call: the data source's own `process`, which sends it and reads its answer. */
export type Send<O extends CallOptions, R> = (options: O) => Promise<R>;

export interface SpeculationOptions {
  /** Who is asking, as a string: what a request's calls are learned and replayed under (never across identities). */
  identity: (context: unknown) => string;
  /** Requests' first calls whose followers are remembered, the least recently seen forgotten first. */
  capacity?: number;
  /** The characters of the calls remembered, in all: past it the least recently seen are forgotten. */
  maxChars?: number;
  /**
   * Calls are sent ahead only while at most this many requests are executing (1: the request alone). Under load the
   * cores are busy anyway, and calls sent early broke up the de-duplication of identical calls from concurrent
   * requests: the national roll-up 32 at a time, each executed, made ~25 % more subgraph calls, ran 5–10 % slower
   * and peaked 15–25 MB higher in the gateway with a limit of 4 (1,634 of ~18,000 requests sent ahead).
   */
  maxExecuting?: number;
  /** A request with more later calls than this, or with longer ones in all, is not learned. */
  maxFollowers?: number;
  maxFollowerChars?: number;
  /** Told of each call sent ahead: its answer was used by the request, or was not and is thrown away. */
  onOutcome?: (subgraph: string, outcome: 'used' | 'wasted') => void;
}

/** A call that came after another call of its request had answered: one that may have waited for that answer. */
interface Follower {
  subgraph: string;
  key: string;
  request: { query: string; variables?: Record<string, unknown>; operationName?: string; extensions?: unknown };
}

/** What the last requests that began with a given call went on to send. */
interface Prediction {
  followers: Follower[];
  /** The characters of the followers' calls (and of the first call's key), as counted against `maxChars`. */
  chars: number;
  /** Seen twice in a row: only then are they sent ahead. */
  confirmed: boolean;
}

/** One request being executed: what it has sent and what was sent ahead for it. */
interface Trace<R> {
  first: string;
  /** A call of this request has answered: calls from now on may depend on an answer. */
  answered: boolean;
  /** null once the request cannot be learned (a mutation, too many or too long calls). */
  followers: Follower[] | null;
  followerChars: number;
  ahead: Map<string, { subgraph: string; answer: Promise<R> }> | undefined;
}

const MUTATION = /^\s*mutation\b/;

/**
 * Sends a request's dependent subgraph calls at the same time as its first call, when the same request (same first
 * call, same identity) sent exactly those calls the last two times. Why: a plan is a sequence: the national roll-up
 * asks territory for the 24 states, then the three domains for figures on exactly those 24 keys; the domains wait
 * for territory's answer (a third of the roll-up's time alone) although it is, call after call, the same 24 keys.
 *
 * Safe because nothing sent ahead is used unless it is the very call the plan then makes: same subgraph, same
 * operation text, same variables (entity keys included), for the same request, sent with its own identity and
 * signature. A call whose body differs is sent as usual, and the call made ahead is thrown away (counted). The
 * only difference a client can see is when a call ran: alongside the request's first call instead of just after
 * it, as calls of one plan's parallel step already run — no snapshot spans subgraphs in either case. Mutations
 * are never sent ahead, nor learned: a request whose first call is a mutation is left alone.
 */
export class SpeculativeFetches<O extends CallOptions, R> {
  readonly #senders = new Map<string, { send: Send<O, R>; estimate?: (query: string) => number | undefined }>();
  readonly #predictions = new Map<string, Prediction>();
  readonly #requests = new WeakMap<object, Trace<R>>();
  readonly #capacity: number;
  readonly #maxChars: number;
  readonly #maxFollowers: number;
  readonly #maxFollowerChars: number;
  readonly #maxExecuting: number;
  #chars = 0;
  #executing = 0;

  constructor(private readonly options: SpeculationOptions) {
    this.#capacity = options.capacity ?? 200;
    this.#maxChars = options.maxChars ?? 4 * 1024 * 1024;
    this.#maxFollowers = options.maxFollowers ?? 16;
    this.#maxFollowerChars = options.maxFollowerChars ?? 64 * 1024;
    this.#maxExecuting = options.maxExecuting ?? 1;
  }

  /** A subgraph's own way to send a call, used for calls sent ahead, and how long its calls of a query take (ms). */
  register(subgraph: string, send: Send<O, R>, estimate?: (query: string) => number | undefined): void {
    this.#senders.set(subgraph, { send, estimate });
  }

  /** Requests' first calls currently remembered. */
  get size(): number {
    return this.#predictions.size;
  }

  /** What is remembered, for the gateway's cache metrics: first calls, and about two bytes a character. */
  stats(): { entries: number; bytes: number } {
    return { entries: this.#predictions.size, bytes: this.#chars * 2 };
  }

  /** One call of a request's plan: sent now, or answered by the same call sent ahead. */
  process(subgraph: string, options: O, send: Send<O, R>): Promise<R> {
    const context = options.context;
    const { query } = options.request;
    if (options.kind !== 'incoming operation' || !context || typeof context !== 'object' || !query) return send(options);
    const trace = this.#requests.get(context);
    if (!trace) return this.#first(subgraph, context, options, send);
    if (!trace.answered) return this.#answers(trace, send(options));
    const key = keyOf(subgraph, options.request);
    this.#remember(trace, subgraph, key, options.request);
    const ahead = trace.ahead?.get(key);
    if (!ahead) return this.#answers(trace, send(options));
    trace.ahead!.delete(key);
    this.options.onOutcome?.(subgraph, 'used');
    // A call sent ahead that failed is sent again now, as if nothing had been sent ahead.
    return ahead.answer.catch(() => send(options));
  }

  /** The request has been answered: what it sent after its first call is learned; calls sent ahead and unused go. */
  finish(context: unknown): void {
    if (!context || typeof context !== 'object') return;
    const trace = this.#requests.get(context);
    if (!trace) return;
    this.#requests.delete(context);
    this.#executing--;
    for (const { subgraph } of trace.ahead?.values() ?? []) this.options.onOutcome?.(subgraph, 'wasted');
    if (!trace.followers) return;
    const previous = this.#forget(trace.first);
    if (trace.followers.length === 0) return;
    const same = previous !== undefined && sameCalls(previous.followers, trace.followers);
    const chars = trace.first.length + trace.followerChars;
    while (this.#predictions.size > 0 && (this.#predictions.size >= this.#capacity || this.#chars + chars > this.#maxChars)) this.#forget(this.#predictions.keys().next().value!);
    this.#predictions.set(trace.first, { followers: same ? previous.followers : trace.followers, chars, confirmed: same });
    this.#chars += chars;
  }

  #forget(first: string): Prediction | undefined {
    const prediction = this.#predictions.get(first);
    if (!prediction) return undefined;
    this.#predictions.delete(first);
    this.#chars -= prediction.chars;
    return prediction;
  }

  /** Calls `finish` as each request's answer leaves (Apollo Server plugin). */
  plugin<TContext extends object>(): ApolloServerPlugin<TContext> {
    return {
      requestDidStart: async () => ({
        willSendResponse: async ({ contextValue }) => this.finish(contextValue),
      }),
    };
  }

  #first(subgraph: string, context: object, options: O, send: Send<O, R>): Promise<R> {
    const { query } = options.request;
    const learnable = !MUTATION.test(query!);
    const first = `${this.options.identity(context)}\n${keyOf(subgraph, options.request)}`;
    const trace: Trace<R> = { first, answered: false, followers: learnable ? [] : null, followerChars: 0, ahead: undefined };
    this.#requests.set(context, trace);
    this.#executing++;
    const prediction = learnable && this.#executing <= this.#maxExecuting ? this.#predictions.get(first) : undefined;
    if (!prediction?.confirmed) return this.#answers(trace, send(options));
    // Slowest first, as a plan's parallel calls are (fetch-order.ts): the calls expected to take longer than the
    // first call are written before it, the others after it.
    const firstMs = this.#estimate(subgraph, query!);
    const followers = prediction.followers.map((f) => ({ f, ms: this.#estimate(f.subgraph, f.request.query) })).sort((a, b) => b.ms - a.ms);
    trace.ahead = new Map();
    this.#sendAhead(followers.filter((x) => x.ms > firstMs).map((x) => x.f), options, trace.ahead);
    const answer = send(options);
    this.#sendAhead(followers.filter((x) => x.ms <= firstMs).map((x) => x.f), options, trace.ahead);
    return this.#answers(trace, answer);
  }

  #estimate(subgraph: string, query: string): number {
    return this.#senders.get(subgraph)?.estimate?.(query) ?? 0;
  }

  #sendAhead(followers: Follower[], options: O, ahead: NonNullable<Trace<R>['ahead']>): void {
    for (const follower of followers) {
      const send = this.#senders.get(follower.subgraph)?.send;
      if (!send || ahead.has(follower.key)) continue;
      const request = { ...follower.request };
      const answer = send({ ...options, request, document: undefined, pathInIncomingRequest: undefined });
      // Unused answers are dropped; their failures must not surface as unhandled rejections.
      answer.catch(() => undefined);
      ahead.set(follower.key, { subgraph: follower.subgraph, answer });
    }
  }

  #remember(trace: Trace<R>, subgraph: string, key: string, request: CallOptions['request']): void {
    if (!trace.followers) return;
    trace.followerChars += key.length;
    if (trace.followers.length >= this.#maxFollowers || trace.followerChars > this.#maxFollowerChars || MUTATION.test(request.query!)) {
      trace.followers = null;
      return;
    }
    trace.followers.push({ subgraph, key, request: { query: request.query!, variables: request.variables, operationName: request.operationName, extensions: request.extensions } });
  }

  #answers(trace: Trace<R>, answer: Promise<R>): Promise<R> {
    return answer.then(
      (value) => {
        trace.answered = true;
        return value;
      },
      (error: unknown) => {
        trace.answered = true;
        throw error;
      },
    );
  }
}

/** A call as the subgraph receives it: which subgraph, and the body's parts that decide its answer. */
function keyOf(subgraph: string, request: CallOptions['request']): string {
  return `${subgraph}\n${request.operationName ?? ''}\n${request.query}\n${JSON.stringify(request.variables ?? null)}\n${request.extensions === undefined ? '' : JSON.stringify(request.extensions)}`;
}

function sameCalls(a: Follower[], b: Follower[]): boolean {
  if (a.length !== b.length) return false;
  const keys = new Set(a.map((f) => f.key));
  return b.every((f) => keys.has(f.key)) && new Set(b.map((f) => f.key)).size === keys.size;
}
