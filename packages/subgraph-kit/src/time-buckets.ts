import { badInput } from './errors.js';

export type TrendBucket = 'MONTH' | 'QUARTER';

/** A trend longer than this is refused: ten years of months is already more than a chart can show. */
export const MAX_BUCKETS = 120;

/**
 * The bucket label of a `YYYY-MM-DD` text column, in SQL that SQLite and PostgreSQL both run (dates are stored
 * as text), so the series is one GROUP BY in the database.
 */
export function bucketSql(column: string, bucket: TrendBucket): string {
  if (bucket === 'MONTH') return `substr(${column}, 1, 7)`;
  return `substr(${column}, 1, 4) || '-Q' || cast((cast(substr(${column}, 6, 2) as integer) + 2) / 3 as varchar(1))`;
}

export interface BucketSpan {
  /** `2025-04` or `2025-Q2`. */
  label: string;
  /** First day of the bucket, clipped to the period. */
  from: string;
  /** Last day of the bucket, clipped to the period. */
  to: string;
  /** Whole calendar months of the bucket whose first day lies in the period (what monthly figures count over). */
  months: number;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

/** Every bucket the period touches, in order, empty ones included, so a chart never skips a month. */
export function bucketSpans(period: { from: string; to: string }, bucket: TrendBucket, argument = 'period'): BucketSpan[] {
  if (period.from > period.to) throw badInput(`${argument}.from ${period.from} is after ${argument}.to ${period.to}`, { argument });
  const step = bucket === 'MONTH' ? 1 : 3;
  let year = Number(period.from.slice(0, 4));
  let month = Number(period.from.slice(5, 7));
  month -= (month - 1) % step;
  const spans: BucketSpan[] = [];
  while (`${year}-${pad(month)}-01` <= period.to) {
    const endMonth = month + step - 1;
    const start = `${year}-${pad(month)}-01`;
    const end = `${year}-${pad(endMonth)}-${pad(lastDay(year, endMonth))}`;
    let months = 0;
    for (let m = month; m <= endMonth; m++) {
      const first = `${year}-${pad(m)}-01`;
      if (first >= period.from && first <= period.to) months++;
    }
    spans.push({
      label: bucket === 'MONTH' ? `${year}-${pad(month)}` : `${year}-Q${(month + 2) / 3}`,
      from: start < period.from ? period.from : start,
      to: end > period.to ? period.to : end,
      months,
    });
    if (spans.length > MAX_BUCKETS) {
      throw badInput(`A trend holds at most ${MAX_BUCKETS} buckets; shorten the period or use QUARTER buckets`, { argument });
    }
    month += step;
    if (month > 12) {
      month -= 12;
      year++;
    }
  }
  return spans;
}
