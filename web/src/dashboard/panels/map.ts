import { COLORS, draw } from '../charts.js';
import { stateBubbles, type LocatedCommune } from '../figures.js';
import { query } from '../graphql.js';
import { panel } from './panel.js';

const COMMUNES = `query CommuneCentroids($after: String) {
  communes(first: 100, after: $after) { pageInfo { hasNextPage endCursor } edges { node { seatState { name } centroid { latitude longitude } } } }
}`;

interface Page {
  communes: { pageInfo: { hasNextPage: boolean; endCursor: string | null }; edges: { node: LocatedCommune }[] };
}

/**
 * A bubble per state over longitude and latitude: a map without map tiles (tiles would come from another host).
 * The axes are fixed to Venezuela's extent so the bubbles sit where the states are.
 */
export async function mapPanel(): Promise<void> {
  const map = panel('panel-map');
  try {
    const communes: LocatedCommune[] = [];
    let after: string | null = null;
    for (;;) {
      const page: Page = await query<Page>(COMMUNES, { after });
      communes.push(...page.communes.edges.map((e) => e.node));
      if (!page.communes.pageInfo.hasNextPage) break;
      after = page.communes.pageInfo.endCursor;
    }
    const bubbles = stateBubbles(communes);
    draw(map.element.querySelector('canvas')!, {
      type: 'bubble',
      data: { datasets: bubbles.map((b, i) => ({ label: `${b.state} (${b.count})`, data: [{ x: b.x, y: b.y, r: b.r }], backgroundColor: `${COLORS[i % COLORS.length]}b0` })) },
      options: {
        scales: {
          x: { min: -73.5, max: -59.5, title: { display: true, text: 'longitude' } },
          y: { min: 0.5, max: 12.5, title: { display: true, text: 'latitude' } },
        },
        plugins: { legend: { position: 'right', labels: { boxWidth: 10, font: { size: 10 } } } },
      },
    });
    map.element.dataset.bubbles = bubbles.map((b) => `${b.state}:${b.count}`).join('|');
    map.ready();
  } catch (error) {
    map.failed(error, 'the communes\' centroids');
  }
}
