import './workers.js';
import { GraphiQL } from 'graphiql';
import { createRoot } from 'react-dom/client';
import 'graphiql/style.css';
import { examples } from './examples.js';
import { fetcher } from './fetcher.js';

createRoot(document.getElementById('graphiql')!).render(
  <GraphiQL fetcher={fetcher as never} defaultTabs={examples} defaultEditorToolsVisibility="variables" />,
);
