import { describe, expect, it } from 'vitest';
import { activeAtEnd, activityByQuarter, previousQuarter, quarterEnd } from './history.js';
import { resolveRule } from './rule.js';
import { activityDefaults } from './rule-config.js';

// Six months, two of the four criteria, applied on 2025-11-20 (so 2025-Q4 is the current quarter).
const rule = resolveRule({ windowMonths: 6, minimum: 2 }, activityDefaults(), '2025-11-20');

describe('activity at past quarter ends', () => {
  it('names quarter ends and previous quarters', () => {
    expect(quarterEnd('2024-Q1')).toBe('2024-03-31');
    expect(quarterEnd('2025-Q2')).toBe('2025-06-30');
    expect(previousQuarter('2025-Q1')).toBe('2024-Q4');
    expect(previousQuarter('2025-Q3')).toBe('2025-Q2');
  });

  it('takes the window as whole months ending with the quarter\'s last month', () => {
    // 2025-Q2 ends 2025-06-30: the six months are January to June 2025; December 2024 is outside.
    const facts = { quorateAssemblyMonths: ['2024-12-01'], ledgerEntryMonths: ['2025-01-01'] };
    expect(activeAtEnd(facts, rule, '2025-Q2')).toBe(false);
    expect(activeAtEnd({ ...facts, quorateAssemblyMonths: ['2024-12-01', '2025-06-01'] }, rule, '2025-Q2')).toBe(true);
    // A month after the quarter's end does not count for it.
    expect(activeAtEnd({ ...facts, quorateAssemblyMonths: ['2025-07-01'] }, rule, '2025-Q2')).toBe(false);
  });

  it('looks at the latest consultation round held by the quarter\'s end', () => {
    const rounds = [{ heldOn: '2025-03-10', participated: true }, { heldOn: '2025-08-01', participated: false }];
    const facts = { reportedMonths: ['2025-05-01'], consultationRounds: rounds };
    expect(activeAtEnd(facts, rule, '2025-Q2')).toBe(true);
    expect(activeAtEnd(facts, rule, '2025-Q3')).toBe(false);
  });

  it('counts bodies active at each quarter end and those that stopped being active, the current quarter as of today', () => {
    const bodies = [
      // Active at the ends of Q1 and Q2 only: by the end of Q3 its January assembly has left the window.
      { quorateAssemblyMonths: ['2025-01-01'], ledgerEntryMonths: ['2025-02-01'], lastQuorateAssemblyOn: '2025-01-15', lastLedgerEntryOn: '2025-02-03' },
      // Active in every quarter, today included (its latest facts fall in the window to 2025-11-20).
      { quorateAssemblyMonths: ['2025-03-01', '2025-09-01'], reportedMonths: ['2025-03-01', '2025-07-01', '2025-10-01'], lastQuorateAssemblyOn: '2025-09-09', lastReportedMonth: '2025-10-01' },
    ];
    expect(activityByQuarter(bodies, rule, ['2025-Q1', '2025-Q2', '2025-Q3', '2025-Q4'])).toEqual([
      { period: '2025-Q1', activeByRuleAtEnd: 2, newlyInactiveByRule: 0 },
      { period: '2025-Q2', activeByRuleAtEnd: 2, newlyInactiveByRule: 0 },
      { period: '2025-Q3', activeByRuleAtEnd: 1, newlyInactiveByRule: 1 },
      { period: '2025-Q4', activeByRuleAtEnd: 1, newlyInactiveByRule: 0 },
    ]);
  });
});
