import { COLORS, draw } from '../charts.js';
import { percent, toNumber } from '../figures.js';
import { query } from '../graphql.js';
import { fillTable, panel } from './panel.js';

const FIGURES = `budget(period: $period, currency: $currency) {
  received { amount currency } committed { amount } spent { amount } executionRate
  consultations { rounds ballotsCast eligibleVoters turnout }
}`;
const BUDGET = `query CityBooks($id: ID!, $period: PeriodInput!, $currency: String!) {
  communalCity(id: $id) { name ${FIGURES} communes { name ${FIGURES} } }
}`;

interface Figures {
  received: { amount: string; currency: string };
  committed: { amount: string };
  spent: { amount: string };
  executionRate: string | null;
  consultations: { rounds: number; ballotsCast: number; eligibleVoters: number; turnout: string | null };
}
interface Answer {
  communalCity: { name: string; budget: Figures; communes: { name: string; budget: Figures }[] } | null;
}

/** Received, committed and spent for the city and each of its communes, with the consultations' turnout. */
export async function budgetPanel(cityId: string, period: { from: string; to: string }, currency: string): Promise<void> {
  const p = panel('panel-budget');
  p.loading();
  try {
    const { communalCity: city } = await query<Answer>(BUDGET, { id: cityId, period, currency });
    if (!city) throw new Error(`no communal city ${cityId}`);
    const rows = [{ name: `${city.name} (whole city)`, ...city.budget }, ...city.communes.map((c) => ({ name: c.name, ...c.budget }))];
    draw(p.element.querySelector('canvas')!, {
      type: 'bar',
      data: {
        labels: rows.map((r) => r.name),
        datasets: [
          { label: `Received (${currency})`, data: rows.map((r) => toNumber(r.received.amount)), backgroundColor: COLORS[3] },
          { label: `Committed (${currency})`, data: rows.map((r) => toNumber(r.committed.amount)), backgroundColor: COLORS[1] },
          { label: `Spent (${currency})`, data: rows.map((r) => toNumber(r.spent.amount)), backgroundColor: COLORS[0] },
        ],
      },
      options: { scales: { y: { beginAtZero: true } } },
    });
    fillTable(
      p.element.querySelector('table')!,
      ['Body', `Received ${currency}`, `Spent ${currency}`, 'Execution', 'Turnout'],
      rows.map((r) => [r.name, r.received.amount, r.spent.amount, percent(r.executionRate).replace('no tallies', '—'), percent(r.consultations.turnout)]),
    );
    const c = city.budget.consultations;
    p.ready(`Consultations: ${c.rounds} rounds, ${c.ballotsCast} ballots of ${c.eligibleVoters} eligible voters — turnout ${percent(c.turnout)}.`);
  } catch (error) {
    p.element.querySelector('table')!.replaceChildren();
    p.failed(error, 'money received and spent and consultation turnout');
  }
}
