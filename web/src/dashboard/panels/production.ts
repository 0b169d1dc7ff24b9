import { COLORS, draw } from '../charts.js';
import { productBars, type ProductOutput } from '../figures.js';
import { query } from '../graphql.js';
import { fillTable, panel } from './panel.js';

const PRODUCTION = `query CityProduction($id: ID!, $period: PeriodInput!) {
  communalCity(id: $id) { name production(period: $period) { activeUnits workers outputByProduct { product { name unit } quantity { value unit } } } }
}`;

interface Answer {
  communalCity: { name: string; production: { activeUnits: number; workers: number; outputByProduct: ProductOutput[] } } | null;
}

/** Output by product for the chosen city and period, from the production subgraph's roll-up over the city. */
export async function productionPanel(cityId: string, period: { from: string; to: string }): Promise<void> {
  const p = panel('panel-production');
  p.loading();
  try {
    const { communalCity } = await query<Answer>(PRODUCTION, { id: cityId, period });
    if (!communalCity) throw new Error(`no communal city ${cityId}`);
    const bars = productBars(communalCity.production.outputByProduct);
    draw(p.element.querySelector('canvas')!, {
      type: 'bar',
      data: { labels: bars.map((b) => b.label), datasets: [{ label: `Output, ${period.from} to ${period.to}`, data: bars.map((b) => b.value), backgroundColor: COLORS[2] }] },
      options: { indexAxis: 'y', plugins: { legend: { display: false } } },
    });
    fillTable(p.element.querySelector('table')!, ['Product', 'Output'], bars.map((b) => [b.label, b.text]));
    p.ready(`${communalCity.name}: ${communalCity.production.activeUnits} production units, ${communalCity.production.workers} workers` + (bars.length ? '.' : '; nothing reported in this period.'));
  } catch (error) {
    p.element.querySelector('table')!.replaceChildren();
    p.failed(error, 'production by product');
  }
}
