import { render } from 'preact';
import '../../src/ui/faces.css';
import { readExplainRequest } from '../../src/ui/explain/explain-request';
import { ExplainPage } from '../../src/ui/explain/ExplainPage';
import { setUpFace } from '../../src/ui/face-setup';

/** The "Explain a text" page: opened by the context menu where there is no side panel. */
async function start() {
  const face = await setUpFace(document, ['ui', 'glossary']);
  document.title = face.i18n.t('explain.title');
  render(
    <ExplainPage
      i18n={face.i18n}
      language={face.language}
      settings={face.settings}
      initialRequest={await readExplainRequest()}
    />,
    document.getElementById('app')!,
  );
}

void start();
