import { describe, expect, it } from 'vitest';
import { SpeculativeFetches, type CallOptions } from './speculative-fetch.js';
import { ask, gatewayOver, STUB_ROLLUP, STUB_SCALARS, stubSubgraph } from './testing/stub-subgraph.js';

type Options = CallOptions & { context: { who: string } };

/** Data sources that answer each call with its subgraph and variables, and log every call they send, when. */
function harness(options: { estimates?: Record<string, number> } = {}) {
  const sent: string[] = [];
  const outcomes: string[] = [];
  const failing = new Set<string>();
  const speculation = new SpeculativeFetches<Options, string>({
    identity: (context) => (context as { who: string }).who,
    onOutcome: (subgraph, outcome) => outcomes.push(`${subgraph} ${outcome}`),
    capacity: 2,
    maxExecuting: 4,
  });
  const send = (subgraph: string) => async (o: Options) => {
    const label = `${subgraph} ${JSON.stringify(o.request.variables ?? {})}`;
    sent.push(label);
    await new Promise((resolve) => setTimeout(resolve, 1));
    // Fails once: the next call succeeds.
    if (failing.delete(subgraph)) throw new Error(`${subgraph} refused`);
    return label;
  };
  for (const subgraph of ['territory', 'production', 'budget']) speculation.register(subgraph, send(subgraph), () => options.estimates?.[subgraph]);
  const call = (context: Options['context'], subgraph: string, variables?: Record<string, unknown>, query = `query { ${subgraph} }`) =>
    speculation.process(subgraph, { kind: 'incoming operation', request: { query, variables }, context }, send(subgraph));
  /** A request as the national roll-up's plan makes it: territory first, then the domains on the states it named. */
  const rollup = async (states: string[], who = 'anonymous') => {
    const context = { who };
    await call(context, 'territory');
    const answers = await Promise.all(['production', 'budget'].map((s) => call(context, s, { representations: states })));
    speculation.finish(context);
    return answers;
  };
  return { speculation, sent, outcomes, failing, call, rollup };
}

describe('SpeculativeFetches', () => {
  it("sends a request's later calls with its first once the last two requests made exactly those calls", async () => {
    const { sent, outcomes, rollup } = harness();
    await rollup(['state:1']);
    await rollup(['state:1']);
    expect(sent).toHaveLength(6);
    sent.length = 0;
    const answers = await rollup(['state:1']);
    expect(answers).toEqual(['production {"representations":["state:1"]}', 'budget {"representations":["state:1"]}']);
    // Sent ahead with territory's call, and not sent again when the plan made them.
    expect(sent).toEqual(['territory {}', 'production {"representations":["state:1"]}', 'budget {"representations":["state:1"]}']);
    expect(outcomes).toEqual(['production used', 'budget used']);
  });

  it('sends a call as usual when its body differs from the one sent ahead, throws that one away and learns again', async () => {
    const { sent, outcomes, rollup } = harness();
    await rollup(['state:1']);
    await rollup(['state:1']);
    sent.length = 0;
    const answers = await rollup(['state:2']);
    expect(answers).toEqual(['production {"representations":["state:2"]}', 'budget {"representations":["state:2"]}']);
    expect(sent.filter((s) => s.includes('state:2'))).toHaveLength(2);
    expect(outcomes).toEqual(['production wasted', 'budget wasted']);
    // Seen once: not sent ahead until a second request confirms it.
    sent.length = 0;
    await rollup(['state:2']);
    expect(sent.slice(0, 1)).toEqual(['territory {}']);
    expect(outcomes).toHaveLength(2);
    sent.length = 0;
    await rollup(['state:2']);
    expect(outcomes.slice(2)).toEqual(['production used', 'budget used']);
  });

  it('never sends ahead for another identity than the one the calls were learned under', async () => {
    const { sent, outcomes, rollup } = harness();
    await rollup(['state:1'], 'alice');
    await rollup(['state:1'], 'alice');
    sent.length = 0;
    await rollup(['state:1'], 'bob');
    expect(outcomes).toEqual([]);
    expect(sent).toEqual(['territory {}', 'production {"representations":["state:1"]}', 'budget {"representations":["state:1"]}']);
  });

  it('never learns or sends ahead a request that begins with a mutation, nor one with a mutation among its calls', async () => {
    const { sent, outcomes, call, speculation } = harness();
    for (let i = 0; i < 3; i++) {
      const context = { who: 'clerk' };
      await call(context, 'territory', undefined, 'mutation { register }');
      await call(context, 'production', { representations: ['commune:9'] });
      speculation.finish(context);
    }
    for (let i = 0; i < 3; i++) {
      const context = { who: 'clerk' };
      await call(context, 'territory');
      await call(context, 'production', undefined, 'mutation { report }');
      speculation.finish(context);
    }
    expect(outcomes).toEqual([]);
    expect(sent).toHaveLength(12);
    expect(speculation.size).toBe(0);
  });

  it('sends a call again when the one sent ahead failed, and the request gets the answer of that call', async () => {
    const { sent, outcomes, failing, rollup } = harness();
    await rollup(['state:1']);
    await rollup(['state:1']);
    failing.add('budget');
    sent.length = 0;
    const answers = await rollup(['state:1']);
    expect(answers).toEqual(['production {"representations":["state:1"]}', 'budget {"representations":["state:1"]}']);
    expect(sent.filter((s) => s.startsWith('budget'))).toHaveLength(2);
    expect(outcomes).toEqual(['production used', 'budget used']);
  });

  it('does not count calls made alongside the first call, before any answered, as depending on it', async () => {
    const { sent, outcomes, call, speculation } = harness();
    for (let i = 0; i < 3; i++) {
      const context = { who: 'anonymous' };
      await Promise.all([call(context, 'territory'), call(context, 'production')]);
      speculation.finish(context);
    }
    expect(outcomes).toEqual([]);
    expect(sent).toHaveLength(6);
  });

  it('writes the calls expected to take longer than the first call before it, slowest first', async () => {
    const { sent, rollup } = harness({ estimates: { territory: 4, production: 9, budget: 2 } });
    await rollup(['state:1']);
    await rollup(['state:1']);
    sent.length = 0;
    await rollup(['state:1']);
    expect(sent.map((s) => s.split(' ')[0])).toEqual(['production', 'territory', 'budget']);
  });

  it('sends nothing ahead while more requests than its limit are executing, and again once they are done', async () => {
    const { sent, outcomes, rollup } = harness();
    await rollup(['state:1']);
    await rollup(['state:1']);
    // Five requests at once (the limit is four): the first four send ahead, the fifth sends its calls as planned.
    sent.length = 0;
    await Promise.all(Array.from({ length: 5 }, () => rollup(['state:1'])));
    expect(sent.filter((s) => s.startsWith('production'))).toHaveLength(5);
    expect(outcomes).toHaveLength(8);
    expect(outcomes.every((o) => o.endsWith('used'))).toBe(true);
    sent.length = 0;
    await rollup(['state:1']);
    expect(sent).toHaveLength(3);
    expect(outcomes).toHaveLength(10);
  });

  it('remembers at most a budget of characters, the least recently seen forgotten first', async () => {
    const speculation = new SpeculativeFetches<Options, string>({ identity: () => 'anonymous', maxChars: 600 });
    const send = async () => 'answer';
    speculation.register('territory', send);
    for (const first of ['a', 'b', 'c', 'd']) {
      const context = { who: 'anonymous' };
      await speculation.process('territory', { kind: 'incoming operation', request: { query: `{ ${first} }` }, context }, send);
      await speculation.process('territory', { kind: 'incoming operation', request: { query: '{ next }', variables: { pad: 'x'.repeat(100) } }, context }, send);
      speculation.finish(context);
    }
    expect(speculation.stats().entries).toBe(3);
    expect(speculation.stats().bytes).toBeLessThanOrEqual(1200);
  });

  it('remembers at most its capacity of first calls, the least recently seen forgotten first', async () => {
    const { call, speculation } = harness();
    for (const first of ['a', 'b', 'c']) {
      const context = { who: 'anonymous' };
      await call(context, 'territory', { first });
      await call(context, 'production');
      speculation.finish(context);
    }
    expect(speculation.size).toBe(2);
  });
});

