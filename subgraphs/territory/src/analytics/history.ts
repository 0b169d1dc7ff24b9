import { evaluate, type ActivityFacts, type ActivityRule } from './rule.js';

/** The per-month facts territory requires for a derived series (ADR 0005): months as first days, ascending. */
export interface MonthlyFacts {
  quorateAssemblyMonths?: string[] | null;
  reportedMonths?: string[] | null;
  ledgerEntryMonths?: string[] | null;
  consultationRounds?: { heldOn: string; participated: boolean }[] | null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** `2025-Q2` → its last day, `2025-06-30`. */
export function quarterEnd(quarter: string): string {
  const year = Number(quarter.slice(0, 4));
  const month = Number(quarter.slice(6)) * 3;
  return `${year}-${pad(month)}-${pad(new Date(Date.UTC(year, month, 0)).getUTCDate())}`;
}

/** The quarter before `2025-Q1` is `2024-Q4`. */
export function previousQuarter(quarter: string): string {
  const [year, q] = [Number(quarter.slice(0, 4)), Number(quarter.slice(6))];
  return q === 1 ? `${year - 1}-Q4` : `${year}-Q${q - 1}`;
}

/** First day of the `months`-long run of whole calendar months that ends with the month of `date`. */
function firstMonthOfWindow(date: string, months: number): string {
  const total = Number(date.slice(0, 4)) * 12 + (Number(date.slice(5, 7)) - 1) - (months - 1);
  return `${Math.floor(total / 12)}-${pad((total % 12) + 1)}-01`;
}

/** The last element ≤ `date` of an ascending list (binary search: a national dashboard asks this ~10⁵ times). */
function latestUpTo<T>(list: readonly T[], date: string, dateOf: (item: T) => string): T | undefined {
  let [lo, hi] = [0, list.length - 1];
  let found: T | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (dateOf(list[mid]!) <= date) [found, lo] = [list[mid], mid + 1];
    else hi = mid - 1;
  }
  return found;
}

/**
 * Whether a body was active by `rule` at the end of a past quarter, from its per-month facts. The window is the
 * rule's windowMonths whole calendar months ending with the quarter's last month, so month facts decide it exactly;
 * the consultation criterion looks at the latest round held by the quarter's end.
 */
export function activeAtEnd(facts: MonthlyFacts, rule: ActivityRule, quarter: string): boolean {
  const end = quarterEnd(quarter);
  const start = firstMonthOfWindow(end, rule.windowMonths);
  const monthIn = (months: readonly string[] | null | undefined) => {
    const last = latestUpTo(months ?? [], end, (m) => m);
    return !!last && last >= start;
  };
  let met = 0;
  for (const criterion of rule.criteria) {
    if (criterion === 'QUORATE_ASSEMBLY' && monthIn(facts.quorateAssemblyMonths)) met++;
    else if (criterion === 'PRODUCTION_REPORTED' && monthIn(facts.reportedMonths)) met++;
    else if (criterion === 'LEDGER_ENTRY' && monthIn(facts.ledgerEntryMonths)) met++;
    else if (criterion === 'CONSULTATION_PARTICIPATION' && latestUpTo(facts.consultationRounds ?? [], end, (r) => r.heldOn)?.participated) met++;
  }
  return met >= rule.minimum;
}

export interface QuarterActivity {
  period: string;
  activeByRuleAtEnd: number;
  newlyInactiveByRule: number;
}

/**
 * Per quarter: bodies active by the rule at its end, and those active at the previous quarter's end but not at this
 * one's. The current quarter (whose end is after the rule's asOf) is judged as of today by the ordinary rule, so
 * its count is the dashboard's `active`.
 */
export function activityByQuarter(bodies: readonly (ActivityFacts & MonthlyFacts)[], rule: ActivityRule, quarters: readonly string[]): QuarterActivity[] {
  if (!quarters.length) return [];
  const judge = (quarter: string) => bodies.map((b) => (quarterEnd(quarter) >= rule.asOf ? evaluate(b, rule).active : activeAtEnd(b, rule, quarter)));
  let before = judge(previousQuarter(quarters[0]!));
  return quarters.map((period) => {
    const now = judge(period);
    const out = { period, activeByRuleAtEnd: now.filter(Boolean).length, newlyInactiveByRule: now.filter((active, i) => before[i] && !active).length };
    before = now;
    return out;
  });
}
