import { MissingInSchema } from '../graphql.js';

/** A panel's element, its state for people and tests (loading, ready, degraded, error), and its note. */
export function panel(id: string) {
  const element = document.getElementById(id)!;
  const note = element.querySelector<HTMLElement>('.note');
  return {
    element,
    ready(text?: string) {
      element.dataset.state = 'ready';
      if (text !== undefined && note) note.textContent = text;
    },
    /**
     * Shows why the panel has nothing to draw: a field the graph does not offer yet (another subgraph still being
     * built) degrades to a note; anything else is an error, also shown, never a blank chart.
     */
    failed(error: unknown, what: string) {
      const missing = error instanceof MissingInSchema;
      element.dataset.state = missing ? 'degraded' : 'error';
      if (note) note.textContent = missing ? `${what} is not offered by the graph yet (${(error as Error).message}).` : `Could not load ${what}: ${(error as Error).message}`;
    },
    loading() {
      element.dataset.state = 'loading';
    },
  };
}

/** A small table of label → value rows under a chart, so the figures can be read exactly (and by screen readers). */
export function fillTable(table: HTMLTableElement, head: string[], rows: (string | number)[][]): void {
  table.replaceChildren();
  const header = table.createTHead().insertRow();
  for (const h of head) header.appendChild(Object.assign(document.createElement('th'), { textContent: h }));
  const body = table.createTBody();
  for (const row of rows) {
    const tr = body.insertRow();
    row.forEach((cell, i) => {
      const td = tr.insertCell();
      td.textContent = String(cell);
      if (i > 0) td.className = 'num';
    });
  }
}
