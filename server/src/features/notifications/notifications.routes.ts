import { ZMarkNotificationsReadRequest, ZNotificationsPage, ZNotificationsQuery } from '@zhoubao/contracts';
import type { AppContext } from '../../context';
import type { App } from '../../lib/app-types';
import { actorOf } from '../../lib/http';
import * as service from './notifications.service';

const tags = ['notifications'];

/** The caller's notification inbox. */
export async function notificationRoutes(app: App, ctx: AppContext) {
  app.get(
    '/me/notifications',
    { schema: { tags, querystring: ZNotificationsQuery, response: { 200: ZNotificationsPage } } },
    async (request) => service.listNotifications(ctx, actorOf(request), request.query),
  );

  app.post('/me/notifications/read', { schema: { tags, body: ZMarkNotificationsReadRequest } }, async (request, reply) => {
    await service.markNotificationsRead(ctx, actorOf(request), request.body);
    return reply.code(204).send();
  });
}
