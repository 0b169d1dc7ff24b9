import { COLORS, draw } from '../charts.js';
import { statesWithBodies, type StateCount } from '../figures.js';
import { query } from '../graphql.js';
import { panel } from './panel.js';

interface Stats {
  total: number;
  registered: number;
  active: number;
  byStatus: { key: string; count: number }[];
  byKind: { key: string; count: number }[];
  byState: StateCount[];
}

const FIELDS = 'total registered active byStatus { key count } byKind { key count } byState { state { name } count active }';
const REGISTRY = `query RegistryDashboard {
  councils: registryStatistics(filter: { bodyType: COMMUNAL_COUNCIL }) { ${FIELDS} }
  communes: registryStatistics(filter: { bodyType: COMMUNE }) { ${FIELDS} }
  cities: registryStatistics(filter: { bodyType: COMMUNAL_CITY }) { ${FIELDS} }
  circuits: registryStatistics(filter: { bodyType: COMMUNAL_CIRCUIT }) { ${FIELDS} }
}`;

type Registry = Record<'councils' | 'communes' | 'cities' | 'circuits', Stats>;

function stat(key: string, title: string, s: Stats): HTMLElement {
  const el = document.createElement('div');
  el.className = 'stat';
  el.dataset.stat = key;
  el.innerHTML = '<h3></h3><div class="n"></div><div class="sub"></div>';
  el.querySelector('h3')!.textContent = title;
  el.querySelector('.n')!.textContent = String(s.total);
  el.querySelector('.sub')!.textContent = `${s.registered} registered · ${s.active} active`;
  return el;
}

function doughnut(canvas: HTMLCanvasElement, title: string, rows: { key: string; count: number }[]): void {
  draw(canvas, {
    type: 'doughnut',
    data: { labels: rows.map((r) => r.key.replace(/_/g, ' ').toLowerCase()), datasets: [{ data: rows.map((r) => r.count), backgroundColor: COLORS }] },
    options: { plugins: { title: { display: true, text: title }, legend: { position: 'bottom', labels: { boxWidth: 10 } } } },
  });
}

/** Totals, communes by state (registered vs active), and kinds, statuses and settings: all from registryStatistics. */
export async function registryPanels(): Promise<void> {
  const totals = panel('panel-totals');
  const states = panel('panel-states');
  const kinds = panel('panel-kinds');
  let data: Registry;
  try {
    data = await query<Registry>(REGISTRY);
  } catch (error) {
    for (const p of [totals, states, kinds]) p.failed(error, 'the registry statistics');
    return;
  }
  totals.element.querySelector('.stats')!.replaceChildren(
    stat('councils', 'Communal councils', data.councils),
    stat('communes', 'Communes', data.communes),
    stat('cities', 'Communal cities', data.cities),
    stat('circuits', 'Communal circuits', data.circuits),
  );
  totals.ready('Registered: ever registered (not still in formation). Active: currently functioning.');

  const rows = statesWithBodies(data.communes.byState);
  draw(states.element.querySelector('canvas')!, {
    type: 'bar',
    data: {
      labels: rows.map((r) => r.state.name),
      datasets: [
        { label: 'Communes (by seat state)', data: rows.map((r) => r.count), backgroundColor: COLORS[1] },
        { label: 'of which active', data: rows.map((r) => r.active), backgroundColor: COLORS[0] },
      ],
    },
    options: { scales: { y: { beginAtZero: true, ticks: { precision: 0 } } } },
  });
  states.element.dataset.states = rows.map((r) => `${r.state.name}:${r.count}:${r.active}`).join('|');
  states.ready(`${rows.length} of ${data.communes.byState.length} states have communes; the others are left out of the chart.`);

  doughnut(kinds.element.querySelector('canvas[data-chart="kind"]')!, 'Communes by kind', data.communes.byKind);
  doughnut(kinds.element.querySelector('canvas[data-chart="status"]')!, 'Communes by status', data.communes.byStatus);
  doughnut(kinds.element.querySelector('canvas[data-chart="setting"]')!, 'Councils by setting', data.councils.byKind);
  kinds.ready('');
}
