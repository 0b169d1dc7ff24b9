import { badInput } from '@comuna/subgraph-kit';
import { ACTIVITY_CRITERIA, type ActivityCriterion, type ActivityDefaults } from './rule-config.js';

/** The argument-less facts territory requires from governance, production and budget for one body. */
export interface ActivityFacts {
  lastQuorateAssemblyOn?: string | null;
  lastReportedMonth?: string | null;
  lastLedgerEntryOn?: string | null;
  latestConsultation?: { heldOn: string; participated: boolean } | null;
}
export const FACT_FIELDS = ['lastQuorateAssemblyOn', 'lastReportedMonth', 'lastLedgerEntryOn', 'latestConsultation'] as const;

export interface ActivityRule {
  windowMonths: number;
  criteria: ActivityCriterion[];
  minimum: number;
  asOf: string;
  windowStart: string;
}
export interface CriterionCheck {
  criterion: ActivityCriterion;
  lastOn: string | null;
  holds: boolean;
  explanation: string;
}
export interface Activity {
  active: boolean;
  met: number;
  rule: ActivityRule;
  criteria: CriterionCheck[];
  explanation: string;
}

export interface ActivityRuleArgs {
  windowMonths?: number | null;
  criteria?: readonly ActivityCriterion[] | null;
  minimum?: number | null;
}

/** `date` minus whole months, clamped to the month's last day (31 August − 6 months = 28/29 February). */
function monthsBefore(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${String(month).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** The rule a query asks for: its arguments over the configured defaults, checked. */
export function resolveRule(args: ActivityRuleArgs | null | undefined, defaults: ActivityDefaults, today = new Date().toISOString().slice(0, 10)): ActivityRule {
  const windowMonths = args?.windowMonths ?? defaults.ACTIVITY_WINDOW_MONTHS;
  if (windowMonths < 1 || windowMonths > 120) throw badInput(`rule.windowMonths must be 1 to 120; got ${windowMonths}`, { argument: 'rule.windowMonths' });
  const criteria = args?.criteria ? ACTIVITY_CRITERIA.filter((c) => args.criteria!.includes(c)) : defaults.ACTIVITY_CRITERIA;
  if (criteria.length === 0) throw badInput('rule.criteria names no criterion; give at least one', { argument: 'rule.criteria' });
  const minimum = args?.minimum ?? Math.min(defaults.ACTIVITY_MINIMUM, criteria.length);
  if (minimum < 1 || minimum > criteria.length) {
    throw badInput(`rule.minimum must be 1 to the ${criteria.length} criteria chosen; got ${minimum}`, { argument: 'rule.minimum' });
  }
  return { windowMonths, criteria, minimum, asOf: today, windowStart: monthsBefore(today, windowMonths) };
}

const within = (date: string | null | undefined, rule: ActivityRule) => !!date && date >= rule.windowStart && date <= rule.asOf;

function check(criterion: ActivityCriterion, facts: ActivityFacts, rule: ActivityRule): CriterionCheck {
  const since = `since ${rule.windowStart}`;
  switch (criterion) {
    case 'QUORATE_ASSEMBLY': {
      const lastOn = facts.lastQuorateAssemblyOn ?? null;
      const holds = within(lastOn, rule);
      return { criterion, lastOn, holds, explanation: lastOn ? `last quorate assembly on ${lastOn}${holds ? '' : `, none ${since}`}` : 'no quorate assembly recorded' };
    }
    case 'PRODUCTION_REPORTED': {
      const lastOn = facts.lastReportedMonth ?? null;
      // A month counts when any of its days lies in the window, so compare with the window's first month.
      const holds = !!lastOn && lastOn >= `${rule.windowStart.slice(0, 7)}-01` && lastOn <= rule.asOf;
      return { criterion, lastOn, holds, explanation: lastOn ? `last production reported for ${lastOn.slice(0, 7)}${holds ? '' : `, none ${since}`}` : 'no production reported' };
    }
    case 'LEDGER_ENTRY': {
      const lastOn = facts.lastLedgerEntryOn ?? null;
      const holds = within(lastOn, rule);
      return { criterion, lastOn, holds, explanation: lastOn ? `last ledger entry on ${lastOn}${holds ? '' : `, none ${since}`}` : 'no ledger entry recorded' };
    }
    case 'CONSULTATION_PARTICIPATION': {
      const round = facts.latestConsultation ?? null;
      const holds = !!round?.participated;
      return {
        criterion,
        lastOn: round?.heldOn ?? null,
        holds,
        explanation: round ? `${holds ? 'took part' : 'took no part'} in the latest popular consultation, held on ${round.heldOn}` : 'no popular consultation held yet',
      };
    }
  }
}

/** Applies the rule to one body's facts: which criteria hold, with their dates, and the verdict. */
export function evaluate(facts: ActivityFacts, rule: ActivityRule): Activity {
  const criteria = rule.criteria.map((c) => check(c, facts, rule));
  const met = criteria.filter((c) => c.holds).length;
  const active = met >= rule.minimum;
  return {
    active,
    met,
    rule,
    criteria,
    explanation: `${active ? 'Active' : 'Inactive'}: ${met} of ${rule.criteria.length} criteria hold over the ${rule.windowMonths} months to ${rule.asOf}, ${rule.minimum} needed`,
  };
}
