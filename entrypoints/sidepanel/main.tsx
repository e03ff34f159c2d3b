import { render } from 'preact';
import '../../src/ui/faces.css';
import { setUpFace } from '../../src/ui/face-setup';
import { SidepanelApp } from '../../src/ui/sidepanel/SidepanelApp';

async function start() {
  const face = await setUpFace(document, ['ui', 'glossary']);
  document.title = face.i18n.t('sidepanel.title');
  render(
    <SidepanelApp
      i18n={face.i18n}
      language={face.language}
      settings={face.settings}
      recovered={face.recovered}
    />,
    document.getElementById('app')!,
  );
}

void start();
