import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { examples } from '../src/graphiql/examples.js';

const read = (path: string) => readFileSync(new URL(path, import.meta.url), 'utf8');

describe('pages', () => {
  it('preloads one valid operation for each main user', () => {
    const names = examples.map((e) => {
      const op = parse(e.query).definitions[0] as { name?: { value: string } };
      if (e.variables) JSON.parse(e.variables);
      return op.name?.value;
    });
    expect(names).toEqual(['RegionalProduction', 'RegistryDashboard', 'OpenBooks', 'RegisterCouncil']);
  });

  it('refers to nothing on another host', () => {
    for (const page of ['../src/graphiql/index.html', '../src/dashboard/index.html']) {
      const html = read(page);
      expect(html).not.toMatch(/(src|href)="(https?:)?\/\//);
      expect(html).toContain('src="./app.js"');
    }
  });
});
