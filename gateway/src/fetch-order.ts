import { fromGateway } from './gateway-require.js';

/** The parts of @apollo/query-planner's plan nodes the ordering reads. */
export type PlanNode =
  | { kind: 'Fetch'; serviceName: string; operation: string }
  | { kind: 'Flatten'; node: PlanNode }
  | { kind: 'Sequence' | 'Parallel'; nodes: PlanNode[] }
  | { kind: 'Condition'; ifClause?: PlanNode; elseClause?: PlanNode }
  | { kind: string };

/** How long a fetch of this subgraph operation has been taking, in ms; undefined when not known yet. */
export type FetchEstimate = (serviceName: string, operation: string) => number | undefined;

/**
 * Each subgraph operation's recent duration: an exponentially weighted mean of its calls (the weight of the latest
 * below), per operation text, at most `capacity` operations (the least recently timed forgotten first).
 */
export class FetchDurations {
  readonly #ms = new Map<string, number>();

  constructor(
    private readonly capacity = 500,
    private readonly weight = 0.2,
  ) {}

  record(operation: string, ms: number): void {
    const previous = this.#ms.get(operation);
    // Deleted first, so that the Map's order stays from least to most recently timed.
    if (previous !== undefined) this.#ms.delete(operation);
    else if (this.#ms.size >= this.capacity) this.#ms.delete(this.#ms.keys().next().value!);
    this.#ms.set(operation, previous === undefined ? ms : previous + this.weight * (ms - previous));
  }

  estimate(operation: string): number | undefined {
    return this.#ms.get(operation);
  }

  get size(): number {
    return this.#ms.size;
  }
}

/** A node's expected duration: a fetch's estimate (0 when unknown), a sequence's sum, the longest of a parallel. */
function expected(node: PlanNode, estimate: FetchEstimate): number {
  switch (node.kind) {
    case 'Fetch': {
      const fetch = node as { serviceName: string; operation: string };
      return estimate(fetch.serviceName, fetch.operation) ?? 0;
    }
    case 'Flatten':
      return expected((node as { node: PlanNode }).node, estimate);
    case 'Sequence':
      return (node as { nodes: PlanNode[] }).nodes.reduce((sum, n) => sum + expected(n, estimate), 0);
    case 'Parallel':
      return Math.max(0, ...(node as { nodes: PlanNode[] }).nodes.map((n) => expected(n, estimate)));
    case 'Condition': {
      const { ifClause, elseClause } = node as { ifClause?: PlanNode; elseClause?: PlanNode };
      return Math.max(ifClause ? expected(ifClause, estimate) : 0, elseClause ? expected(elseClause, estimate) : 0);
    }
    default:
      return 0;
  }
}

/**
 * Puts the slowest branch of every parallel step first, in place (a plan is shared by every request that uses it;
 * the order of a parallel step's branches has no meaning, they all run at once and merge into different paths).
 * Why it matters: the gateway prepares and writes a parallel step's calls one after another, and each write wakes
 * a subgraph that may take the CPU from the gateway before it writes the next. On two cores shared by five
 * processes, the national roll-up's slowest call (production's) was written last, ~2 ms after the first, and
 * started ~3 ms after territory's answer; written first it starts as soon as a core is free (3–7 % less
 * latency one request at a time). Branches with no estimate keep their order, after the timed ones.
 */
export function orderParallelSteps(node: PlanNode | undefined, estimate: FetchEstimate): void {
  if (!node) return;
  switch (node.kind) {
    case 'Flatten':
      orderParallelSteps((node as { node: PlanNode }).node, estimate);
      return;
    case 'Condition': {
      const { ifClause, elseClause } = node as { ifClause?: PlanNode; elseClause?: PlanNode };
      orderParallelSteps(ifClause, estimate);
      orderParallelSteps(elseClause, estimate);
      return;
    }
    case 'Sequence':
    case 'Parallel': {
      const { nodes } = node as { nodes: PlanNode[] };
      for (const child of nodes) orderParallelSteps(child, estimate);
      if (node.kind === 'Sequence' || nodes.length < 2) return;
      const costs = nodes.map((n) => expected(n, estimate));
      // Written only when the order changes: most requests find their plan in order already.
      if (costs.every((cost, i) => i === 0 || costs[i - 1]! >= cost)) return;
      const order = nodes.map((n, i) => ({ n, cost: costs[i]! })).sort((a, b) => b.cost - a.cost);
      for (let i = 0; i < nodes.length; i++) nodes[i] = order[i]!.n;
      return;
    }
    default:
      return;
  }
}

/** A subgraph's data source as the gateway builds it: it can tell how long an operation of its has been taking. */
interface TimedSource {
  estimate?(operation: string): number | undefined;
}

type ExecuteQueryPlan = (plan: { node?: PlanNode }, serviceMap: Record<string, unknown>, ...rest: unknown[]) => Promise<unknown>;

const ORDERED = Symbol('comuna.fetchOrder');

/**
 * Orders every plan's parallel steps before @apollo/gateway executes it, from the durations its data sources time
 * (SubgraphDataSource in server.ts). @apollo/gateway calls `executeQueryPlan` through its module's exports
 * (`executeQueryPlan_1.executeQueryPlan(...)`), so replacing the property is enough. Installed once; each gateway's
 * own data sources, found in the service map it passes, give the estimates.
 */
export function installFetchOrder(): void {
  const module = fromGateway('./executeQueryPlan.js') as { executeQueryPlan: ExecuteQueryPlan & { [ORDERED]?: true } };
  if (module.executeQueryPlan[ORDERED]) return;
  const execute = module.executeQueryPlan;
  const ordered: ExecuteQueryPlan & { [ORDERED]?: true } = (plan, serviceMap, ...rest) => {
    orderParallelSteps(plan.node, (serviceName, operation) => (serviceMap[serviceName] as TimedSource | undefined)?.estimate?.(operation));
    return execute(plan, serviceMap, ...rest);
  };
  ordered[ORDERED] = true;
  module.executeQueryPlan = ordered;
}
