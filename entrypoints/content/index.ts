import { ContentController } from '@/utils/content/controller';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  main(ctx) {
    const controller = new ContentController(document);
    ctx.onInvalidated(() => controller.stop());
    controller.start().catch((error) => console.error('[duet] could not start', error));
  },
});
