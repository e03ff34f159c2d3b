import type { TFunction } from 'i18next';
import { useState } from 'preact/hooks';
import { htmlLang, type LanguageCode } from '../../i18n/languages';
import {
  DETAIL_LEVELS,
  FONT_SIZES,
  HIGHLIGHT_STYLES,
  type Settings,
  type SettingsPatch,
} from '../../settings';
import type { LanguageChoice } from '../explain/explanation-languages';
import { siteHost } from './site-pattern';

export interface Shortcut {
  name: string;
  description: string;
  shortcut: string;
}

export interface SiteStatus {
  pattern: string;
  granted: boolean;
}

export interface OptionsFormProps {
  t: TFunction;
  settings: Settings;
  languages: readonly LanguageChoice[];
  /** The language shown when "browser language" is chosen. */
  browserLanguage: LanguageCode;
  sites: readonly SiteStatus[];
  shortcuts: readonly Shortcut[];
  onChange: (patch: SettingsPatch) => void;
  onAddSite: (input: string) => void;
  onGrantSite: (pattern: string) => void;
  onRemoveSite: (pattern: string) => void;
  onOpenShortcuts: () => void;
  onExport: () => void;
  onImport: (file: File) => void;
  onReset: () => void;
}

function RadioGroup<T extends string>(props: {
  name: string;
  legend: string;
  help?: string;
  values: readonly T[];
  value: T;
  label: (value: T) => string;
  onChange: (value: T) => void;
}) {
  const helpId = `${props.name}-help`;
  return (
    <fieldset aria-describedby={props.help ? helpId : undefined}>
      <legend>{props.legend}</legend>
      {props.help ? (
        <p class="help" id={helpId}>
          {props.help}
        </p>
      ) : null}
      {props.values.map((value) => (
        <div class="choice" key={value}>
          <input
            type="radio"
            id={`${props.name}-${value}`}
            name={props.name}
            value={value}
            checked={props.value === value}
            onChange={() => props.onChange(value)}
          />
          <label for={`${props.name}-${value}`}>{props.label(value)}</label>
        </div>
      ))}
    </fieldset>
  );
}

