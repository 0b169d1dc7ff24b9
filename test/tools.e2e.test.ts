// The tools people use, end to end: the comuna CLI as a process against real services (help, tokens, import in
// both modes with its report, export, import → export → import without loss), and the registry dashboard and
// GraphiQL pages the gateway serves, looked at in headless Chromium.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sampleTerritory } from '@comuna/sample-data';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gateway, service, type Gateway, type Service } from './harness.js';

const root = new URL('..', import.meta.url).pathname;
const cliEntry = join(root, 'cli/dist/main.js');
const CHROMIUM = '/usr/bin/chromium';
const hasChromium = existsSync(CHROMIUM);
// In CI the browser test must run: a missing Chromium fails it there instead of skipping.
const runBrowser = hasChromium || process.env.CI === 'true';

/** The CLI and the pages are built by their own workspaces; build them here when a lone test run finds them missing. */
function ensureBuilt(): void {
  if (!existsSync(cliEntry)) execFileSync('npm', ['run', 'build', '-w', '@comuna/cli'], { cwd: root, stdio: 'inherit' });
  if (!existsSync(join(root, 'web/dist/dashboard/index.html'))) execFileSync('npm', ['run', 'build', '-w', '@comuna/web'], { cwd: root, stdio: 'inherit' });
}

function comuna(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(process.execPath, [cliEntry, ...args], { cwd: root, env: { ...process.env, ...env }, encoding: 'utf8' });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** Reads an exported CSV (our own writer: no quoted newlines in these fields) into records keyed by column. */
function readCsv(file: string): Record<string, string>[] {
  const parse = (line: string) => [...line.matchAll(/("(?:[^"]|"")*"|[^,]*)(,|$)/g)].slice(0, -1).map((m) => m[1]!.replace(/^"|"$/g, '').replace(/""/g, '"'));
  const [header, ...lines] = readFileSync(file, 'utf8').split('\r\n').filter(Boolean);
  const columns = parse(header!);
  return lines.map((line) => Object.fromEntries(parse(line).map((v, i) => [columns[i]!, v])));
}

const withoutIds = (rows: Record<string, string>[]) => rows.map(({ id: _id, ...rest }) => rest);

const sample = sampleTerritory();
const statusOf = (history: { status: string }[]) => history.at(-1)!.status;
const sampleCommunesActive = sample.communes.filter((c) => statusOf(c.history) === 'ACTIVE').length;

// New bodies for the import tests, placed in sample parishes by their OCD codes (which every registry shares).
const parishCodes = sample.parishes.slice(0, 3).map((p) => p.code);
const fixture = {
  councils: [
    { code: 'CC-IMP-0001', name: 'Consejo Comunal Importado Uno', parishCode: parishCodes[0], setting: 'URBAN', families: 200, households: 180, population: 800, registeredOn: '2023-02-01', censusAsOf: '2024-06-30', status: 'ACTIVE' },
    { code: 'CC-IMP-0002', name: 'Consejo Comunal Importado Dos', parishCode: parishCodes[0], setting: 'RURAL', families: 45, population: 190, registeredOn: '2023-02-01' },
    { code: 'CC-IMP-0003', name: 'Consejo Comunal "La Unión", Sector 3', parishCode: parishCodes[1], setting: 'URBAN', families: 310, households: 300, population: 1200, registeredOn: '2023-03-15', status: 'INACTIVE' },
    { code: 'CC-IMP-0004', name: 'Consejo Comunal Indígena Wayuu', parishCode: parishCodes[2], setting: 'INDIGENOUS', families: 12, population: 60, registeredOn: '2023-04-01' },
  ],
  communes: [
    { code: 'COM-IMP-001', name: 'Comuna Importada Norte', kind: 'MIXED', councilCodes: ['CC-IMP-0001', 'CC-IMP-0002'], foundedOn: '2023-05-01', registeredOn: '2023-09-01', status: 'ACTIVE', areaHectares: '1200.5', latitude: 10.07, longitude: -69.32 },
    { code: 'COM-IMP-002', name: 'Comuna Importada Sur', kind: 'URBAN', councilCodes: ['CC-IMP-0003', 'CC-IMP-0004'], foundedOn: '2023-06-01', registeredOn: '2023-10-01' },
  ],
  communalCities: [{ code: 'CIU-IMP-001', name: 'Ciudad Comunal Importada', communeCodes: ['COM-IMP-001', 'COM-IMP-002'], foundedOn: '2024-01-20' }],
};
const fixtureCodes = new Set([...fixture.councils, ...fixture.communes, ...fixture.communalCities].map((r) => r.code));

/** Chromium from Debian, as CI installs it (scripts/ensure-chromium.sh), with no network but loopback. */
async function withPage<T>(origin: string, work: (page: import('playwright-core').Page, offOrigin: string[]) => Promise<T>): Promise<T> {
  const { chromium } = await import('playwright-core');
  const profile = mkdtempSync(join(tmpdir(), 'comuna-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    viewport: { width: 1280, height: 1500 },
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await context.newPage();
    const offOrigin: string[] = [];
    // Anything the page asks of another host is recorded (and refused): the pages must work offline.
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (url.startsWith(origin) || url.startsWith('data:') || url.startsWith('blob:')) return route.continue();
      offOrigin.push(url);
      return route.abort();
    });
    page.on('pageerror', (error) => console.error(`[page] ${error.message}`));
    return await work(page, offOrigin);
  } finally {
    await context.close();
  }
}

async function dashboard(origin: string, ...screenshots: string[]) {
  return withPage(origin, async (page, offOrigin) => {
    await page.goto(`${origin}/dashboard`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
    for (const path of screenshots) {
      mkdirSync(join(path, '..'), { recursive: true });
      await page.screenshot({ path, fullPage: true });
    }
    const stat = async (key: string) => ({
      total: (await page.textContent(`[data-stat="${key}"] .n`))!,
      sub: (await page.textContent(`[data-stat="${key}"] .sub`))!,
    });
    const panelOf = async (id: string) => ({ state: (await page.getAttribute(`#${id}`, 'data-state'))!, note: (await page.textContent(`#${id} .note`))! });
    return {
      offOrigin,
      stats: { councils: await stat('councils'), communes: await stat('communes'), cities: await stat('cities'), circuits: await stat('circuits') } as Record<string, { total: string; sub: string } | undefined>,
      states: (await page.getAttribute('#panel-states', 'data-states'))!,
      bubbles: (await page.getAttribute('#panel-map', 'data-bubbles'))!,
      cities: await page.$$eval('#city option', (options) => options.map((o) => o.textContent ?? '')),
      production: await panelOf('panel-production'),
      budget: await panelOf('panel-budget'),
    };
  });
}

async function graphiql(origin: string, screenshot: string) {
  return withPage(origin, async (page, offOrigin) => {
    await page.goto(`${origin}/graphiql`);
    await page.waitForSelector('.graphiql-tab', { timeout: 60_000 });
    const tabs = await page.$$eval('.graphiql-tab-button', (els) => els.map((e) => e.textContent?.trim() ?? ''));
    // Run the registry dashboard example and read the answer from the result pane.
    await page.locator('.graphiql-tab', { hasText: 'RegistryDashboard' }).click();
    // GraphiQL derives the operation name from the editor a moment after a tab switch; a run sent before that names
    // the previous tab's operation ("Unknown operation named …"), so run again until the answer is this tab's.
    for (let attempt = 0; attempt < 5; attempt++) {
      await page.locator('.graphiql-execute-button').click();
      await page.waitForFunction(() => /registryStatistics|"errors"/.test(document.querySelector('.result-window')?.textContent ?? ''), undefined, { timeout: 30_000 });
      if ((await page.textContent('.result-window'))?.includes('registryStatistics')) break;
      await page.waitForTimeout(500);
    }
    const result = (await page.textContent('.result-window')) ?? '';
    mkdirSync(join(screenshot, '..'), { recursive: true });
    await page.screenshot({ path: screenshot });
    return { offOrigin, tabs, result };
  });
}

describe('tools: CLI, GraphiQL and the registry dashboard', () => {
  const services: Service[] = [];
  let gw: Gateway;
  let other: Gateway;
  let token: string;
  const scratch = mkdtempSync(join(tmpdir(), 'comuna-tools-'));

  beforeAll(async () => {
    ensureBuilt();
    // Production and budget feed the dashboard's city panels; governance completes the supergraph.
    for (const name of ['territory', 'production', 'budget', 'governance']) services.push(await service(name));
    gw = await gateway(services);
    const territory2 = await service('territory');
    services.push(territory2);
    other = await gateway([territory2]);
    token = comuna(['token', '--subject', 'clerk-tools', '--role', 'REGISTRY_CLERK']).stdout.trim();
  }, 180_000);

  afterAll(async () => {
    await Promise.all([gw?.stop(), other?.stop(), ...services.map((s) => s.stop())]);
  });

  // First, while the registry holds exactly the sample: the page's numbers must be the sample's.
  it.skipIf(!runBrowser)('draws the registry dashboard from the public graph in headless Chromium', async () => {
    const origin = new URL(gw.url).origin;
    const seen = await dashboard(origin, join(root, 'test-artifacts/dashboard.png'), join(root, 'docs/dashboard.png'));

    expect(seen.offOrigin).toEqual([]);
    expect(seen.stats.communes).toEqual({ total: String(sample.communes.length), sub: `${sample.communes.length} registered · ${sampleCommunesActive} active` });
    expect(seen.stats.councils?.total).toBe(String(sample.councils.length));
    expect(seen.stats.cities?.total).toBe(String(sample.communalCities.length));
    expect(seen.stats.circuits?.total).toBe(String(sample.circuits.length));
    // Communes per seat state, as the sample places them.
    const stateName = new Map(sample.states.map((s) => [s.id, s.name]));
    const perState = new Map<string, number>();
    for (const c of sample.communes) perState.set(stateName.get(c.seatStateId)!, (perState.get(stateName.get(c.seatStateId)!) ?? 0) + 1);
    const shown = new Map(seen.states.split('|').map((s) => s.split(':')).map(([name, count]) => [name!, Number(count)]));
    expect(shown).toEqual(perState);
    const bubbles = new Map(seen.bubbles.split('|').map((s) => s.split(':')).map(([name, count]) => [name!, Number(count)]));
    expect(bubbles).toEqual(perState);
    expect(seen.cities.sort()).toEqual(sample.communalCities.map((c) => c.name).sort());
    // The city panels answer: drawn when their subgraph offers the fields, otherwise a note saying why.
    for (const state of [seen.production.state, seen.budget.state]) expect(['ready', 'degraded']).toContain(state);
    if (seen.production.state === 'ready') expect(seen.production.note).toMatch(/production units/);
    if (seen.budget.state === 'ready') expect(seen.budget.note).toMatch(/turnout/);
  }, 120_000);

  it.skipIf(!runBrowser)('serves GraphiQL bundled, with the example operations preloaded, loading nothing from elsewhere', async () => {
    const seen = await graphiql(new URL(gw.url).origin, join(root, 'test-artifacts/graphiql.png'));
    expect(seen.offOrigin).toEqual([]);
    expect(seen.tabs).toEqual(expect.arrayContaining(['RegionalProduction', 'RegistryDashboard', 'OpenBooks', 'RegisterCouncil']));
    expect(seen.result).toContain('"registryStatistics"');
  }, 120_000);

  it('answers --help for every command, and refuses bad input with a message and a non-zero exit', () => {
    for (const args of [['--help'], ['export', '--help'], ['import', '--help'], ['token', '--help'], ['seed', '--help']]) {
      const run = comuna(args);
      expect(run.status, args.join(' ')).toBe(0);
      expect(run.stdout).toMatch(/Usage: comuna/);
    }
    expect(comuna(['frobnicate'])).toMatchObject({ status: 2, stderr: expect.stringContaining('Unknown command "frobnicate"') });
    expect(comuna(['import', 'x.csv'])).toMatchObject({ status: 2, stderr: expect.stringContaining('--mode atomic or --mode per-row') });
    expect(comuna(['token', '--subject', 'ana', '--role', 'KING'])).toMatchObject({ status: 2, stderr: expect.stringContaining('--role must be one of') });
    expect(comuna(['seed', 'national'])).toMatchObject({ status: 1, stderr: expect.stringContaining('does not exist yet') });
    expect(comuna(['seed', 'sample'])).toMatchObject({ status: 0, stdout: expect.stringContaining('seeds itself') });
  });

  it('imports atomically: one refused row and nothing is written, with every refused row reported by file and line', async () => {
    const dir = join(scratch, 'atomic');
    mkdirSync(dir);
    const csv = [
      'code,name,parishCode,setting,families,population,registeredOn',
      `CC-ATO-0001,Consejo Comunal Atómico,${parishCodes[0]},URBAN,200,800,2023-01-01`,
      `CC-ATO-0002,Consejo Comunal Chico,${parishCodes[0]},URBAN,90,300,2023-01-01`,
      `CC-ATO-0003,Consejo Comunal Perdido,ocd-division/country:ve/estado:nowhere,RURAL,30,100,2023-01-01`,
    ].join('\n');
    writeFileSync(join(dir, 'councils.csv'), csv);
    const run = comuna(['import', join(dir, 'councils.csv'), '--mode', 'atomic', '--gateway', gw.url, '--token', token, '--report', join(dir, 'report.json')]);
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('Nothing imported (mode atomic): 2 of 3 rows were refused');
    expect(run.stdout).toContain('councils.csv line 3 (code CC-ATO-0002): An urban communal council has 150 to 400 families; got 90 [BAD_USER_INPUT families]');
    expect(run.stdout).toContain('councils.csv line 4 (code CC-ATO-0003): No parish with code');
    const report = JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'));
    expect(report).toMatchObject({ mode: 'atomic', imported: 0, rejected: [{ errorCode: 'BAD_USER_INPUT' }, { errorCode: 'NOT_FOUND' }] });
    const check = await gw.query('{ communalCouncil(code: "CC-ATO-0001") { id } }');
    expect(check.data?.communalCouncil).toBeNull();
  });

  it('imports per row: valid rows written, refused rows (locally and by the registry) reported, exit 1', async () => {
    const file = join(scratch, 'per-row.json');
    writeFileSync(file, JSON.stringify({
      councils: [
        { code: 'CC-ROW-0001', name: 'Consejo Comunal Por Fila', parishCode: parishCodes[1], setting: 'RURAL', families: 40, population: 150, registeredOn: '2022-05-05' },
        { code: 'CC-ROW-0002', name: 'Consejo Comunal Sin Fecha', parishCode: parishCodes[1], setting: 'RURAL', families: 'forty', population: 150, registeredOn: 'yesterday' },
        { code: 'CC-ROW-0001', name: 'Consejo Comunal Repetido', parishCode: parishCodes[1], setting: 'RURAL', families: 40, population: 150, registeredOn: '2022-05-05' },
      ],
    }));
    const run = comuna(['import', file, '--mode', 'per-row', '--gateway', gw.url, '--quiet'], { COMUNA_TOKEN: token });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('Imported 1 of 3 rows (mode per-row); 2 refused');
    expect(run.stdout).toContain('per-row.json councils[1] (code CC-ROW-0002): families must be a whole number; got "forty"; registeredOn must be a date (YYYY-MM-DD); got "yesterday" [LOCAL]');
    expect(run.stdout).toContain('per-row.json councils[2] (code CC-ROW-0001): Registry code CC-ROW-0001 is already taken [CONFLICT code]');
    const check = await gw.query('{ communalCouncil(code: "CC-ROW-0001") { name registry { status } } }');
    expect(check.data?.communalCouncil).toEqual({ name: 'Consejo Comunal Por Fila', registry: { status: 'REGISTERED' } });
  });

  it('refuses an import without a token the registry accepts', () => {
    const file = join(scratch, 'fixture-anon.json');
    writeFileSync(file, JSON.stringify({ councils: fixture.councils.slice(0, 1) }));
    const run = comuna(['import', file, '--mode', 'atomic', '--gateway', gw.url, '--token', 'not-a-jwt']);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/UNAUTHENTICATED/);
  });

  it('round-trips import → export → import → export without loss, and exports every entity and the GeoJSON', async () => {
    const fixtureFile = join(scratch, 'fixture.json');
    writeFileSync(fixtureFile, JSON.stringify(fixture));
    const first = comuna(['import', fixtureFile, '--mode', 'atomic', '--gateway', gw.url, '--token', token]);
    expect(first.stdout + first.stderr).toContain('Imported 7 of 7 rows (mode atomic).');
    expect(first.status).toBe(0);

    const exportA = join(scratch, 'export-a');
    const exported = comuna(['export', '--out', exportA, '--gateway', gw.url]);
    expect(exported.status, exported.stderr).toBe(0);
    expect(exported.stderr).toMatch(/councils\s+\[#+\] \d+\/\d+ 100%/);

    // Every entity of the open data, and the communes on the map with their figures.
    expect(readCsv(join(exportA, 'states.csv'))).toHaveLength(sample.states.length);
    expect(readCsv(join(exportA, 'communes.csv'))).toHaveLength(sample.communes.length + 2);
    expect(readCsv(join(exportA, 'circuits.csv'))).toHaveLength(sample.circuits.length);
    expect(readCsv(join(exportA, 'councils.csv'))).toHaveLength(sample.councils.length + 5);
    const geo = JSON.parse(readFileSync(join(exportA, 'communes.geojson'), 'utf8'));
    const maizal = geo.features.find((f: { properties: { name: string } }) => f.properties.name === 'El Maizal');
    expect(maizal.properties).toMatchObject({ population: 14320, families: 3500, states: ['Lara', 'Portuguesa'], seatState: 'Lara' });
    expect(geo.features.find((f: { properties: { code: string } }) => f.properties.code === 'COM-IMP-001').geometry).toEqual({ type: 'Point', coordinates: [-69.32, 10.07] });

    // The imported rows, as exported, carry every imported field unchanged.
    const councilsA = readCsv(join(exportA, 'councils.csv')).filter((r) => fixtureCodes.has(r.code!));
    expect(councilsA.find((r) => r.code === 'CC-IMP-0003')).toMatchObject({ name: 'Consejo Comunal "La Unión", Sector 3', families: '310', households: '300', population: '1200', status: 'INACTIVE', registeredOn: '2023-03-15', censusAsOf: '2023-03-15', communeCode: 'COM-IMP-002' });
    expect(councilsA.find((r) => r.code === 'CC-IMP-0001')).toMatchObject({ censusAsOf: '2024-06-30', status: 'ACTIVE', households: '180' });
    const communesA = readCsv(join(exportA, 'communes.csv')).filter((r) => fixtureCodes.has(r.code!));
    expect(communesA.find((r) => r.code === 'COM-IMP-001')).toMatchObject({ kind: 'MIXED', councilCodes: 'CC-IMP-0001;CC-IMP-0002', foundedOn: '2023-05-01', registeredOn: '2023-09-01', status: 'ACTIVE', formationStep: 'REGISTRATION', areaHectares: '1200.5', latitude: '10.07', longitude: '-69.32', communalCityCode: 'CIU-IMP-001' });

    // Import the exported rows into another registry (same map, sample bodies already there), export again: identical.
    const selected = join(scratch, 'selected');
    mkdirSync(selected);
    for (const file of ['councils.csv', 'communes.csv', 'communal-cities.csv']) {
      const [header, ...lines] = readFileSync(join(exportA, file), 'utf8').split('\r\n').filter(Boolean);
      writeFileSync(join(selected, file), [header, ...lines.filter((l) => fixtureCodes.has(l.split(',')[0]!))].join('\r\n') + '\r\n');
    }
    const second = comuna(['import', selected, '--mode', 'atomic', '--gateway', other.url, '--token', token]);
    expect(second.stdout + second.stderr).toContain('Imported 7 of 7 rows (mode atomic).');
    const exportB = join(scratch, 'export-b');
    expect(comuna(['export', '--out', exportB, '--gateway', other.url, '--quiet']).status).toBe(0);
    for (const file of ['councils.csv', 'communes.csv', 'communal-cities.csv']) {
      const a = withoutIds(readCsv(join(exportA, file)).filter((r) => fixtureCodes.has(r.code!)));
      const b = withoutIds(readCsv(join(exportB, file)).filter((r) => fixtureCodes.has(r.code!)));
      expect(b, file).toEqual(a);
      expect(a.length, file).toBeGreaterThan(0);
    }
  }, 120_000);
});
