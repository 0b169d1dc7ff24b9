import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse, parseAllDocuments } from 'yaml';
// @ts-expect-error plain JavaScript shared with `npm start`
import { serviceMemoryEnv, serviceNodeArgs } from '../scripts/processes.js';

// Docker and a Kubernetes API server cannot run here: what can be checked is that the files parse and say what
// the deployment needs (every service, probes on /health and /ready, subgraphs reachable only from the gateway).
const root = new URL('../deploy/', import.meta.url);
const SUBGRAPHS = ['territory', 'governance', 'production', 'budget'];

describe('deployment files', () => {
  const manifests = parseAllDocuments(readFileSync(new URL('k8s/comuna.yaml', root), 'utf8')).map((doc) => {
    expect(doc.errors).toEqual([]);
    return doc.toJS() as any;
  });
  const of = (kind: string) => manifests.filter((m) => m.kind === kind);

  it('Kubernetes: a Deployment and a Service per service, with liveness and readiness probes', () => {
    for (const name of [...SUBGRAPHS, 'gateway']) {
      const deployment = of('Deployment').find((d) => d.metadata.name === name);
      expect(deployment, name).toBeDefined();
      const container = deployment.spec.template.spec.containers[0];
      expect(container.livenessProbe.httpGet.path).toBe('/health');
      expect(container.readinessProbe.httpGet.path).toBe('/ready');
      expect(deployment.spec.selector.matchLabels).toEqual(expect.objectContaining({ 'app.kubernetes.io/name': name }));
      const service = of('Service').find((s) => s.metadata.name === name);
      expect(service.spec.selector['app.kubernetes.io/name']).toBe(name);
    }
  });

  it('Kubernetes: a NetworkPolicy admits subgraph traffic only from the gateway (and subgraphs that call territory)', () => {
    const [policy] = of('NetworkPolicy');
    expect(policy.spec.podSelector.matchLabels).toEqual({ 'comuna/role': 'subgraph' });
    const sources = policy.spec.ingress.flatMap((rule: any) => rule.from.map((f: any) => f.podSelector.matchLabels));
    expect(sources).toContainEqual({ 'comuna/role': 'gateway' });
    for (const source of sources) expect(['gateway', 'governance', 'production']).toContain(source['comuna/role'] === 'gateway' ? 'gateway' : source['app.kubernetes.io/name']);
    for (const name of SUBGRAPHS) {
      expect(of('Deployment').find((d) => d.metadata.name === name).spec.template.metadata.labels['comuna/role']).toBe('subgraph');
    }
  });

  it('compose: PostgreSQL with one database per subgraph, and only the gateway published on loopback', () => {
    const compose = parse(readFileSync(new URL('compose.yaml', root), 'utf8'));
    const init = readFileSync(new URL('postgres-init.sql', root), 'utf8');
    for (const name of SUBGRAPHS) {
      expect(compose.services[name].environment.DATABASE_URL).toMatch(new RegExp(`^postgres://.*/${name}$`));
      expect(init).toContain(`create database ${name};`);
      expect(compose.services[name].ports).toBeUndefined();
    }
    expect(compose.services.gateway.ports).toEqual(['127.0.0.1:4000:4000']);
  });

  it('Dockerfile: one target per service, each running its built entry point', () => {
    const dockerfile = readFileSync(new URL('Dockerfile', root), 'utf8');
    for (const name of SUBGRAPHS) expect(dockerfile).toContain(`FROM runtime AS ${name}\n`);
    expect(dockerfile).toMatch(/CMD \["node", (?:"--[^"]+", )*"gateway\/dist\/main.js"\]/);
    expect(dockerfile).toContain('USER node');
  });

  it('Dockerfile: every service runs with the memory settings npm start and the benchmark use', () => {
    const dockerfile = readFileSync(new URL('Dockerfile', root), 'utf8');
    // What each target's environment ends up as: the runtime stage's ENV, then the target's own.
    const envOf = (target: string) => {
      const env: Record<string, string> = {};
      const stage = (name: string) => dockerfile.split(/^FROM /m).find((s) => s.includes(` AS ${name}\n`)) ?? '';
      for (const block of [stage('runtime'), stage(target)]) {
        for (const line of block.split('\n').filter((l) => l.startsWith('ENV '))) {
          for (const [, key, value] of line.slice(4).matchAll(/(\w+)=(\S+)/g)) env[key!] = value!;
        }
      }
      return env;
    };
    for (const name of [...SUBGRAPHS, 'gateway']) {
      expect(envOf(name), name).toMatchObject(serviceMemoryEnv(name));
      const entry = name === 'gateway' ? 'gateway/dist/main.js' : `subgraphs/${name}/dist/main.js`;
      expect(dockerfile, name).toContain(`CMD ${JSON.stringify(['node', ...serviceNodeArgs(name), entry]).replaceAll(',', ', ')}`);
    }
  });

  it("each package's own start script runs its service with the same memory settings", () => {
    for (const name of [...SUBGRAPHS, 'gateway']) {
      const dir = name === 'gateway' ? '../gateway/' : `../subgraphs/${name}/`;
      const start: string = JSON.parse(readFileSync(new URL(`${dir}package.json`, root), 'utf8')).scripts.start;
      const { MALLOC_ARENA_MAX, NODE_OPTIONS } = serviceMemoryEnv(name);
      expect(start, name).toBe(`MALLOC_ARENA_MAX=${MALLOC_ARENA_MAX} node ${[...serviceNodeArgs(name), NODE_OPTIONS].join(' ')} dist/main.js`);
    }
  });
});
