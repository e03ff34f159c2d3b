import type { i18n } from 'i18next';
import { useMemo, useState } from 'preact/hooks';
import { calculate, type Calculation, type CalcOutcome, type KokiPremiumResult } from '../../calc';
import { legalAge } from '../../calc/dates';
import type { LanguageCode } from '../../i18n/languages';
import { shippedRules } from '../../rules';
import { StepList } from '../StepList';
import { parseYenInput } from './parse-input';

interface Props {
  i18n: i18n;
  language: LanguageCode;
}

type FieldErrors = Partial<Record<'birthDate' | 'pension' | 'other', string>>;

function kokiRegions(): Map<string, number[]> {
  const regions = new Map<string, number[]>();
  for (const rule of shippedRules().rules) {
    if (rule.kind !== 'premium' || rule.scheme !== 'koki') continue;
    const years = regions.get(rule.region) ?? [];
    years.push(Number(rule.validFrom.slice(0, 4)));
    regions.set(
      rule.region,
      years.sort((a, b) => a - b),
    );
  }
  return regions;
}

/** The toolbar popup: the 後期高齢者医療 premium for one person. */
export function PopupApp({ i18n, language }: Props) {
  const t = i18n.t.bind(i18n);
  const regions = useMemo(kokiRegions, []);
  const regionIds = [...regions.keys()];
  const [region, setRegion] = useState(
    regionIds.includes('fukuoka') ? 'fukuoka' : (regionIds[0] ?? ''),
  );
  const years = regions.get(region) ?? [];
  const [fiscalYear, setFiscalYear] = useState(years[0] ?? 2024);
  const [birthDate, setBirthDate] = useState('');
  const [pension, setPension] = useState('');
  const [other, setOther] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [outcome, setOutcome] = useState<CalcOutcome | undefined>();

  function onSubmit(event: Event) {
    event.preventDefault();
    const nextErrors: FieldErrors = {};
    const pensionValue = parseYenInput(pension);
    const otherValue = parseYenInput(other);
    if (!pensionValue.ok) nextErrors.pension = pensionValue.error;
    if (!otherValue.ok) nextErrors.other = otherValue.error;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(birthDate)) {
      nextErrors.birthDate = 'errors.invalidDate';
    } else {
      const age = legalAge(birthDate, `${fiscalYear}-04-01`);
      if (age < 0 || age >= 130) nextErrors.birthDate = 'errors.ageOutOfRange';
    }
    setErrors(nextErrors);
    if (Object.keys(nextErrors).length > 0 || !pensionValue.ok || !otherValue.ok) {
      setOutcome(undefined);
      return;
    }
    setOutcome(
      calculate({
        kind: 'koki-premium',
        region,
        fiscalYear,
        members: [
          {
            id: 'self',
            birthDate,
            insured: true,
            householdHead: true,
            income: { publicPension: pensionValue.value, salary: 0, other: otherValue.value },
          },
        ],
      }),
    );
  }

  const fieldError = (name: keyof FieldErrors) =>
    errors[name] ? (
      <p class="field-error" id={`${name}-error`} role="alert">
        {t(errors[name])}
      </p>
    ) : null;

  return (
    <main class="popup">
      <h1 class="title">{t('popup.title')}</h1>
      <form class="calc-form" onSubmit={onSubmit} noValidate>
        <h2>{t('popup.kokiPremium.heading')}</h2>
        <p class="intro">{t('popup.kokiPremium.intro')}</p>
        <label for="region">{t('popup.region')}</label>
        <select
          id="region"
          value={region}
          onChange={(e) => {
            const next = (e.currentTarget as HTMLSelectElement).value;
            setRegion(next);
            setFiscalYear(regions.get(next)?.[0] ?? fiscalYear);
          }}
        >
          {regionIds.map((id) => (
            <option value={id} key={id}>
              {t(`regions.${id}`, { defaultValue: id })}
            </option>
          ))}
        </select>
        <label for="fiscal-year">{t('popup.fiscalYear')}</label>
        <select
          id="fiscal-year"
          value={String(fiscalYear)}
          onChange={(e) => setFiscalYear(Number((e.currentTarget as HTMLSelectElement).value))}
        >
          {years.map((year) => (
            <option value={String(year)} key={year}>
              {t('popup.fiscalYearOption', { year, next: year + 1 })}
            </option>
          ))}
        </select>
        <label for="birth-date">{t('popup.birthDate')}</label>
        <input
          id="birth-date"
          type="date"
          value={birthDate}
          aria-invalid={errors.birthDate ? 'true' : undefined}
          aria-describedby={errors.birthDate ? 'birthDate-error' : undefined}
          onInput={(e) => setBirthDate((e.currentTarget as HTMLInputElement).value)}
        />
        {fieldError('birthDate')}
        <label for="pension">{t('popup.pension')}</label>
        <input
          id="pension"
          inputMode="numeric"
          autocomplete="off"
          value={pension}
          aria-invalid={errors.pension ? 'true' : undefined}
          aria-describedby={errors.pension ? 'pension-help pension-error' : 'pension-help'}
          onInput={(e) => setPension((e.currentTarget as HTMLInputElement).value)}
        />
        <p class="help" id="pension-help">
          {t('popup.pensionHelp')}
        </p>
        {fieldError('pension')}
        <label for="other">{t('popup.other')}</label>
        <input
          id="other"
          inputMode="numeric"
          autocomplete="off"
          value={other}
          aria-invalid={errors.other ? 'true' : undefined}
          aria-describedby={errors.other ? 'other-error' : undefined}
          onInput={(e) => setOther((e.currentTarget as HTMLInputElement).value)}
        />
        {fieldError('other')}
        <button type="submit" class="primary">
          {t('popup.calculate')}
        </button>
      </form>
      <Outcome
        outcome={outcome}
        i18n={i18n}
        region={region}
        fiscalYear={fiscalYear}
        language={language}
      />
    </main>
  );
}

