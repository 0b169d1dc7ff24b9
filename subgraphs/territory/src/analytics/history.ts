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

/** A date or month (`YYYY-MM…`) as a month number that orders like it. */
const monthNumber = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1;

/** The whole months (as month numbers, both ends included) a past quarter's verdict looks at, and its last day. */
interface QuarterWindow {
  first: number;
  last: number;
  end: string;
}
function quarterWindow(rule: ActivityRule, quarter: string): QuarterWindow {
  const end = quarterEnd(quarter);
  return { first: monthNumber(end) - (rule.windowMonths - 1), last: monthNumber(end), end };
}

/** A body's month facts as ascending month numbers. */
const numbers = (months: readonly string[] | null | undefined) => Int32Array.from(months ?? [], monthNumber);

/**
 * Per window (ascending, as quarters are): how many of the rule's criteria hold for one body. One sweep per
 * criterion over the body's months and the windows together, since both only move forward: a national dashboard
 * judges ~3,700 bodies at each of ~80 quarter ends, and a search per body and quarter cost most of a second.
 */
function criteriaMet(facts: MonthlyFacts, rule: ActivityRule, windows: readonly QuarterWindow[]): Uint8Array {
  const met = new Uint8Array(windows.length);
  for (const criterion of rule.criteria) {
    if (criterion === 'CONSULTATION_PARTICIPATION') {
      // The latest round held by each window's end.
      const rounds = facts.consultationRounds ?? [];
      let next = 0;
      windows.forEach((w, i) => {
        while (next < rounds.length && rounds[next]!.heldOn <= w.end) next++;
        if (next > 0 && rounds[next - 1]!.participated) met[i]!++;
      });
      continue;
    }
    const months = numbers(criterion === 'QUORATE_ASSEMBLY' ? facts.quorateAssemblyMonths : criterion === 'PRODUCTION_REPORTED' ? facts.reportedMonths : facts.ledgerEntryMonths);
    // The first month not before each window's first month.
    let at = 0;
    windows.forEach((w, i) => {
      while (at < months.length && months[at]! < w.first) at++;
      if (at < months.length && months[at]! <= w.last) met[i]!++;
    });
  }
  return met;
}

/**
 * Whether a body was active by `rule` at the end of a past quarter, from its per-month facts. The window is the
 * rule's windowMonths whole calendar months ending with the quarter's last month, so month facts decide it exactly;
 * the consultation criterion looks at the latest round held by the quarter's end.
 */
export function activeAtEnd(facts: MonthlyFacts, rule: ActivityRule, quarter: string): boolean {
  return criteriaMet(facts, rule, [quarterWindow(rule, quarter)])[0]! >= rule.minimum;
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
  const all = [previousQuarter(quarters[0]!), ...quarters];
  const windows = all.map((q) => quarterWindow(rule, q));
  const judgedToday = all.map((q) => quarterEnd(q) >= rule.asOf);
  const active = new Int32Array(all.length);
  const newlyInactive = new Int32Array(all.length);
  for (const body of bodies) {
    const met = criteriaMet(body, rule, windows);
    const today = judgedToday.includes(true) && evaluate(body, rule).active;
    let before = false;
    all.forEach((_, i) => {
      const now = judgedToday[i] ? today : met[i]! >= rule.minimum;
      if (now) active[i]!++;
      else if (before) newlyInactive[i]!++;
      before = now;
    });
  }
  return quarters.map((period, j) => ({ period, activeByRuleAtEnd: active[j + 1]!, newlyInactiveByRule: newlyInactive[j + 1]! }));
}
