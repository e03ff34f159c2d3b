import { render } from 'preact';
import { setUpFace } from '../../src/ui/face-setup';
import { readPopupStart } from '../../src/ui/popup/page-preselect';
import { PopupApp } from '../../src/ui/popup/PopupApp';

async function start() {
  const [{ i18n, language }, popupStart] = await Promise.all([
    setUpFace(document, ['ui', 'calc']),
    readPopupStart(),
  ]);
  document.title = i18n.t('popup.title');
  render(
    <PopupApp i18n={i18n} language={language} start={popupStart} />,
    document.getElementById('app')!,
  );
}

void start();
