// Chart.js with every controller registered once; no animation, so what a screenshot or a person sees first is final.
import { Chart, registerables, type ChartConfiguration } from 'chart.js';

Chart.register(...registerables);
Chart.defaults.animation = false;
Chart.defaults.maintainAspectRatio = false;
Chart.defaults.font.family = 'system-ui, "DejaVu Sans", sans-serif';

export const COLORS = ['#7a1f2b', '#d08c2b', '#2b7a5f', '#2b4f7a', '#8a6fb0', '#b05f6f', '#6f8a2b', '#4f4f4f'];

const charts = new WeakMap<HTMLCanvasElement, Chart>();

/** Draws on a canvas, replacing whatever chart it held (the city picker redraws the same canvases). */
export function draw(canvas: HTMLCanvasElement, config: ChartConfiguration): Chart {
  charts.get(canvas)?.destroy();
  const chart = new Chart(canvas, config);
  charts.set(canvas, chart);
  return chart;
}
