import { describe, expect, it } from 'vitest';
import { calculate, type Calculation, type HighCostResult } from '../../src/calc';

type Setting = 'inpatient' | 'outpatient' | 'dental-inpatient' | 'dental-outpatient';
interface BillInput {
  institution: string;
  setting: Setting;
  medicalCost: number;
  copay: number;
}

function bill(
  institution: string,
  setting: Setting,
  medicalCost: number,
  copay: number,
): BillInput {
  return { institution, setting, medicalCost, copay };
}

function member(id: string, birthDate: string, bills: BillInput[]) {
  return { id, birthDate, bills };
}

function highCost(request: Record<string, unknown>): Calculation<HighCostResult> {
  const outcome = calculate({ kind: 'high-cost', ...request });
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.error));
  return outcome.calculation as Calculation<HighCostResult>;
}

/** Born 1985: under 70 in every month tested. */
const ADULT = '1985-06-10';
/** Born 1953: 70–74 from 2023-07 to 2028. */
const SEVENTY_TWO = '1953-06-10';
/** Born 1947: 後期 (75+) from 2022. */
const KOKI_AGE = '1947-06-10';

describe('高額療養費: official worked examples (計算例)', () => {
  it('大和市 70歳未満: 区分ウ, four bills, the 3,000-yen one left out → refund 125,570', () => {
    // https://www.city.yamato.lg.jp/gyosei/soshik/2020/kokuminkenkohoken/kokuho_kyufu/kogakuryoyohi/6995.html
    const calc = highCost({
      scheme: 'kokuho',
      month: '2024-10',
      under70Category: 'u',
      members: [
        member('husband', ADULT, [
          bill('A', 'outpatient', 200_000, 60_000),
          bill('B', 'inpatient', 400_000, 120_000),
        ]),
        member('wife', ADULT, [
          bill('C', 'outpatient', 100_000, 30_000),
          bill('D', 'outpatient', 10_000, 3_000),
        ]),
      ],
    });
    expect(calc.steps.find((s) => s.key === 'highCost.limitFormula')?.values.limitYen).toBe(84_430);
    expect(calc.result.refund).toBe(125_570);
    expect(calc.steps.map((s) => s.key)).toContain('highCost.groupNotCounted.outpatient');
  });

  it('大和市 70歳以上のみ: 一般, husband outpatient 20,000 and wife inpatient 57,600 → refund 20,000', () => {
    // https://www.city.yamato.lg.jp/gyosei/soshik/2020/kokuminkenkohoken/kokuho_kyufu/kogakuryoyohi/6997.html
    const calc = highCost({
      scheme: 'kokuho',
      month: '2024-10',
      from70Category: 'general',
      members: [
        member('husband', SEVENTY_TWO, [
          bill('A', 'outpatient', 50_000, 10_000),
          bill('B', 'outpatient', 50_000, 10_000),
        ]),
        member('wife', SEVENTY_TWO, [bill('C', 'inpatient', 800_000, 57_600)]),
      ],
    });
    expect(calc.result.stages.outpatientPerPerson).toBe(2_000);
    expect(calc.result.stages.from70Household).toBe(18_000);
    expect(calc.result.refund).toBe(20_000);
  });

  it('設楽町: 一般 (now 区分ウ), the daughter’s 15,000 is below 21,000 → refund 9,570', () => {
    // http://www.town.shitara.aichi.jp/index.cfm/15,452,64,228,html
    const calc = highCost({
      scheme: 'kokuho',
      month: '2024-10',
      under70Category: 'u',
      members: [
        member('husband', ADULT, [bill('H1', 'outpatient', 200_000, 60_000)]),
        member('wife', ADULT, [bill('H2', 'outpatient', 100_000, 30_000)]),
        member('daughter', '2010-01-01', [bill('H3', 'outpatient', 50_000, 15_000)]),
      ],
    });
    expect(calc.steps.find((s) => s.key === 'highCost.limitFormula')?.values.limitYen).toBe(80_430);
    expect(calc.result.refund).toBe(9_570);
  });

  it('計算例(70歳未満) パターン1: 区分エ, 医療費 500,000 → refund 92,400', () => {
    // https://928997.bisvwx80.asia/kurashi/kenkouhoken/kokuho/hokenkyufu/kougakukeisan70miman.html (municipal page mirror)
    const calc = highCost({
      scheme: 'kokuho',
      month: '2022-11',
      under70Category: 'e',
      members: [member('a', ADULT, [bill('X', 'outpatient', 500_000, 150_000)])],
    });
    expect(calc.result.refund).toBe(92_400);
  });

  it('計算例(70歳未満) パターン2: 区分ウ, 医療費 500,000 → limit 82,430, refund 67,570', () => {
    // https://928997.bisvwx80.asia/kurashi/kenkouhoken/kokuho/hokenkyufu/kougakukeisan70miman.html (municipal page mirror)
    const calc = highCost({
      scheme: 'kokuho',
      month: '2022-11',
      under70Category: 'u',
      members: [member('a', ADULT, [bill('X', 'outpatient', 500_000, 150_000)])],
    });
    expect(calc.result.netCopay).toBe(82_430);
    expect(calc.result.refund).toBe(67_570);
  });

  it('計算例(70歳以上75歳未満) パターン1: 一般, W 4,000 + X 18,000 at the counter → refund 4,000', () => {
    // https://633758.829769.cn/kurashi/kenkouhoken/kokuho/hokenkyufu/kougakukeisan70ijou.html (municipal page mirror)
    const calc = highCost({
      scheme: 'kokuho',
      month: '2024-10',
      from70Category: 'general',
      members: [
        member('a', SEVENTY_TWO, [
          bill('W', 'outpatient', 20_000, 4_000),
          bill('X', 'outpatient', 100_000, 18_000),
        ]),
      ],
    });
    expect(calc.result.refund).toBe(4_000);
  });

  it('東京都後期高齢者医療広域連合 配慮措置: 2割, 医療費 110,000 paid 16,000 → refund 2,000', () => {
    // https://www.tokyo-ikiiki.net/seido/kyufu/1002248/index.html
    const calc = highCost({
      scheme: 'koki',
      month: '2023-04',
      from70Category: 'general-ii',
      members: [
        member('a', KOKI_AGE, [
          bill('A', 'outpatient', 50_000, 8_000),
          bill('A', 'outpatient', 40_000, 4_000),
          bill('B', 'outpatient', 20_000, 4_000),
        ]),
      ],
    });
    expect(calc.result.refund).toBe(2_000);
    expect(calc.result.netCopay).toBe(14_000);
    expect(calc.steps.map((s) => s.key)).toContain('highCost.outpatientTransitional');
  });

  it('鳴門市 70歳未満: 一般 (区分ウ), the 18,000 outpatient bill beside an inpatient stay is left out → refund 293,770', () => {
    // https://www.city.naruto.tokushima.jp/kurashi/todokede/kenkohoken/kogaku_keisan.html
    const calc = highCost({
      scheme: 'kokuho',
      month: '2024-10',
      under70Category: 'u',
      members: [
        member('A', ADULT, [
          bill('C', 'inpatient', 1_000_000, 300_000),
          bill('C', 'outpatient', 60_000, 18_000),
          bill('D', 'outpatient', 80_000, 24_000),
        ]),
        member('B', ADULT, [bill('D', 'outpatient', 200_000, 60_000)]),
      ],
    });
    expect(calc.steps.find((s) => s.key === 'highCost.limitFormula')?.values.limitYen).toBe(90_230);
    expect(calc.result.refund).toBe(293_770);
  });

  it('蒲郡市 75歳到達月の特例: 一般, the limit in the birthday month is 28,800 in each scheme', () => {
    // https://www.city.gamagori.lg.jp/unit/nenkin/kokuhokyufu008.html
    for (const scheme of ['kokuho', 'koki']) {
      const calc = highCost({
        scheme,
        month: '2025-05',
        from70Category: 'general',
        members: [member('a', '1950-05-15', [bill('X', 'inpatient', 600_000, 60_000)])],
      });
      expect(calc.result.netCopay).toBe(28_800);
      expect(calc.result.refund).toBe(31_200);
    }
  });

  it('ダイヤモンド 世帯合算 (70歳以上の二人): outpatient 26,000 and inpatient 57,600 → refund 8,000 + 18,000', () => {
    // https://diamond.jp/articles/-/211268?page=4 (secondary: the 70+ part of a household example)
    const calc = highCost({
      scheme: 'koki',
      month: '2024-10',
      from70Category: 'general',
      members: [
        member('hanako', KOKI_AGE, [
          bill('内科', 'outpatient', 160_000, 16_000),
          bill('整形外科', 'outpatient', 100_000, 10_000),
        ]),
        member('taro', KOKI_AGE, [bill('病院', 'inpatient', 1_000_000, 57_600)]),
      ],
    });
    expect(calc.result.stages.outpatientPerPerson).toBe(8_000);
    expect(calc.result.stages.from70Household).toBe(18_000);
    expect(calc.result.refund).toBe(26_000);
  });
});

