import type { i18n } from 'i18next';
import { useState } from 'preact/hooks';
import {
  addCustomRules,
  clearCustomRules,
  exportCustomRules,
  importCustomRules,
  kokuhoRuleFromForm,
  rateFormPlace,
  removeCustomRule,
  type KokuhoRateForm,
  type RuleProblem,
} from '../../custom-rules';
import { ruleFileSchema, type RuleFile } from '../../rules';
import { parseYenInput } from '../popup/parse-input';
import { regionLabel } from './CalcForm';

interface Props {
  i18n: i18n;
  rules: readonly RuleFile[];
  onChange: (rules: RuleFile[]) => void;
}

const PARTS = ['medical', 'support', 'care'] as const;
const PART_FIELDS = ['incomeRatePercent', 'perCapita', 'perHousehold', 'cap'] as const;

type Draft = Record<string, string>;

function describe(i18n: i18n, problem: RuleProblem): string {
  const where =
    problem.index === null
      ? ''
      : i18n.t('ui:popup.custom.ruleNumber', { n: problem.index + 1 }) +
        (problem.path ? ` › ${problem.path}` : '') +
        ': ';
  return `${where}${problem.message}`;
}

/** Saves the stored rules as a file through a temporary download link. */
async function downloadCustomRules() {
  const blob = new Blob([await exportCustomRules()], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = 'hokenlens-rates.json';
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The person's own rates: a form for one municipality's 国保 rates, and JSON import/export. */
export function CustomRulesPanel({ i18n, rules, onChange }: Props) {
  const t = i18n.t.bind(i18n);
  const [draft, setDraft] = useState<Draft>({ levyType: 'premium' });
  const [problems, setProblems] = useState<string[]>([]);
  const [status, setStatus] = useState('');
  const set = (name: string, value: string) => setDraft({ ...draft, [name]: value });

  async function onSaveForm(event: Event) {
    event.preventDefault();
    const found: string[] = [];
    const yen = (name: string) => {
      const parsed = parseYenInput(draft[name] ?? '', { required: true });
      if (!parsed.ok)
        found.push(
          `${t(`ui:popup.custom.fields.${name.split('.')[1]}`)} (${t(`ui:popup.results.part.${name.split('.')[0]}`)}): ${t(`ui:${parsed.error}`)}`,
        );
      return parsed.ok ? parsed.value : Number.NaN;
    };
    const form: KokuhoRateForm = {
      region: (draft.region ?? '').trim(),
      fiscalYear: Number(draft.fiscalYear),
      levyType: draft.levyType === 'tax' ? 'tax' : 'premium',
      parts: Object.fromEntries(
        PARTS.map((part) => [
          part,
          {
            incomeRatePercent: draft[`${part}.incomeRatePercent`] ?? '',
            perCapita: yen(`${part}.perCapita`),
            perHousehold: yen(`${part}.perHousehold`),
            cap: yen(`${part}.cap`),
          },
        ]),
      ) as KokuhoRateForm['parts'],
      sourceUrl: (draft.sourceUrl ?? '').trim(),
      sourceTitle: (draft.sourceTitle ?? '').trim(),
      checked: new Date().toISOString().slice(0, 10),
    };
    const parsed = ruleFileSchema.safeParse(kokuhoRuleFromForm(form));
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const place = rateFormPlace(issue.path.map(String));
        found.push(
          place
            ? `${t(`ui:popup.custom.fields.${place.field}`)}${place.part ? ` (${t(`ui:popup.results.part.${place.part}`)})` : ''}: ${t(`ui:popup.custom.issues.${place.issue}`)}`
            : `${issue.path.join(' › ')}: ${issue.message}`,
        );
      }
    }
    if (found.length > 0 || !parsed.success) {
      setProblems([...new Set(found)]);
      setStatus(t('ui:popup.custom.notSaved'));
      return;
    }
    const outcome = await addCustomRules([parsed.data]);
    if (outcome.ok) {
      onChange(outcome.rules);
      setProblems([]);
      setStatus(t('ui:popup.custom.savedRule', { region: form.region, year: form.fiscalYear }));
    }
  }

  async function onImport(event: Event) {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    const outcome = await importCustomRules(await file.text());
    input.value = '';
    if (!outcome.ok) {
      setProblems(outcome.problems.map((problem) => describe(i18n, problem)));
      setStatus(t('ui:popup.custom.importRejected', { file: file.name }));
      return;
    }
    onChange(outcome.rules);
    setProblems([]);
    setStatus(t('ui:popup.custom.imported', { count: outcome.added, file: file.name }));
  }

  const text = (name: string, extra: Record<string, unknown> = {}) => ({
    id: `custom-${name.replace('.', '-')}`,
    value: draft[name] ?? '',
    autocomplete: 'off',
    onInput: (e: Event) => set(name, (e.currentTarget as HTMLInputElement).value),
    ...extra,
  });

  return (
    <details class="panel" id="custom-rates">
      <summary>{t('ui:popup.custom.heading')}</summary>
      <p class="help">{t('ui:popup.custom.intro')}</p>
      <form class="custom-form" onSubmit={onSaveForm} noValidate>
        <h3>{t('ui:popup.custom.formHeading')}</h3>
        <label for="custom-region">{t('ui:popup.custom.fields.region')}</label>
        <input {...text('region', { placeholder: 'tokyo/setagaya' })} />
        <p class="help">{t('ui:popup.custom.help.region')}</p>
        <label for="custom-fiscalYear">{t('ui:popup.custom.fields.fiscalYear')}</label>
        <input {...text('fiscalYear', { inputMode: 'numeric', placeholder: '2025' })} />
        <label for="custom-levyType">{t('ui:popup.custom.fields.levyType')}</label>
        <select
          id="custom-levyType"
          value={draft.levyType}
          onChange={(e) => set('levyType', (e.currentTarget as HTMLSelectElement).value)}
        >
          <option value="premium">{t('ui:popup.custom.levy.premium')}</option>
          <option value="tax">{t('ui:popup.custom.levy.tax')}</option>
        </select>
        {PARTS.map((part) => (
          <fieldset key={part} class="item">
            <legend>{t(`ui:popup.results.part.${part}`)}</legend>
            {PART_FIELDS.map((field) => (
              <div class="field" key={field}>
                <label for={`custom-${part}-${field}`}>
                  {t(`ui:popup.custom.fields.${field}`)}
                </label>
                <input
                  {...text(`${part}.${field}`, {
                    inputMode: field === 'incomeRatePercent' ? 'decimal' : 'numeric',
                  })}
                />
              </div>
            ))}
          </fieldset>
        ))}
        <label for="custom-sourceUrl">{t('ui:popup.custom.fields.sourceUrl')}</label>
        <input {...text('sourceUrl', { type: 'url', placeholder: 'https://' })} />
        <label for="custom-sourceTitle">{t('ui:popup.custom.fields.sourceTitle')}</label>
        <input {...text('sourceTitle')} />
        <button type="submit" class="secondary" id="save-custom-rule">
          {t('ui:popup.custom.save')}
        </button>
      </form>
      <h3>{t('ui:popup.custom.fileHeading')}</h3>
      <label for="custom-rules-file">{t('ui:popup.custom.import')}</label>
      <input
        id="custom-rules-file"
        type="file"
        accept="application/json,.json"
        onChange={onImport}
      />
      <p class="help">{t('ui:popup.custom.importHelp')}</p>
      <p class="status" role="status" id="custom-rules-status">
        {status}
      </p>
      {problems.length > 0 ? (
        <ul class="field-error problems" id="custom-rules-problems">
          {problems.slice(0, 20).map((problem, index) => (
            <li key={index}>{problem}</li>
          ))}
        </ul>
      ) : null}
      {rules.length > 0 ? (
        <>
          <ul class="saved-list" id="custom-rules-list">
            {rules.map((rule) => (
              <li key={rule.id}>
                <span>
                  {regionLabel(i18n, rule.region)} · {rule.validFrom} – {rule.validTo}{' '}
                  <span class="source-meta">({rule.kind})</span>
                </span>
                <button
                  type="button"
                  class="secondary"
                  onClick={async () => onChange(await removeCustomRule(rule.id))}
                >
                  {t('ui:popup.custom.remove', { id: rule.id })}
                </button>
              </li>
            ))}
          </ul>
          <button
            type="button"
            class="secondary"
            id="export-custom-rules"
            onClick={downloadCustomRules}
          >
            {t('ui:popup.custom.export')}
          </button>{' '}
          <button
            type="button"
            class="danger"
            onClick={async () => {
              await clearCustomRules();
              onChange([]);
              setStatus(t('ui:popup.custom.cleared'));
            }}
          >
            {t('ui:popup.custom.clearAll')}
          </button>
        </>
      ) : (
        <p class="help">{t('ui:popup.custom.none')}</p>
      )}
    </details>
  );
}
