import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { calcIntentItem } from '../../src/page/calc-intent';
import { futureNotes } from '../../src/ui/calc/form-model';
import { readPopupStart } from '../../src/ui/popup/page-preselect';

describe('popup start: what the popup opens with', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it("opens the calculator a term asked for, with the page's region and scheme, and uses the intent once", async () => {
    await calcIntentItem.setValue({
      calc: 'kokuho-premium',
      termId: 'kokuho-hokenryo',
      region: 'fukuoka/fukuoka',
      scheme: 'kokuho',
      url: 'https://www.city.fukuoka.lg.jp/',
      at: Date.now(),
    });
    expect(await readPopupStart()).toEqual({
      kind: 'kokuho-premium',
      region: 'fukuoka/fukuoka',
      scheme: 'kokuho',
    });
    expect(await calcIntentItem.getValue()).toBeNull();
  });

  it('ignores an intent older than ten minutes and an unknown calculator id', async () => {
    await calcIntentItem.setValue({
      calc: 'kokuho-premium',
      termId: 't',
      url: 'https://example.jp/',
      at: Date.now() - 11 * 60 * 1000,
    });
    expect(await readPopupStart()).toEqual({});
    await calcIntentItem.setValue({
      calc: 'lottery',
      termId: 't',
      url: 'https://example.jp/',
      at: Date.now(),
    });
    expect(await readPopupStart()).toEqual({});
  });

  it('starts with nothing preselected when there is no intent and no page to ask', async () => {
    expect(await readPopupStart()).toEqual({});
  });
});

describe('popup notes on periods that have not begun', () => {
  it('notes a fiscal year that starts after today, and says nothing for one under way', () => {
    expect(futureNotes({ fiscalYear: 2027 }, '2026-11-24')).toEqual([
      { key: 'ui:popup.futurePeriod', values: { date: '2027-04-01' } },
    ]);
    expect(futureNotes({ fiscalYear: 2026 }, '2026-11-24')).toEqual([]);
  });

  it('notes a month of care or a hospital stay in the future', () => {
    expect(futureNotes({ month: '2026-12' }, '2026-11-24')).toHaveLength(1);
    expect(futureNotes({ admission: '2026-11-23' }, '2026-11-24')).toEqual([]);
  });
});

describe('stored calculator intent', () => {
  it('ignores a malformed stored intent instead of trusting it', async () => {
    const { readCalcIntent } = await import('../../src/page/calc-intent');
    await calcIntentItem.setValue({ calc: 42, termId: '', url: 'x', at: Date.now() } as never);
    expect(await readCalcIntent()).toBeNull();
    await calcIntentItem.setValue({
      calc: 'koki-premium',
      termId: 'kintowari',
      region: 'fukuoka',
      scheme: 'koki',
      url: 'https://www.city.fukuoka.lg.jp/',
      at: Date.now(),
    });
    expect((await readCalcIntent())?.calc).toBe('koki-premium');
  });
});
