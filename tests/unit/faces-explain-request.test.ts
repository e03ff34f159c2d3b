import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { updateSettings } from '../../src/settings';
import {
  createExplainMenu,
  EXPLAIN_MENU_ID,
  explainSelection,
} from '../../src/ui/explain/context-menu';
import {
  explainRequestItem,
  MAX_REQUEST_CHARS,
  readExplainRequest,
} from '../../src/ui/explain/explain-request';

describe('Explain with HokenLens: handing the selection over', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('stores the selection and opens the explain page where no side panel can open', async () => {
    const where = await explainSelection('資格確認書を送ります。', 7);
    expect(where).toBe('tab');
    expect((await readExplainRequest())?.text).toBe('資格確認書を送ります。');
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.map((tab) => tab.url)).toContainEqual(expect.stringContaining('/explain.html'));
  });

  it('opens the side panel of the tab when the browser allows it, and no extra tab', async () => {
    const open = vi.spyOn(fakeBrowser.sidePanel, 'open').mockResolvedValue(undefined);
    expect(await explainSelection('均等割', 7)).toBe('sidepanel');
    expect(open).toHaveBeenCalledWith({ tabId: 7 });
    expect((await readExplainRequest())?.text).toBe('均等割');
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.filter((tab) => tab.url?.includes('/explain.html'))).toEqual([]);
  });

  it('keeps at most the first 20,000 characters of a huge selection', async () => {
    await explainSelection('保'.repeat(MAX_REQUEST_CHARS + 500), undefined);
    expect((await readExplainRequest())?.text).toHaveLength(MAX_REQUEST_CHARS);
  });

  it('ignores a request that is stale or malformed', async () => {
    await explainRequestItem.setValue({ text: '均等割', at: 1_000 });
    expect(await readExplainRequest(1_000 + 2 * 60 * 60 * 1000)).toBeUndefined();
    expect(await readExplainRequest(1_000 + 60_000)).toEqual({ text: '均等割', at: 1_000 });
    await fakeBrowser.storage.session.set({ explainRequest: { text: 42, at: 'now' } });
    expect(await readExplainRequest()).toBeUndefined();
  });

  it('creates the menu item on selected text only, titled in the chosen language', async () => {
    await updateSettings({ language: 'ja' });
    vi.spyOn(fakeBrowser.contextMenus, 'remove').mockResolvedValue(undefined);
    const create = vi
      .spyOn(fakeBrowser.contextMenus, 'create')
      .mockImplementation((_properties, callback) => {
        callback?.();
        return EXPLAIN_MENU_ID;
      });
    await createExplainMenu();
    expect(create).toHaveBeenCalledWith(
      { id: EXPLAIN_MENU_ID, title: 'HokenLens で説明', contexts: ['selection'] },
      expect.any(Function),
    );
  });
});
