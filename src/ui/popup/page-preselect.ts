import { browser } from 'wxt/browser';
import { calcIntentItem, readCalcIntent } from '../../page/calc-intent';
import { sendPageMessage } from '../../page/protocol';
import { isCalcKind, type CalcKind } from '../calc/spec';
import type { Preselection } from '../calc/form-model';

export interface PopupStart extends Preselection {
  /** The calculator a term's popover asked for ("open the calculator for this term"). */
  kind?: CalcKind;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  return Promise.race([
    promise,
    new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), ms)),
  ]);
}

/**
 * What the popup opens with: a recent "open the calculator for this term" intent (used once, then
 * cleared), else the region and scheme the page layer detected on the active tab. Never blocks
 * the popup for long and never fails: on any problem it starts with no preselection.
 */
export async function readPopupStart(): Promise<PopupStart> {
  try {
    const intent = await readCalcIntent();
    if (intent) {
      await calcIntentItem.setValue(null);
      return {
        ...(isCalcKind(intent.calc) ? { kind: intent.calc } : {}),
        ...(intent.region ? { region: intent.region } : {}),
        ...(intent.scheme ? { scheme: intent.scheme } : {}),
      };
    }
  } catch {
    // No session storage (an old browser): fall through to the page.
  }
  try {
    const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
    if (tab?.id === undefined || !/^https?:/.test(tab.url ?? 'https:')) return {};
    const summary = await withTimeout(
      sendPageMessage('getPageSummary', undefined, { tabId: tab.id, frameId: 0 }),
      400,
    );
    if (!summary) return {};
    return {
      ...(summary.region ? { region: summary.region.region } : {}),
      ...(summary.scheme ? { scheme: summary.scheme } : {}),
      ...(summary.scheme === 'koki' ? { kind: 'koki-premium' as const } : {}),
      ...(summary.scheme === 'kokuho' ? { kind: 'kokuho-premium' as const } : {}),
    };
  } catch {
    return {};
  }
}
