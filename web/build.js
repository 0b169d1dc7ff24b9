// Builds the pages the gateway serves from web/dist: GraphiQL and the registry dashboard. Everything they load
// is bundled here from npm (no CDN: registry staff behind closed networks must reach them), and each page
// refers to its files relatively, under the folder the gateway serves it from.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, rmSync } from 'node:fs';

const root = new URL('.', import.meta.url).pathname;
const dist = `${root}dist`;
rmSync(dist, { recursive: true, force: true });

const common = {
  bundle: true,
  minify: true,
  sourcemap: true,
  target: ['es2022'],
  legalComments: 'linked',
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
};

// GraphiQL 5 edits with Monaco, whose language services run in web workers: each is its own classic script.
await build({
  ...common,
  entryPoints: {
    app: `${root}src/graphiql/main.tsx`,
  },
  outdir: `${dist}/graphiql`,
  format: 'esm',
  jsx: 'automatic',
  loader: { '.ttf': 'file', '.woff': 'file', '.woff2': 'file', '.svg': 'file' },
  assetNames: '[name]',
});
await build({
  ...common,
  entryPoints: {
    'editor.worker': 'monaco-editor/esm/vs/editor/editor.worker.js',
    'json.worker': 'monaco-editor/esm/vs/language/json/json.worker.js',
    'graphql.worker': 'monaco-graphql/esm/graphql.worker.js',
  },
  outdir: `${dist}/graphiql`,
  format: 'iife',
});
await build({
  ...common,
  entryPoints: { app: `${root}src/dashboard/main.ts` },
  outdir: `${dist}/dashboard`,
  format: 'esm',
});
for (const page of ['graphiql', 'dashboard']) {
  mkdirSync(`${dist}/${page}`, { recursive: true });
  copyFileSync(`${root}src/${page}/index.html`, `${dist}/${page}/index.html`);
}
copyFileSync(`${root}src/dashboard/style.css`, `${dist}/dashboard/style.css`);
console.log(`built ${dist}/graphiql and ${dist}/dashboard`);
