import { ContentController } from '@/utils/content/controller';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  // As soon as the document is parsed (DOMContentLoaded), not when Chrome finds the page idle: document_idle
  // waits up to 200 ms more, or until `load` (issue 15). Pages that build their article later are handled
  // by the controller (it looks again at `load`).
  runAt: 'document_end',
  main(ctx) {
    const controller = new ContentController(document);
    ctx.onInvalidated(() => controller.stop());
    controller.start().catch((error) => console.error('[duet] could not start', error));
  },
});
