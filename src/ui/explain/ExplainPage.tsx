import type { i18n } from 'i18next';
import { useEffect, useState } from 'preact/hooks';
import type { LanguageCode } from '../../i18n/languages';
import type { Settings } from '../../settings';
import { explainRequestItem, readExplainRequest, type ExplainRequest } from './explain-request';
import { ExplainView } from './ExplainView';

interface Props {
  i18n: i18n;
  language: LanguageCode;
  settings: Settings;
  initialRequest: ExplainRequest | undefined;
}

/** The explain page; text sent by the context menu while it is open is explained in place. */
export function ExplainPage({ i18n, language, settings, initialRequest }: Props) {
  const [request, setRequest] = useState(initialRequest);
  useEffect(
    () =>
      explainRequestItem.watch(() => {
        void readExplainRequest().then((next) => {
          if (next) setRequest(next);
        });
      }),
    [],
  );
  return (
    <main class="explain-page">
      <ExplainView
        i18n={i18n}
        language={language}
        settings={settings}
        request={request}
        headingLevel={1}
      />
    </main>
  );
}
