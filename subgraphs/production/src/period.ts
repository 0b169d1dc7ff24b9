import { badInput, isIsoDate } from '@comuna/subgraph-kit';
import type { PeriodRow } from './rows.js';

/** A checked period: both dates real, `from` not after `to`. */
export function validPeriod(period: { from: string; to: string }, argument = 'period'): PeriodRow {
  for (const end of ['from', 'to'] as const) {
    if (!isIsoDate(period[end])) throw badInput(`${argument}.${end} "${period[end]}" is not a date (YYYY-MM-DD)`, { argument: `${argument}.${end}` });
  }
  if (period.from > period.to) throw badInput(`${argument}.from ${period.from} is after ${argument}.to ${period.to}`, { argument });
  return { from: period.from, to: period.to };
}

const nextMonth = (month: string): string => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};

/**
 * The months a period covers: those whose first day falls within it. Adjacent periods therefore never count a
 * month twice, and a period inside one month (1-15 March) counts the month only if it starts on the 1st.
 * Returned as YYYY-MM bounds for `month between ? and ?` (first > last when no month qualifies).
 */
export function monthWindow(period: PeriodRow): { first: string; last: string; months: number } {
  const first = period.from.endsWith('-01') ? period.from.slice(0, 7) : nextMonth(period.from.slice(0, 7));
  const last = period.to.slice(0, 7);
  const [fy, fm] = first.split('-').map(Number) as [number, number];
  const [ly, lm] = last.split('-').map(Number) as [number, number];
  return { first, last, months: Math.max(0, (ly - fy) * 12 + (lm - fm) + 1) };
}

/** YYYY-MM of today (UTC): reports for later months are refused. */
export function currentMonth(): string {
  return new Date().toISOString().slice(0, 7);
}
