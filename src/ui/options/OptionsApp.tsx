import type { i18n } from 'i18next';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { resolveLanguage, type LanguageCode } from '../../i18n/languages';
import { SHIPPED_LANGUAGES } from '../../i18n/resources';
import { sendMessage, type SettingsResponse } from '../../messaging';
import { DEFAULT_SETTINGS, type Settings, type SettingsPatch } from '../../settings';
import { exportSettings, parseSettingsFile, type SettingsImportError } from '../../settings-file';
import { explanationLanguages } from '../explain/explanation-languages';
import { applyAppearance } from '../face-setup';
import { OptionsForm, type Shortcut, type SiteStatus } from './OptionsForm';
import { siteHost, sitePatternFromInput } from './site-pattern';

interface Props {
  i18n: i18n;
  settings: Settings;
  recovered: boolean;
  /** Starts the page again in a new language (after a language change or an import). */
  restart: (focus?: string, messageKey?: string) => void;
  /** Key of a message carried over a restart ("Saved", "Imported"). */
  initialStatus?: string | undefined;
}

interface Status {
  text: string;
  error?: boolean;
}

async function siteStatuses(patterns: readonly string[]): Promise<SiteStatus[]> {
  return Promise.all(
    patterns.map(async (pattern) => ({
      pattern,
      granted: await browser.permissions.contains({ origins: [pattern] }).catch(() => false),
    })),
  );
}

function importErrorText(t: i18n['t'], error: SettingsImportError): string {
  switch (error.code) {
    case 'too-large':
      return t('options.importErrors.tooLarge', { kb: Math.round(error.maxBytes / 1024) });
    case 'not-json':
      return t('options.importErrors.notJson');
    case 'wrong-format':
      return t('options.importErrors.wrongFormat');
    case 'unsupported-version':
      return t('options.importErrors.version', { version: String(error.version) });
    case 'invalid':
      return t('options.importErrors.invalid', {
        fields: error.issues.map((issue) => issue.path || '—').join(', '),
      });
  }
}

/** The browser's own page for changing extension shortcuts (Firefox has an API for it). */
function openShortcuts() {
  const commands = browser.commands as typeof browser.commands & {
    openShortcutSettings?: () => Promise<void>;
  };
  if (commands?.openShortcutSettings) {
    void commands.openShortcutSettings();
    return;
  }
  void browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
}