const householdWithSmallBill = (copay: number, extra: BillInput[] = []) =>
  highCost({
    scheme: 'kokuho',
    month: '2024-10',
    under70Category: 'o',
    members: [
      member('a', ADULT, [bill('big', 'inpatient', 200_000, 60_000)]),
      member('b', ADULT, [bill('small', 'outpatient', copay * 3, copay), ...extra]),
    ],
  });

const manyTimesRequest = (previousHighCostMonths: number) => ({
  scheme: 'kokuho',
  month: '2024-10',
  under70Category: 'u',
  previousHighCostMonths,
  members: [member('a', ADULT, [bill('X', 'inpatient', 1_000_000, 300_000)])],
});

const netCopayForCost = (medicalCost: number) =>
  highCost({
    scheme: 'kokuho',
    month: '2024-10',
    under70Category: 'u',
    members: [member('a', ADULT, [bill('X', 'inpatient', medicalCost, 300_000)])],
  }).result.netCopay;

const transitionalRefund = (month: string) =>
  highCost({
    scheme: 'koki',
    month,
    from70Category: 'general-ii',
    members: [member('a', KOKI_AGE, [bill('A', 'outpatient', 110_000, 18_000)])],
  }).result.refund;

const bandOf = (birthDate: string, month: string) =>
  highCost({
    scheme: 'kokuho',
    month,
    under70Category: 'e',
    from70Category: 'general',
    members: [member('a', birthDate, [bill('X', 'outpatient', 100_000, 20_000)])],
  }).steps[0]?.key;

