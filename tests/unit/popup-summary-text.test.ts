import { describe, expect, it } from 'vitest';
import { calculate, type Calculation } from '../../src/calc';
import { createI18n } from '../../src/i18n';
import { loadBundle } from '../../src/i18n/resources';
import { resultRows, translator } from '../../src/ui/calc/result-rows';
import { buildSummaryText } from '../../src/ui/calc/summary-text';

async function seed(): Promise<Calculation<unknown>> {
  const outcome = calculate({
    kind: 'koki-premium',
    region: 'fukuoka',
    fiscalYear: 2024,
    members: [
      {
        id: 'Ms A',
        birthDate: '1947-06-15',
        insured: true,
        householdHead: true,
        income: { publicPension: 2_200_000 },
      },
    ],
  });
  if (!outcome.ok) throw new Error('expected a result');
  return outcome.calculation;
}

describe('popup summary text', () => {
  it('puts the total first, then the member and the parts', async () => {
    const rows = resultRows('koki-premium', await seed());
    expect(rows[0]).toMatchObject({ level: 'total', yen: 127_260 });
    expect(rows.filter((r) => r.level === 'member')).toHaveLength(1);
    expect(rows.filter((r) => r.level === 'part').map((r) => r.yen)).toEqual([48_003, 79_261]);
  });

  it('lists a 国保 result by part (医療分, 支援金分, 介護分) and by member, after the total', () => {
    const outcome = calculate({
      kind: 'kokuho-premium',
      region: 'tokyo/adachi',
      fiscalYear: 2025,
      members: [
        {
          id: 'head',
          birthDate: '1980-01-01',
          insured: true,
          householdHead: true,
          income: { salary: 3_000_000 },
        },
      ],
    });
    if (!outcome.ok) throw new Error('expected a result');
    const rows = resultRows('kokuho-premium', outcome.calculation);
    expect(rows[0]).toMatchObject({ level: 'total', yen: 281_835 });
    const parts = rows.filter((r) => r.label.key.startsWith('ui:popup.results.part.'));
    expect(parts.map((r) => [r.label.key.split('.').pop(), r.yen])).toEqual([
      ['medical', 169_889],
      ['support', 59_571],
      ['care', 52_375],
    ]);
    // The wards levy no 平等割, so the one member's share is the whole premium.
    expect(rows.find((r) => r.label.key === 'ui:popup.results.memberShare')?.yen).toBe(281_835);
  });

  it('writes the English summary with the Japanese terms in brackets, the working and the sources', async () => {
    const [en, ja] = await Promise.all([
      createI18n('en', ['ui', 'calc'], loadBundle),
      createI18n('ja', ['ui', 'calc'], loadBundle),
    ]);
    const calculation = await seed();
    const text = buildSummaryText(
      {
        kind: 'koki-premium',
        calculation,
        region: 'fukuoka',
        fiscalYear: 2024,
        date: '2026-11-24',
      },
      { language: 'en', t: translator(en) },
      { language: 'ja', t: translator(ja) },
    );
    expect(text.split('\n')[0]).toBe(
      'HokenLens — Premium for people aged 75 and over [後期高齢者医療の保険料]',
    );
    expect(text).toContain('Region: Fukuoka Prefecture [福岡県]');
    expect(text).toContain('Yearly premium [年間保険料]: ¥127,260');
    expect(text).toContain('Premium of Ms A [Ms Aの保険料]: ¥127,260');
    expect(text).toContain('Flat part per person [均等割]: ¥48,003');
    expect(text).toMatch(/\n1\. /);
    for (const source of calculation.sources) expect(text).toContain(source.url);
    expect(text).toContain('2026-11-24');
  });

  it('writes a Japanese summary without brackets', async () => {
    const ja = await createI18n('ja', ['ui', 'calc'], loadBundle);
    const text = buildSummaryText(
      { kind: 'koki-premium', calculation: await seed(), date: '2026-11-24' },
      { language: 'ja', t: translator(ja) },
      { language: 'ja', t: translator(ja) },
    );
    expect(text).toContain('年間保険料: 127,260円');
    expect(text).not.toContain('[');
  });
});
