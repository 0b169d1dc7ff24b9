import { describe, expect, it } from 'vitest';

describe('telemetry', () => {
  it('is disabled by default before Apollo loads, and an operator may still choose', async () => {
    delete process.env.APOLLO_TELEMETRY_DISABLED;
    await import('./telemetry.js');
    expect(process.env.APOLLO_TELEMETRY_DISABLED).toBe('1');
  });

  it('is imported by main before anything else', async () => {
    const { readFileSync } = await import('node:fs');
    const main = readFileSync(new URL('./main.ts', import.meta.url), 'utf8');
    expect(main.split('\n').find((line) => line.startsWith('import'))).toBe("import './telemetry.js';");
  });
});