const netOutpatientInMay2025 = (birthDate: string) =>
  highCost({
    scheme: 'koki',
    month: '2025-05',
    from70Category: 'general',
    members: [member('a', birthDate, [bill('X', 'outpatient', 200_000, 20_000)])],
  }).result.netCopay;

const birthdayMonthRequest = (scheme: string, month: string) => ({
  kind: 'high-cost',
  scheme,
  month,
  from70Category: 'general',
  members: [member('a', '1950-05-01', [bill('X', 'outpatient', 100_000, 20_000)])],
});

describe('高額療養費: boundaries', () => {
  it('adds a copay of exactly 21,000 yen for one institution and setting', () => {
    expect(householdWithSmallBill(21_000).result.refund).toBe(60_000 + 21_000 - 35_400);
  });

  it('leaves out a copay of 20,999 yen', () => {
    expect(householdWithSmallBill(20_999).result.refund).toBe(60_000 - 35_400);
  });

  it('keeps inpatient, outpatient and dental apart at the same institution', () => {
    const calc = householdWithSmallBill(15_000, [
      bill('small', 'dental-outpatient', 45_000, 15_000),
    ]);
    expect(calc.result.refund).toBe(60_000 - 35_400);
  });

  it('adds up several visits to the same institution and setting before the 21,000-yen test', () => {
    const calc = householdWithSmallBill(11_000, [bill('small', 'outpatient', 33_000, 11_000)]);
    expect(calc.result.refund).toBe(60_000 + 22_000 - 35_400);
  });

  it('uses the 多数回 limit from the 4th time in 12 months, not the 3rd', () => {
    expect(highCost(manyTimesRequest(2)).result.netCopay).toBe(87_430);
    expect(highCost(manyTimesRequest(3)).result.netCopay).toBe(44_400);
    expect(highCost(manyTimesRequest(3)).result.manyTimes).toBe(true);
  });

  it('rounds the 1% part half up (50銭 and more to 1 yen)', () => {
    expect(netCopayForCost(1_000_050)).toBe(80_100 + 7_331); // 7,330.5 → 7,331
    expect(netCopayForCost(1_000_049)).toBe(80_100 + 7_330); // 7,330.49 → 7,330
  });

  it('applies the 2割 配慮措置 in September 2025 but not in October 2025', () => {
    expect(transitionalRefund('2025-09')).toBe(18_000 - 14_000);
    expect(transitionalRefund('2025-10')).toBe(0);
  });

  it('has no 一般Ⅱ category before October 2022', () => {
    const outcome = calculate({
      kind: 'high-cost',
      scheme: 'koki',
      month: '2022-09',
      from70Category: 'general-ii',
      members: [member('a', KOKI_AGE, [bill('A', 'outpatient', 110_000, 18_000)])],
    });
    expect(outcome).toMatchObject({
      ok: false,
      error: { code: 'no-rule', ruleKind: 'high-cost:general-ii' },
    });
  });

  it('answers "no rule" from August 2026, when the limits were revised, instead of using the old table', () => {
    const outcome = calculate({
      kind: 'high-cost',
      scheme: 'kokuho',
      month: '2026-08',
      under70Category: 'u',
      members: [member('a', ADULT, [bill('X', 'inpatient', 1_000_000, 300_000)])],
    });
    expect(outcome).toEqual({
      ok: false,
      error: { code: 'no-rule', ruleKind: 'high-cost', region: 'national', date: '2026-08-01' },
    });
    expect(
      calculate({
        kind: 'high-cost',
        scheme: 'kokuho',
        month: '2026-07',
        under70Category: 'u',
        members: [member('a', ADULT, [bill('X', 'inpatient', 1_000_000, 300_000)])],
      }).ok,
    ).toBe(true);
  });

  it('starts the 70–74 limits the month after the 70th birthday, or in the birth month when born on the 1st', () => {
    expect(bandOf('1955-05-15', '2025-05')).toBe('highCost.memberBand.under70');
    expect(bandOf('1955-05-15', '2025-06')).toBe('highCost.memberBand.from70');
    expect(bandOf('1955-05-01', '2025-05')).toBe('highCost.memberBand.from70');
  });

  it('halves the limits in the month of the 75th birthday, but not for someone born on the 1st', () => {
    expect(netOutpatientInMay2025('1950-05-15')).toBe(9_000);
    expect(netOutpatientInMay2025('1950-05-01')).toBe(18_000);
  });

  it('moves someone to 後期 on the 75th birthday: born May 1 → 国保 in April, 後期 from May', () => {
    expect(calculate(birthdayMonthRequest('kokuho', '2025-04')).ok).toBe(true);
    expect(calculate(birthdayMonthRequest('koki', '2025-04')).ok).toBe(false);
    expect(calculate(birthdayMonthRequest('kokuho', '2025-05')).ok).toBe(false);
    expect(calculate(birthdayMonthRequest('koki', '2025-05')).ok).toBe(true);
  });

  it('halves the 国保 limits too for the part of the birthday month before someone turns 75', () => {
    const calc = highCost({
      scheme: 'kokuho',
      month: '2025-05',
      from70Category: 'general',
      members: [member('a', '1950-05-15', [bill('X', 'outpatient', 100_000, 20_000)])],
    });
    expect(calc.result.netCopay).toBe(9_000);
  });

  it('halves both the base and the threshold of a 1% formula in the 75th-birthday month (現役並みⅠ)', () => {
    // さいたま市 http://www.city.saitama.jp/001/002/003/p007652.html: 40,050 + (医療費 − 133,500) × 1%
    const calc = highCost({
      scheme: 'koki',
      month: '2025-05',
      from70Category: 'active-1',
      members: [member('a', '1950-05-15', [bill('X', 'inpatient', 1_000_000, 300_000)])],
    });
    expect(calc.result.netCopay).toBe(40_050 + 8_665);
  });

  it('applies the 70–74 limits first, then the under-70 household limit (mixed 国保 household)', () => {
    // 70–74 general: inpatient 57,600 stays after its own limit; under-70 ウ: 120,000 counted.
    const calc = highCost({
      scheme: 'kokuho',
      month: '2024-10',
      under70Category: 'u',
      from70Category: 'general',
      members: [
        member('father', SEVENTY_TWO, [bill('D', 'inpatient', 600_000, 57_600)]),
        member('son', ADULT, [bill('A', 'inpatient', 400_000, 120_000)]),
      ],
    });
    // Household limit: 80,100 + (1,000,000 − 267,000) × 1% = 87,430.
    expect(calc.result.stages.from70Household).toBe(0);
    expect(calc.result.refund).toBe(57_600 + 120_000 - 87_430);
  });
});

