import type { i18n } from 'i18next';
import { useEffect, useState } from 'preact/hooks';
import {
  clearHouseholds,
  deleteHousehold,
  listHouseholds,
  saveHousehold,
  type SavedHousehold,
} from '../../households';
import type { FormState } from './form-model';

interface Props {
  i18n: i18n;
  state: FormState;
  onLoad: (state: FormState) => void;
}

/** Named households kept on this device, to come back to; one button removes them all. */
export function HouseholdPanel({ i18n, state, onLoad }: Props) {
  const t = i18n.t.bind(i18n);
  const [saved, setSaved] = useState<SavedHousehold[]>([]);
  const [name, setName] = useState('');
  const [status, setStatus] = useState('');
  useEffect(() => {
    void listHouseholds().then(setSaved);
  }, []);

  async function onSave(event: Event) {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) {
      setStatus(t('ui:popup.households.nameNeeded'));
      return;
    }
    try {
      setSaved(
        await saveHousehold({
          name: trimmed,
          kind: state.kind,
          values: state.values,
          counts: state.counts,
          savedAt: new Date().toISOString(),
        }),
      );
      setStatus(t('ui:popup.households.saved', { name: trimmed }));
    } catch {
      setStatus(t('ui:popup.households.saveFailed'));
    }
  }

  return (
    <details class="panel" id="households">
      <summary>{t('ui:popup.households.heading')}</summary>
      <p class="help">{t('ui:popup.households.intro')}</p>
      <form class="inline-form" onSubmit={onSave}>
        <label for="household-name">{t('ui:popup.households.name')}</label>
        <input
          id="household-name"
          maxLength={60}
          autocomplete="off"
          value={name}
          onInput={(e) => setName((e.currentTarget as HTMLInputElement).value)}
        />
        <button type="submit" class="secondary" id="save-household">
          {t('ui:popup.households.save')}
        </button>
      </form>
      {saved.length > 0 ? (
        <ul class="saved-list">
          {saved.map((household) => (
            <li key={household.name}>
              <span>
                {household.name}{' '}
                <span class="source-meta">({t(`ui:popup.kinds.${household.kind}.name`)})</span>
              </span>
              <button
                type="button"
                class="secondary"
                onClick={() => {
                  onLoad({
                    kind: household.kind,
                    values: household.values,
                    counts: household.counts,
                  });
                  setStatus(t('ui:popup.households.loaded', { name: household.name }));
                }}
              >
                {t('ui:popup.households.load', { name: household.name })}
              </button>
              <button
                type="button"
                class="secondary"
                onClick={async () => setSaved(await deleteHousehold(household.name))}
              >
                {t('ui:popup.households.delete', { name: household.name })}
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p class="help">{t('ui:popup.households.none')}</p>
      )}
      <button
        type="button"
        class="danger"
        id="clear-households"
        disabled={saved.length === 0}
        onClick={async () => {
          await clearHouseholds();
          setSaved([]);
          setStatus(t('ui:popup.households.cleared'));
        }}
      >
        {t('ui:popup.households.clearAll')}
      </button>
      <p class="status" role="status">
        {status}
      </p>
    </details>
  );
}