/** Every setting as a form. Pure: the container does storage, permissions and files. */
export function OptionsForm(props: OptionsFormProps) {
  const { t, settings, onChange } = props;
  const [siteInput, setSiteInput] = useState('');
  const [confirmReset, setConfirmReset] = useState(false);

  return (
    <>
      <section aria-labelledby="section-display">
        <h2 id="section-display">{t('options.sections.display')}</h2>
        <div class="field">
          <label for="language">{t('options.language')}</label>
          <select
            id="language"
            value={settings.language ?? ''}
            onChange={(event) => {
              const value = (event.currentTarget as HTMLSelectElement).value;
              onChange({ language: value === '' ? null : (value as LanguageCode) });
            }}
          >
            <option value="">
              {t('options.browserLanguage', {
                language:
                  props.languages.find((l) => l.code === props.browserLanguage)?.nativeName ??
                  props.browserLanguage,
              })}
            </option>
            {props.languages.map((option) => (
              <option value={option.code} key={option.code} lang={htmlLang(option.code)}>
                {option.nativeName}
              </option>
            ))}
          </select>
        </div>
        <RadioGroup
          name="theme"
          legend={t('options.theme')}
          values={['system', 'light', 'dark'] as const}
          value={settings.theme}
          label={(value) => t(`options.themes.${value}`)}
          onChange={(theme) => onChange({ theme })}
        />
        <RadioGroup
          name="font-size"
          legend={t('options.fontSize')}
          help={t('options.fontSizeHelp')}
          values={FONT_SIZES}
          value={settings.fontSize}
          label={(value) => t(`options.fontSizes.${value}`)}
          onChange={(fontSize) => onChange({ fontSize })}
        />
      </section>

      <section aria-labelledby="section-pages">
        <h2 id="section-pages">{t('options.sections.pages')}</h2>
        <div class="choice">
          <input
            type="checkbox"
            id="enabled"
            checked={settings.enabled}
            aria-describedby="enabled-help"
            onChange={(event) =>
              onChange({ enabled: (event.currentTarget as HTMLInputElement).checked })
            }
          />
          <label for="enabled">{t('options.enabled')}</label>
        </div>
        <p class="help" id="enabled-help">
          {t('options.enabledHelp')}
        </p>
        <RadioGroup
          name="highlight-style"
          legend={t('options.highlightStyle')}
          values={HIGHLIGHT_STYLES}
          value={settings.highlightStyle}
          label={(value) => t(`options.highlightStyles.${value}`)}
          onChange={(highlightStyle) => onChange({ highlightStyle })}
        />
        <div class="choice">
          <input
            type="checkbox"
            id="show-readings"
            checked={settings.showReadings}
            aria-describedby="show-readings-help"
            onChange={(event) =>
              onChange({ showReadings: (event.currentTarget as HTMLInputElement).checked })
            }
          />
          <label for="show-readings">{t('options.showReadings')}</label>
        </div>
        <p class="help" id="show-readings-help">
          {t('options.showReadingsHelp')}
        </p>
        <RadioGroup
          name="detail"
          legend={t('options.detail')}
          values={DETAIL_LEVELS}
          value={settings.detail}
          label={(value) => t(`options.details.${value}`)}
          onChange={(detail) => onChange({ detail })}
        />
      </section>

      <section aria-labelledby="section-sites">
        <h2 id="section-sites">{t('options.sections.sites')}</h2>
        <p class="help">{t('options.sitesHelp')}</p>
        {props.sites.length === 0 ? <p class="muted">{t('options.noSites')}</p> : null}
        <ul class="plain" aria-label={t('options.sections.sites')}>
          {props.sites.map((site) => (
            <li class="row" key={site.pattern} data-site={site.pattern}>
              <span>{siteHost(site.pattern)}</span>
              <span class={site.granted ? 'muted' : 'error-text'}>
                {site.granted ? t('options.siteGranted') : t('options.siteNeedsPermission')}
              </span>
              {site.granted ? null : (
                <button type="button" onClick={() => props.onGrantSite(site.pattern)}>
                  {t('options.grantSite', { site: siteHost(site.pattern) })}
                </button>
              )}
              <button
                type="button"
                class="danger"
                aria-label={t('options.removeSite', { site: siteHost(site.pattern) })}
                onClick={() => props.onRemoveSite(site.pattern)}
              >
                {t('options.remove')}
              </button>
            </li>
          ))}
        </ul>
        <form
          class="row"
          onSubmit={(event) => {
            event.preventDefault();
            props.onAddSite(siteInput);
            setSiteInput('');
          }}
        >
          <label for="site-input">{t('options.addSiteLabel')}</label>
          <input
            type="text"
            id="site-input"
            inputMode="url"
            autocomplete="url"
            placeholder="www.city.example.lg.jp"
            value={siteInput}
            onInput={(event) => setSiteInput((event.currentTarget as HTMLInputElement).value)}
          />
          <button type="submit">{t('options.addSite')}</button>
        </form>
      </section>

      <section aria-labelledby="section-shortcuts">
        <h2 id="section-shortcuts">{t('options.sections.shortcuts')}</h2>
        <table>
          <thead>
            <tr>
              <th scope="col">{t('options.shortcutAction')}</th>
              <th scope="col">{t('options.shortcutKeys')}</th>
            </tr>
          </thead>
          <tbody>
            {props.shortcuts.map((item) => (
              <tr key={item.name}>
                <td>{t(`options.commands.${item.name}`, { defaultValue: item.description })}</td>
                <td>
                  {item.shortcut ? (
                    <kbd>{item.shortcut}</kbd>
                  ) : (
                    <span class="muted">{t('options.shortcutNotSet')}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <p>
          <button type="button" onClick={props.onOpenShortcuts}>
            {t('options.changeShortcuts')}
          </button>
        </p>
      </section>

      <section aria-labelledby="section-file">
        <h2 id="section-file">{t('options.sections.file')}</h2>
        <p class="help">{t('options.fileHelp')}</p>
        <div class="row">
          <button type="button" onClick={props.onExport}>
            {t('options.export')}
          </button>
          <label class="file-label" for="import-file">
            {t('options.import')}
          </label>
          <input
            type="file"
            id="import-file"
            accept="application/json,.json"
            onChange={(event) => {
              const input = event.currentTarget as HTMLInputElement;
              const file = input.files?.[0];
              if (file) props.onImport(file);
              input.value = '';
            }}
          />
        </div>
        {confirmReset ? (
          <div class="notice" role="group" aria-labelledby="reset-question">
            <p id="reset-question">{t('options.resetQuestion')}</p>
            <div class="row">
              <button
                type="button"
                class="danger"
                onClick={() => {
                  setConfirmReset(false);
                  props.onReset();
                }}
              >
                {t('options.resetConfirm')}
              </button>
              <button type="button" onClick={() => setConfirmReset(false)} autoFocus>
                {t('options.cancel')}
              </button>
            </div>
          </div>
        ) : (
          <p>
            <button type="button" class="danger" onClick={() => setConfirmReset(true)}>
              {t('options.reset')}
            </button>
          </p>
        )}
      </section>
    </>
  );
}
