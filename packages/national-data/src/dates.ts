export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** A day between two dates (inclusive), drawn from `random`. */
export function dayBetween(random: () => number, from: string, to: string): string {
  const a = Date.parse(`${from}T00:00:00Z`);
  const b = Date.parse(`${to}T00:00:00Z`);
  return new Date(a + Math.floor(random() * ((b - a) / 86_400_000 + 1)) * 86_400_000).toISOString().slice(0, 10);
}

/** Every month `YYYY-MM` from `first` to `last` inclusive. */
export function monthsBetween(first: string, last: string): string[] {
  const months: string[] = [];
  let [y, m] = first.split('-').map(Number) as [number, number];
  for (;;) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    if (month > last) return months;
    months.push(month);
    if (++m === 13) [y, m] = [y + 1, 1];
  }
}

/** The dataset's three years of reports: fixed, so the data are the same whatever day they are generated. */
export const FIRST_MONTH = '2023-11';
export const LAST_MONTH = '2026-10';
