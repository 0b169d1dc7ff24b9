import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
// @ts-expect-error plain JavaScript shared with `npm start`
import { freePort, launch, subgraphEntry } from '../../../scripts/processes.js';
import { nationalDataset } from './dataset.js';
import { loadDataset, targetUrls } from './load.js';

const dir = mkdtempSync(join(tmpdir(), 'comuna-national-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('loading the national dataset', () => {
  it('fills every subgraph database through the subgraph schema, and the subgraphs answer from it', async () => {
    const dataset = nationalDataset('load-test', 0.005);
    const urls = targetUrls(`sqlite:${dir}`);
    const reports = await loadDataset(dataset, urls, () => () => undefined);
    expect(reports.map((r) => r.subgraph)).toEqual(['territory', 'governance', 'production', 'budget']);
    for (const r of reports) expect(r.rows).toBe(dataset.tables[r.subgraph].reduce((n, t) => n + t.count, 0));

    const port = await freePort();
    const territory = await launch('territory', subgraphEntry('territory'), { PORT: String(port), DATABASE_URL: urls.territory, SEED: 'none', TRUST_MODE: 'open' }, `http://127.0.0.1:${port}/ready`, { quiet: true });
    try {
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ registryStatistics(filter: { bodyType: COMMUNE }) { total active } states { id } }' }),
      });
      const body = (await response.json()) as { data: { registryStatistics: { total: number; active: number }; states: unknown[] } };
      const communes = dataset.territory.communes;
      expect(body.data.registryStatistics).toEqual({ total: communes.length, active: communes.filter((c) => c.history.at(-1)!.status === 'ACTIVE').length });
      expect(body.data.states).toHaveLength(24);
    } finally {
      await territory.stop();
    }
  }, 120_000);
});