describe("the gateway's calls sent ahead", () => {
  it('reach the domains while territory is still answering, give the same answer, and follow a change of the keys', { timeout: 60_000 }, async () => {
    const events: string[] = [];
    let stateId = 'state:1';
    const names = ['territory', 'governance', 'production', 'budget'];
    const stubs = Object.fromEntries(
      await Promise.all(
        names.map(async (name) => [
          name,
          await stubSubgraph({
            delay: () => (name === 'territory' ? 60 : 5),
            // Production answers with the key it was asked about, so that the answer shows which call it came from.
            scalars: (representation) => ({ ...STUB_SCALARS, id: stateId, ...(representation ? { from: representation.id } : {}) }),
            onCall: (event, body) => events.push(`${name} ${event} ${((body.variables?.representations ?? []) as { id: string }[]).map((r) => r.id).join(' ')}`),
          }),
        ] as const),
      ),
    );
    const gateway = gatewayOver(stubs);
    const asked = async () => {
      events.length = 0;
      return ask(gateway, STUB_ROLLUP);
    };
    const expected = (id: string) => ({ data: { states: [{ name: 'Amazonas', production: { from: id }, budget: { currency: 'USD' } }] } });
    /** Whether production's call arrived before territory had answered. */
    const productionEarly = () => events.indexOf(events.find((e) => e.startsWith('production arrived'))!) < events.indexOf(events.find((e) => e.startsWith('territory answered'))!);
    await gateway.start();
    try {
      expect(await asked()).toEqual(expected('state:1'));
      expect(productionEarly()).toBe(false);
      expect(await asked()).toEqual(expected('state:1'));
      expect(productionEarly()).toBe(false);
      expect(await asked()).toEqual(expected('state:1'));
      expect(productionEarly()).toBe(true);
      expect(events.filter((e) => e.startsWith('production arrived'))).toEqual(['production arrived state:1']);
      // Territory names another state: the call sent ahead (state:1) is thrown away, the plan's own call is sent.
      stateId = 'state:2';
      expect(await asked()).toEqual(expected('state:2'));
      expect(events.filter((e) => e.startsWith('production arrived'))).toEqual([
        'production arrived state:1',
        'production arrived state:2',
      ]);
    } finally {
      await gateway.stop();
      for (const { server } of Object.values(stubs)) await new Promise((resolve) => server.close(resolve));
    }
  });
});
