import { defineBackground } from 'wxt/utils/define-background';
import { z } from 'zod';
import { createBackgroundHandlers } from '../src/background-handlers';
import { registerHandlers } from '../src/message-handlers';
import { registerPageActivation } from '../src/page/activation';

export default defineBackground(() => {
  // MV3 forbids eval; zod must not try to compile validators with `new Function`.
  z.config({ jitless: true });
  registerHandlers(createBackgroundHandlers());
  registerPageActivation();
});
