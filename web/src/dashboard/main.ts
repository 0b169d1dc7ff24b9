// The registry dashboard: registry panels once, city panels again whenever the city, period or currency changes.
import { query } from './graphql.js';
import { budgetPanel } from './panels/budget.js';
import { mapPanel } from './panels/map.js';
import { productionPanel } from './panels/production.js';
import { registryPanels } from './panels/registry.js';

const citySelect = document.getElementById('city') as HTMLSelectElement;
const from = document.getElementById('from') as HTMLInputElement;
const to = document.getElementById('to') as HTMLInputElement;
const currency = document.getElementById('currency') as HTMLSelectElement;

async function loadCities(): Promise<void> {
  const { communalCities } = await query<{ communalCities: { edges: { node: { id: string; name: string } }[] } }>(
    '{ communalCities(first: 100) { edges { node { id name } } } }',
  );
  citySelect.replaceChildren(...communalCities.edges.map(({ node }) => new Option(node.name, node.id)));
}

function cityPanels(): Promise<unknown> {
  if (!citySelect.value) return Promise.resolve();
  const period = { from: from.value, to: to.value };
  return Promise.all([productionPanel(citySelect.value, period), budgetPanel(citySelect.value, period, currency.value)]);
}

async function start(): Promise<void> {
  const registry = Promise.all([registryPanels(), mapPanel()]);
  await loadCities().catch((error: Error) => {
    citySelect.replaceChildren(new Option(`communal cities unavailable: ${error.message}`, ''));
  });
  for (const input of [citySelect, from, to, currency]) input.addEventListener('change', () => void cityPanels());
  await Promise.all([registry, cityPanels()]);
  // One flag for people's tools and the browser test: everything has answered, drawn or said why not.
  document.body.dataset.ready = 'true';
}

void start();
