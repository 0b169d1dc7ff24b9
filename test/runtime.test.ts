import { describe, expect, it } from 'vitest';

describe('runtime', () => {
  // npm runs under the system Node 20; the `node` devDependency must put Node 24 first on every script's PATH.
  it('runs on Node 24 LTS', () => {
    expect(process.versions.node.split('.')[0]).toBe('24');
  });

  it('has node:sqlite for the embedded database', async () => {
    const { DatabaseSync } = await import('node:sqlite');
    expect(new DatabaseSync(':memory:').prepare('select 1 as one').get()).toEqual({ one: 1 });
  });
});