describe('高額療養費: invalid requests', () => {
  it('asks for the under-70 category when an under-70 member is in the household', () => {
    const outcome = calculate({
      kind: 'high-cost',
      scheme: 'kokuho',
      month: '2024-10',
      members: [member('a', ADULT, [])],
    });
    expect(outcome).toMatchObject({
      ok: false,
      error: { code: 'invalid-request', issues: [{ message: 'errors.under70CategoryMissing' }] },
    });
  });

  it('rejects a copay above the medical cost, a negative cost and a bad month', () => {
    const outcome = calculate({
      kind: 'high-cost',
      scheme: 'kokuho',
      month: '2024-13',
      under70Category: 'u',
      members: [
        member('a', ADULT, [bill('X', 'inpatient', -1, 5), bill('Y', 'inpatient', 10, 20)]),
      ],
    });
    expect(outcome.ok).toBe(false);
    if (!outcome.ok && outcome.error.code === 'invalid-request') {
      const messages = outcome.error.issues.map((i) => i.message);
      expect(messages).toEqual(
        expect.arrayContaining([
          'errors.monthFormat',
          'errors.negativeAmount',
          'errors.copayAboveCost',
        ]),
      );
    }
  });

  it('rejects 後期 for someone under 75 without a disability certificate, and 国保 for someone 75+', () => {
    const koki = calculate({
      kind: 'high-cost',
      scheme: 'koki',
      month: '2024-10',
      from70Category: 'general',
      members: [member('a', SEVENTY_TWO, [])],
    });
    expect(koki).toMatchObject({
      ok: false,
      error: { issues: [{ message: 'errors.tooYoungForKoki' }] },
    });
    const kokuho = calculate({
      kind: 'high-cost',
      scheme: 'kokuho',
      month: '2024-10',
      from70Category: 'general',
      members: [member('a', KOKI_AGE, [])],
    });
    expect(kokuho).toMatchObject({
      ok: false,
      error: { issues: [{ message: 'errors.tooOldForKokuho' }] },
    });
  });

  it('rejects 一般Ⅱ in 国保', () => {
    const outcome = calculate({
      kind: 'high-cost',
      scheme: 'kokuho',
      month: '2024-10',
      from70Category: 'general-ii',
      members: [member('a', SEVENTY_TWO, [])],
    });
    expect(outcome).toMatchObject({
      ok: false,
      error: { issues: [{ message: 'errors.generalIiOnlyInKoki' }] },
    });
  });
});
