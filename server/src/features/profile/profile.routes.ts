import { ZIdParams, ZProfile, ZProfileQuery } from '@zhoubao/contracts';
import type { AppContext } from '../../context';
import type { App } from '../../lib/app-types';
import { actorOf } from '../../lib/http';
import * as service from './profile.service';

const tags = ['profile'];

/** The living file (数字人事活档案). */
export async function profileRoutes(app: App, ctx: AppContext) {
  app.get(
    '/users/:id/profile',
    { schema: { tags, params: ZIdParams, querystring: ZProfileQuery, response: { 200: ZProfile } } },
    async (request) => service.getProfile(ctx, actorOf(request), request.params.id, request.query),
  );
}
