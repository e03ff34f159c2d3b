import { describe, expect, it } from 'vitest';
import { calculate, type Calculation, type DeadlinesResult } from '../../src/calc';

function deadlines(request: Record<string, unknown>): Calculation<DeadlinesResult> {
  const outcome = calculate({ kind: 'deadlines', ...request });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
  return outcome.calculation as Calculation<DeadlinesResult>;
}

describe('notification deadline (14 days)', () => {
  it('counts 14 days from the day after the event: moving in on April 1 → report by April 15', () => {
    // 国保: report within 14 days (https://www.city.hakui.lg.jp/soshiki/shiminfukushibu/shimin/5/2/2811.html);
    // the day of the event itself is not counted (民法140条).
    expect(deadlines({ notificationEventDate: '2025-04-01' }).result.notifyBy).toBe('2025-04-15');
  });

  it('crosses month and year ends', () => {
    expect(deadlines({ notificationEventDate: '2025-12-20' }).result.notifyBy).toBe('2026-01-03');
    expect(deadlines({ notificationEventDate: '2024-02-20' }).result.notifyBy).toBe('2024-03-05');
  });

  it('warns that a deadline on a closed day may move', () => {
    const calc = deadlines({ notificationEventDate: '2025-04-01' });
    expect(calc.warnings.map((w) => w.key)).toContain('warnings.deadlineOnClosedDay');
  });
});

const claimDeadline = (benefit: string, date: string, paidOn?: string) =>
  deadlines({ claims: [{ benefit, date, ...(paidOn ? { paidOn } : {}) }] }).result.claims[0];

describe('2-year claim limits (消滅時効)', () => {
  it('療養費: from the day after payment; paid 2024-05-01 → last day 2026-05-01', () => {
    expect(claimDeadline('medical-expenses', '2024-05-01')).toEqual({
      benefit: 'medical-expenses',
      periodStarts: '2024-05-02',
      lastDay: '2026-05-01',
    });
  });

  it('高額療養費: from the first day of the month after the care; care in May 2024 → last day 2026-05-31', () => {
    expect(claimDeadline('high-cost', '2024-05-20')).toMatchObject({
      periodStarts: '2024-06-01',
      lastDay: '2026-05-31',
    });
  });

  it('高額療養費 paid after the month of care: from the day after payment', () => {
    expect(claimDeadline('high-cost', '2024-05-20', '2024-08-10')).toMatchObject({
      periodStarts: '2024-08-11',
      lastDay: '2026-08-10',
    });
    // Paid within the month of care: the ordinary start applies.
    expect(claimDeadline('high-cost', '2024-05-20', '2024-05-31')).toMatchObject({
      periodStarts: '2024-06-01',
    });
  });

  it('出産育児一時金, 葬祭費 and 移送費 run from the day after the birth, the funeral and the payment', () => {
    expect(claimDeadline('childbirth', '2025-03-10')?.lastDay).toBe('2027-03-10');
    expect(claimDeadline('funeral', '2025-12-31')).toMatchObject({
      periodStarts: '2026-01-01',
      lastDay: '2027-12-31',
    });
    expect(claimDeadline('transport', '2025-07-15')?.lastDay).toBe('2027-07-15');
  });

  it('ends a period starting on February 29 on the last day of February (民法143条)', () => {
    expect(claimDeadline('childbirth', '2024-02-28')).toMatchObject({
      periodStarts: '2024-02-29',
      lastDay: '2026-02-28',
    });
  });

  it('names its sources', () => {
    const calc = deadlines({ claims: [{ benefit: 'funeral', date: '2025-01-10' }] });
    expect(calc.sources.length).toBeGreaterThan(0);
    expect(calc.steps[0]?.key).toBe('deadlines.claim.funeral');
  });
});

describe('後期高齢者医療 deadlines', () => {
  it('uses the same 2-year limit for 後期: 葬祭費 from the day after the funeral', () => {
    // 半田市 https://www.city.handa.lg.jp/kurashi/koresha/1001843/1001847.html
    const calc = deadlines({
      scheme: 'koki',
      claims: [{ benefit: 'funeral', date: '2025-06-10' }],
    });
    expect(calc.result.claims[0]).toMatchObject({
      periodStarts: '2025-06-11',
      lastDay: '2027-06-10',
    });
  });

  it('says there is no rule for a 後期 notification period or for 出産育児一時金 in 後期', () => {
    expect(
      calculate({ kind: 'deadlines', scheme: 'koki', notificationEventDate: '2025-06-10' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'no-rule', ruleKind: 'deadlines:notification' },
    });
    expect(
      calculate({
        kind: 'deadlines',
        scheme: 'koki',
        claims: [{ benefit: 'childbirth', date: '2025-06-10' }],
      }),
    ).toMatchObject({ ok: false, error: { code: 'no-rule', ruleKind: 'deadlines:childbirth' } });
  });
});

describe('deadlines: invalid requests', () => {
  it('asks for something to compute', () => {
    expect(calculate({ kind: 'deadlines' })).toMatchObject({
      ok: false,
      error: { issues: [{ message: 'errors.deadlinesNothingAsked' }] },
    });
  });

  it('rejects a later payment date for anything but 高額療養費, and an impossible date', () => {
    const outcome = calculate({
      kind: 'deadlines',
      claims: [
        { benefit: 'funeral', date: '2025-01-10', paidOn: '2025-02-01' },
        { benefit: 'childbirth', date: '2025-02-30' },
      ],
    });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok && outcome.error.code === 'invalid-request') {
      expect(outcome.error.issues.map((i) => i.path)).toEqual(
        expect.arrayContaining(['claims.1.date']),
      );
    }
  });

  it('rejects an unknown benefit', () => {
    const outcome = calculate({
      kind: 'deadlines',
      claims: [{ benefit: 'pension', date: '2025-01-10' }],
    });
    expect(outcome.ok).toBe(false);
  });
});
