import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createBackgroundHandlers } from '../../src/background-handlers';
import { dispatch, requestSchemas, type Handlers } from '../../src/message-handlers';

describe('background message handling', () => {
  let handlers: Handlers;

  beforeEach(() => {
    fakeBrowser.reset();
    handlers = createBackgroundHandlers();
  });

  it('validates every message type of the protocol', () => {
    expect(Object.keys(requestSchemas).sort()).toEqual(Object.keys(handlers).sort());
  });

  it('answers getSettings with the settings and the resolved language', async () => {
    const response = await dispatch('getSettings', undefined, handlers);
    expect(response.ok).toBe(true);
    if (response.ok) {
      expect(response.value.settings.enabled).toBe(true);
      expect(typeof response.value.language).toBe('string');
    }
  });

  it('uses the stored language once one is chosen', async () => {
    const response = await dispatch('updateSettings', { language: 'zh-Hans' }, handlers);
    expect(response).toMatchObject({ ok: true, value: { language: 'zh-Hans' } });
  });

  it.each([
    ['updateSettings', { language: 'klingon' }],
    ['updateSettings', { enabled: 'yes' }],
    ['updateSettings', { unknownField: true }],
    ['getLocaleBundle', { language: 'en' }],
    ['getLocaleBundle', { language: 'en', namespace: '../../etc/passwd' }],
    ['reportError', { where: '', message: 'x' }],
    ['getSettings', { sneaky: true }],
  ] as const)('answers an invalid %s payload %j with a typed error', async (type, payload) => {
    const handler = vi.spyOn(handlers, type);
    const response = await dispatch(type, payload, handlers);
    expect(response.ok).toBe(false);
    if (!response.ok) {
      expect(response.error.code).toBe('invalid-request');
      expect(
        response.error.code === 'invalid-request' && response.error.issues.length,
      ).toBeGreaterThan(0);
    }
    expect(handler).not.toHaveBeenCalled();
  });

  it('returns a locale bundle for a shipped language and not-found for a missing one', async () => {
    const en = await dispatch(
      'getLocaleBundle',
      { language: 'en', namespace: 'glossary' },
      handlers,
    );
    expect(en.ok && 'kintowari' in en.value).toBe(true);
    handlers.getLocaleBundle = async () => {
      throw new (await import('../../src/message-handlers')).NotFoundError('missing');
    };
    const missing = await dispatch(
      'getLocaleBundle',
      { language: 'my', namespace: 'ui' },
      handlers,
    );
    expect(missing).toEqual({ ok: false, error: { code: 'not-found', message: 'missing' } });
  });

  it('turns a handler crash into an internal error instead of throwing', async () => {
    handlers.getSettings = async () => {
      throw new Error('boom');
    };
    expect(await dispatch('getSettings', undefined, handlers)).toEqual({
      ok: false,
      error: { code: 'internal', message: 'boom' },
    });
  });
});
