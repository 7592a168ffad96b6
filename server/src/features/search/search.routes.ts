import { ZSearchHit, ZSearchQuery, zPage } from '@zhoubao/contracts';
import type { AppContext } from '../../context';
import type { App } from '../../lib/app-types';
import { actorOf } from '../../lib/http';
import { indexLooksMissing } from './search.repository';
import * as service from './search.service';
import { loadSegmenter } from './search.tokens';

const tags = ['search'];

/** Chinese full-text search over what the caller may read. */
export async function searchRoutes(app: App, ctx: AppContext) {
  // About 200 ms once per process, better spent at start-up than on someone's first save.
  loadSegmenter();
  if (await indexLooksMissing(ctx.db)) {
    ctx.log.warn('the search index is empty but there are reports: run `npm run search:rebuild` to index them');
  }
  app.get('/search', { schema: { tags, querystring: ZSearchQuery, response: { 200: zPage(ZSearchHit) } } }, async (request) =>
    service.search(ctx, actorOf(request), request.query),
  );
}
