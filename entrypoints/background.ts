import { defineBackground } from 'wxt/utils/define-background';
import { z } from 'zod';
import { createBackgroundHandlers } from '../src/background-handlers';
import { registerHandlers } from '../src/message-handlers';
import { registerPageActivation } from '../src/page/activation';
import { explainSelection, registerExplainMenu } from '../src/ui/explain/context-menu';

export default defineBackground(() => {
  // MV3 forbids eval; zod must not try to compile validators with `new Function`.
  z.config({ jitless: true });
  registerHandlers(createBackgroundHandlers());
  registerPageActivation();
  registerExplainMenu();
  if (import.meta.env.MODE === 'e2e') {
    // Browser tests cannot click a native context menu; they call its handler through here.
    Object.assign(globalThis, { hokenlensExplainSelection: explainSelection });
  }
});
