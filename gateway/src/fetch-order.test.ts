import { describe, expect, it } from 'vitest';
import { FetchDurations, orderParallelSteps, type PlanNode } from './fetch-order.js';
import { fromGateway } from './gateway-require.js';
import { ask, gatewayOver, STUB_ROLLUP, stubSubgraph } from './testing/stub-subgraph.js';

const fetch = (serviceName: string, operation = `{ ${serviceName} }`): PlanNode => ({ kind: 'Fetch', serviceName, operation });
const flatten = (node: PlanNode): PlanNode => ({ kind: 'Flatten', node });
const services = (node: PlanNode): unknown => {
  switch (node.kind) {
    case 'Fetch':
      return (node as { serviceName: string }).serviceName;
    case 'Flatten':
      return services((node as { node: PlanNode }).node);
    default:
      return { [node.kind]: (node as { nodes: PlanNode[] }).nodes.map(services) };
  }
};
const timed = (ms: Record<string, number>) => (serviceName: string) => ms[serviceName];

describe('FetchDurations', () => {
  it('keeps a weighted mean of each operation, the latest call weighing a fifth', () => {
    const durations = new FetchDurations();
    expect(durations.estimate('{ a }')).toBeUndefined();
    durations.record('{ a }', 10);
    expect(durations.estimate('{ a }')).toBe(10);
    durations.record('{ a }', 20);
    expect(durations.estimate('{ a }')).toBeCloseTo(12);
    durations.record('{ b }', 1);
    expect(durations.estimate('{ a }')).toBeCloseTo(12);
    expect(durations.estimate('{ b }')).toBe(1);
  });

  it('holds at most its capacity, forgetting the operation timed least recently', () => {
    const durations = new FetchDurations(2);
    durations.record('{ a }', 1);
    durations.record('{ b }', 2);
    durations.record('{ a }', 1);
    durations.record('{ c }', 3);
    expect(durations.size).toBe(2);
    expect(durations.estimate('{ b }')).toBeUndefined();
    expect(durations.estimate('{ a }')).toBe(1);
    expect(durations.estimate('{ c }')).toBe(3);
  });
});

describe('orderParallelSteps', () => {
  it('puts the slowest branch of a parallel step first, inside sequences and flattens', () => {
    const plan: PlanNode = { kind: 'Sequence', nodes: [fetch('territory'), { kind: 'Parallel', nodes: [flatten(fetch('governance')), flatten(fetch('budget')), flatten(fetch('production'))] }] };
    orderParallelSteps(plan, timed({ territory: 9, governance: 12, budget: 18, production: 25 }));
    expect(services(plan)).toEqual({ Sequence: ['territory', { Parallel: ['production', 'budget', 'governance'] }] });
  });

  it('never reorders a sequence: its steps depend on each other', () => {
    const plan: PlanNode = { kind: 'Sequence', nodes: [fetch('a'), fetch('b')] };
    orderParallelSteps(plan, timed({ a: 1, b: 100 }));
    expect(services(plan)).toEqual({ Sequence: ['a', 'b'] });
  });

  it('costs a sequence branch at the sum of its steps and a nested parallel at its longest', () => {
    const plan: PlanNode = {
      kind: 'Parallel',
      nodes: [fetch('single'), { kind: 'Sequence', nodes: [fetch('s1'), fetch('s2')] }, { kind: 'Parallel', nodes: [fetch('p1'), fetch('p2')] }],
    };
    orderParallelSteps(plan, timed({ single: 10, s1: 6, s2: 6, p1: 11, p2: 3 }));
    expect(services(plan)).toEqual({ Parallel: [{ Sequence: ['s1', 's2'] }, { Parallel: ['p1', 'p2'] }, 'single'] });
  });

  it('leaves branches with no estimate in their order, after the timed ones; with none timed, the plan as planned', () => {
    const plan: PlanNode = { kind: 'Parallel', nodes: [fetch('a'), fetch('b'), fetch('c'), fetch('d')] };
    orderParallelSteps(plan, () => undefined);
    expect(services(plan)).toEqual({ Parallel: ['a', 'b', 'c', 'd'] });
    orderParallelSteps(plan, timed({ c: 5 }));
    expect(services(plan)).toEqual({ Parallel: ['c', 'a', 'b', 'd'] });
  });

  it('keeps equally long branches in their order, and the same array (the cached plan is edited in place)', () => {
    const nodes = [fetch('a'), fetch('b'), fetch('c')];
    const plan: PlanNode = { kind: 'Parallel', nodes };
    orderParallelSteps(plan, timed({ a: 1, b: 7, c: 7 }));
    expect(services(plan)).toEqual({ Parallel: ['b', 'c', 'a'] });
    expect((plan as { nodes: PlanNode[] }).nodes).toBe(nodes);
  });

  it('orders the branches of a condition', () => {
    const plan: PlanNode = { kind: 'Condition', ifClause: { kind: 'Parallel', nodes: [fetch('a'), fetch('b')] } };
    orderParallelSteps(plan, timed({ a: 1, b: 2 }));
    expect(services((plan as { ifClause: PlanNode }).ifClause)).toEqual({ Parallel: ['b', 'a'] });
  });

  it('takes an empty plan', () => {
    expect(() => orderParallelSteps(undefined, () => 1)).not.toThrow();
  });
});

describe("the gateway's parallel calls", () => {
  it('go out slowest first, by the durations it timed, and follow a change of which is slowest', { timeout: 60_000 }, async () => {
    const delays: Record<string, number> = { territory: 1, governance: 1, production: 5, budget: 80 };
    const stubs = Object.fromEntries(await Promise.all(Object.keys(delays).map(async (name) => [name, await stubSubgraph({ delay: () => delays[name]! })] as const)));
    const gateway = gatewayOver(stubs, { SPECULATIVE_FETCH: 'false' });
    // The order the plan's calls reach the data sources: the order their requests are prepared and written.
    const base = fromGateway('@apollo/gateway') as { RemoteGraphQLDataSource: { prototype: { process: (...args: unknown[]) => unknown } } };
    const process = base.RemoteGraphQLDataSource.prototype.process;
    const called: string[] = [];
    base.RemoteGraphQLDataSource.prototype.process = function (this: { url: string }, ...args: unknown[]) {
      called.push(Object.keys(stubs).find((name) => stubs[name]!.url === this.url)!);
      return process.apply(this, args);
    };
    const order = async () => {
      called.length = 0;
      expect(await ask(gateway, STUB_ROLLUP)).toEqual({ data: { states: [{ name: 'Amazonas', production: { from: '2025-11-01' }, budget: { currency: 'USD' } }] } });
      return called.filter((name) => name === 'production' || name === 'budget');
    };
    await gateway.start();
    try {
      await order();
      expect(await order()).toEqual(['budget', 'production']);
      delays.production = 150;
      delays.budget = 5;
      const orders = [];
      for (let i = 0; i < 6; i++) orders.push(await order());
      // Each call moves an estimate a fifth of the way: production is ahead again by the third request, and stays.
      expect(orders.at(0)).toEqual(['budget', 'production']);
      expect(orders.slice(3)).toEqual([['production', 'budget'], ['production', 'budget'], ['production', 'budget']]);
    } finally {
      base.RemoteGraphQLDataSource.prototype.process = process;
      await gateway.stop();
      for (const { server } of Object.values(stubs)) await new Promise((resolve) => server.close(resolve));
    }
  });
});
