import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { staticPages } from './static-pages.js';

function response() {
  const out = { status: 0, headers: {} as Record<string, string>, body: '' };
  const res = {
    writeHead: (status: number, headers: Record<string, string>) => Object.assign(out, { status, headers }),
    end: (body: string | Buffer) => (out.body = String(body)),
  } as unknown as ServerResponse;
  return { res, out };
}

describe('static pages', () => {
  const root = mkdtempSync(join(tmpdir(), 'web-'));
  mkdirSync(join(root, 'dashboard'));
  writeFileSync(join(root, 'dashboard', 'index.html'), '<h1>dashboard</h1>');
  writeFileSync(join(root, 'secret.txt'), 'no');
  const serve = staticPages(root);

  it('serves a page and its files, same-origin only', () => {
    const { res, out } = response();
    expect(serve('/dashboard', {} as never, res)).toBe(true);
    expect(out).toMatchObject({ status: 200, body: '<h1>dashboard</h1>' });
    expect(out.headers['content-security-policy']).toContain("default-src 'self'");
  });

  it('refuses paths that leave the page folder, and leaves other paths alone', () => {
    const { res, out } = response();
    expect(serve('/dashboard/../secret.txt', {} as never, res)).toBe(true);
    expect(out.status).toBe(404);
    expect(serve('/graphql', {} as never, response().res)).toBe(false);
  });

  it('says how to build a page that is missing', () => {
    const { res, out } = response();
    serve('/graphiql', {} as never, res);
    expect(out).toMatchObject({ status: 404, body: 'The graphiql page is not built: run npm run build' });
  });
});
