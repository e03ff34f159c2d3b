import { render } from 'preact';
import '../../src/ui/faces.css';
import { setUpFace } from '../../src/ui/face-setup';
import { OptionsApp } from '../../src/ui/options/OptionsApp';

async function start(focus?: string, messageKey?: string) {
  const root = document.getElementById('app')!;
  const face = await setUpFace(document, ['ui']);
  document.title = face.i18n.t('options.title');
  render(null, root);
  render(
    <OptionsApp
      i18n={face.i18n}
      settings={face.settings}
      recovered={face.recovered}
      restart={(nextFocus, nextMessage) => void start(nextFocus, nextMessage)}
      initialStatus={messageKey}
    />,
    root,
  );
  if (focus) document.getElementById(focus)?.focus();
}

void start();
