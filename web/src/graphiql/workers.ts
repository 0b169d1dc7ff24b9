// Monaco (GraphiQL 5's editor) asks for a worker per language; ours are bundled beside the page (build.js), so
// nothing loads from a CDN. Relative URLs resolve against the page's base (/graphiql/).
(globalThis as unknown as { MonacoEnvironment: unknown }).MonacoEnvironment = {
  getWorker(_id: string, label: string): Worker {
    const file = label === 'graphql' ? 'graphql.worker.js' : label === 'json' ? 'json.worker.js' : 'editor.worker.js';
    return new Worker(new URL(`./${file}`, document.baseURI));
  },
};
