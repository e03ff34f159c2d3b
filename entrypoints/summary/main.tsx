import { render } from 'preact';
import { calculate } from '../../src/calc';
import { readCustomRules, withCustomRules } from '../../src/custom-rules';
import { readPrintRequest } from '../../src/ui/calc/print-summary';
import { PrintSummary } from '../../src/ui/calc/PrintSummary';
import { setUpFace } from '../../src/ui/face-setup';
import { i18nFor } from '../../src/ui/calc/i18n-cache';

async function start() {
  const face = await setUpFace(document, ['ui', 'calc']);
  const app = document.getElementById('app')!;
  const printRequest = await readPrintRequest();
  if (!printRequest) {
    app.textContent = face.i18n.t('popup.print.nothing');
    return;
  }
  const reader = printRequest.language;
  const second = reader === 'ja' || reader === 'ja-easy' ? 'en' : 'ja';
  const [readerI18n, secondI18n] = await Promise.all([i18nFor(reader), i18nFor(second)]);
  const rules = withCustomRules(await readCustomRules());
  const outcome = calculate(printRequest.request, rules);
  document.title = `${readerI18n.t(`popup.kinds.${printRequest.kind}.name`)} — HokenLens`;
  render(
    <PrintSummary
      kind={printRequest.kind}
      request={printRequest.request}
      outcome={outcome}
      columns={[
        { language: reader, i18n: readerI18n },
        { language: second, i18n: secondI18n },
      ]}
      date={new Date(printRequest.at).toISOString().slice(0, 10)}
    />,
    app,
  );
}

void start();
