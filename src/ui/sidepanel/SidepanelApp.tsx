import type { i18n } from 'i18next';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { LanguageCode } from '../../i18n/languages';
import type { Settings } from '../../settings';
import {
  explainRequestItem,
  readExplainRequest,
  type ExplainRequest,
} from '../explain/explain-request';
import { ExplainView } from '../explain/ExplainView';
import { PageTerms } from './PageTerms';

interface Props {
  i18n: i18n;
  language: LanguageCode;
  settings: Settings;
  recovered: boolean;
}

type View = 'page' | 'explain';
const VIEWS: readonly View[] = ['page', 'explain'];

/**
 * The side panel: the terms on the current page (for volunteers helping someone read it) and
 * "Explain a text" for text that is not on a page. Text sent from the context menu opens the
 * second view with it.
 */
export function SidepanelApp({ i18n, language, settings, recovered }: Props) {
  const t = i18n.t.bind(i18n);
  const [view, setView] = useState<View>('page');
  const [request, setRequest] = useState<ExplainRequest | undefined>();
  const tabs = useRef<Record<View, HTMLButtonElement | null>>({ page: null, explain: null });

  useEffect(() => {
    const take = (next: ExplainRequest | undefined) => {
      if (!next) return;
      setRequest(next);
      setView('explain');
    };
    void readExplainRequest().then(take);
    return explainRequestItem.watch(() => void readExplainRequest().then(take));
  }, []);

  // Tabs pattern: arrow keys move between tabs, only the selected tab is in the Tab order.
  function onTabKey(event: KeyboardEvent) {
    const index = VIEWS.indexOf(view);
    let next: View | undefined;
    if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
      const step = event.key === 'ArrowRight' ? 1 : -1;
      const direction = document.documentElement.dir === 'rtl' ? -step : step;
      next = VIEWS[(index + direction + VIEWS.length) % VIEWS.length];
    } else if (event.key === 'Home') next = VIEWS[0];
    else if (event.key === 'End') next = VIEWS.at(-1);
    if (!next) return;
    event.preventDefault();
    setView(next);
    tabs.current[next]?.focus();
  }

  return (
    <main class="sidepanel">
      <h1>{t('sidepanel.title')}</h1>
      {recovered ? <p class="notice error">{t('options.recovered')}</p> : null}
      <div role="tablist" aria-label={t('sidepanel.viewsLabel')} onKeyDown={onTabKey}>
        {VIEWS.map((name) => (
          <button
            type="button"
            role="tab"
            id={`tab-${name}`}
            key={name}
            aria-selected={view === name}
            aria-controls={`panel-${name}`}
            tabIndex={view === name ? 0 : -1}
            ref={(element) => {
              tabs.current[name] = element;
            }}
            onClick={() => setView(name)}
          >
            {t(`sidepanel.views.${name}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel" id="panel-page" aria-labelledby="tab-page" hidden={view !== 'page'}>
        <PageTerms i18n={i18n} language={language} settings={settings} />
      </div>
      <div
        role="tabpanel"
        id="panel-explain"
        aria-labelledby="tab-explain"
        hidden={view !== 'explain'}
      >
        <ExplainView
          i18n={i18n}
          language={language}
          settings={settings}
          request={request}
          headingLevel={2}
        />
      </div>
    </main>
  );
}