function Outcome({
  outcome,
  i18n,
  region,
  fiscalYear,
}: {
  outcome: CalcOutcome | undefined;
  i18n: i18n;
  region: string;
  fiscalYear: number;
  language: LanguageCode;
}) {
  const t = i18n.t.bind(i18n);
  if (!outcome) return null;
  if (!outcome.ok) {
    const message =
      outcome.error.code === 'no-rule'
        ? t('popup.noRule', {
            region: t(`regions.${region}`, { defaultValue: region }),
            year: fiscalYear,
          })
        : t('popup.fixErrors');
    return (
      <section class="result error" role="alert">
        <p>{message}</p>
      </section>
    );
  }
  const calculation = outcome.calculation as Calculation<KokiPremiumResult>;
  return (
    <section class="result" aria-live="polite" aria-labelledby="result-heading">
      <h2 id="result-heading">{t('popup.result')}</h2>
      <p class="total" data-testid="total">
        {t('popup.perYear', { amount: calculation.result.total })}
      </p>
      {calculation.warnings.length > 0 ? (
        <div class="warnings">
          <h3>{t('popup.warnings')}</h3>
          <ul>
            {calculation.warnings.map((w) => (
              <li key={w.key}>{t(`calc:${w.key}`, w.values ?? {})}</li>
            ))}
          </ul>
        </div>
      ) : null}
      <h3>{t('popup.steps')}</h3>
      <StepList steps={calculation.steps} i18n={i18n} />
      <h3>{t('popup.sources')}</h3>
      <ul class="sources">
        {calculation.sources.map((source) => (
          <li key={source.url}>
            <a href={source.url} target="_blank" rel="noreferrer noopener">
              {source.title}
            </a>{' '}
            <span class="source-meta">
              ({t(`popup.sourceStatus.${source.status}`)},{' '}
              {t('popup.checked', { date: source.checked })})
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