/** The options page: reads and writes the settings through the background. */
export function OptionsApp({ i18n, settings: initial, recovered, restart, initialStatus }: Props) {
  const t = i18n.t.bind(i18n);
  const [settings, setSettings] = useState(initial);
  const [sites, setSites] = useState<SiteStatus[]>([]);
  const [shortcuts, setShortcuts] = useState<Shortcut[]>([]);
  const [status, setStatus] = useState<Status | undefined>(
    initialStatus ? { text: i18n.t(initialStatus) } : undefined,
  );
  const languages = useMemo(explanationLanguages, []);
  const browserLanguage: LanguageCode = resolveLanguage(
    null,
    [browser.i18n.getUILanguage(), ...navigator.languages],
    SHIPPED_LANGUAGES,
  );

  useEffect(() => {
    void browser.commands
      ?.getAll()
      .then((commands) =>
        setShortcuts(
          commands
            .filter((command) => command.name && !command.name.startsWith('_'))
            .map((command) => ({
              name: command.name ?? '',
              description: command.description ?? '',
              shortcut: command.shortcut ?? '',
            })),
        ),
      )
      .catch(() => setShortcuts([]));
  }, []);

  useEffect(() => {
    void siteStatuses(settings.sites).then(setSites);
  }, [settings.sites]);

  function saved(response: Awaited<ReturnType<typeof sendMessage<'updateSettings'>>>) {
    if (!response.ok) {
      setStatus({ text: t('options.saveFailed'), error: true });
      return undefined;
    }
    return response.value;
  }

  async function change(patch: SettingsPatch) {
    const value = saved(await sendMessage('updateSettings', patch));
    if (!value) return;
    setSettings(value.settings);
    applyAppearance(document, value.settings);
    if ('language' in patch) {
      restart('language', 'options.saved');
      return;
    }
    setStatus({ text: t('options.saved') });
  }

  /** Replaces every setting, then restarts the page (the language may have changed). */
  async function replace(next: Settings, messageKey: string) {
    const value: SettingsResponse | undefined = saved(await sendMessage('replaceSettings', next));
    if (!value) return;
    setSettings(value.settings);
    applyAppearance(document, value.settings);
    restart(undefined, messageKey);
  }

  function addSite(input: string) {
    const pattern = sitePatternFromInput(input);
    if (!pattern) {
      setStatus({ text: t('options.siteInvalid'), error: true });
      return;
    }
    if (settings.sites.includes(pattern)) {
      setStatus({ text: t('options.siteExists', { site: siteHost(pattern) }), error: true });
      return;
    }
    // Asked for at once, inside the click: browsers only show the prompt for a user action.
    void browser.permissions
      .request({ origins: [pattern] })
      .catch(() => false)
      .then(async (granted) => {
        if (!granted) {
          setStatus({ text: t('options.siteDenied', { site: siteHost(pattern) }), error: true });
          return;
        }
        await change({ sites: [...settings.sites, pattern] });
        setStatus({ text: t('options.siteAdded', { site: siteHost(pattern) }) });
      });
  }

  function grantSite(pattern: string) {
    void browser.permissions
      .request({ origins: [pattern] })
      .catch(() => false)
      .then(async (granted) => {
        setSites(await siteStatuses(settings.sites));
        setStatus(
          granted
            ? { text: t('options.siteAdded', { site: siteHost(pattern) }) }
            : { text: t('options.siteDenied', { site: siteHost(pattern) }), error: true },
        );
      });
  }

  async function removeSite(pattern: string) {
    // Give the permission back too: a site the reader removed should not stay readable.
    await browser.permissions.remove({ origins: [pattern] }).catch(() => false);
    await change({ sites: settings.sites.filter((site) => site !== pattern) });
    setStatus({ text: t('options.siteRemoved', { site: siteHost(pattern) }) });
  }

  function exportFile() {
    const blob = new Blob([exportSettings(settings)], { type: 'application/json' });
    const url = URL.createObjectURL(blob);
    const link = document.createElement('a');
    link.href = url;
    link.download = 'hokenlens-settings.json';
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    setStatus({ text: t('options.exported') });
  }

  async function importFile(file: File) {
    const text = await file.text();
    const parsed = parseSettingsFile(text);
    if (!parsed.ok) {
      setStatus({
        text: `${t('options.importRejected')} ${importErrorText(t, parsed.error)}`,
        error: true,
      });
      return;
    }
    await replace(parsed.settings, 'options.imported');
  }

  return (
    <main class="options">
      <h1>{t('options.title')}</h1>
      {recovered ? (
        <p class="notice error" role="alert">
          {t('options.recovered')}
        </p>
      ) : null}
      <p class={`status ${status?.error ? 'error' : 'ok'}`} role="status" aria-live="polite">
        {status?.text ?? ''}
      </p>
      <OptionsForm
        t={t}
        settings={settings}
        languages={languages}
        browserLanguage={browserLanguage}
        sites={sites}
        shortcuts={shortcuts}
        onChange={(patch) => void change(patch)}
        onAddSite={addSite}
        onGrantSite={grantSite}
        onRemoveSite={(pattern) => void removeSite(pattern)}
        onOpenShortcuts={openShortcuts}
        onExport={exportFile}
        onImport={(file) => void importFile(file)}
        onReset={() =>
          void replace({ ...DEFAULT_SETTINGS, sites: settings.sites }, 'options.resetDone')
        }
      />
    </main>
  );
}
