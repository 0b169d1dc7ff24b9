import { existsSync, readFileSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.map': 'application/json',
};

/** Pages bundled from npm (GraphiQL, the registry dashboard): everything from this origin, nothing from a CDN. */
const PAGES = ['graphiql', 'dashboard'];

/**
 * Serves the built pages in `root` (web/dist): `/graphiql` and `/dashboard` and the files beside them. Paths are
 * normalised and must stay inside their page's folder; a page that was not built answers 404 with how to build it.
 */
export function staticPages(root: string) {
  return (path: string, _req: IncomingMessage, res: ServerResponse): boolean => {
    const [, page, ...rest] = path.split('/');
    if (!page || !PAGES.includes(page)) return false;
    const folder = join(root, page);
    const file = normalize(join(folder, rest.length && rest.join('/') ? rest.join('/') : 'index.html'));
    if (!file.startsWith(folder + sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(existsSync(folder) ? 'not found' : `The ${page} page is not built: run npm run build`);
      return true;
    }
    res.writeHead(200, {
      'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      // Same-origin only: the pages call /graphql here and load nothing from elsewhere.
      'content-security-policy': "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; connect-src 'self'",
      'x-content-type-options': 'nosniff',
    });
    res.end(readFileSync(file));
    return true;
  };
}
