import { ZNotificationPreferences, ZUpdateNotificationPreferencesRequest } from '@zhoubao/contracts';
import type { AppContext } from '../../context';
import type { App } from '../../lib/app-types';
import { actorOf } from '../../lib/http';
import * as service from './preferences.service';

const tags = ['notifications'];

/** The caller's own choice of channels per notification type. */
export async function preferenceRoutes(app: App, ctx: AppContext) {
  app.get('/me/notification-preferences', { schema: { tags, response: { 200: ZNotificationPreferences } } }, async (request) =>
    service.getMyPreferences(ctx, actorOf(request)),
  );

  app.put(
    '/me/notification-preferences',
    { schema: { tags, body: ZUpdateNotificationPreferencesRequest, response: { 200: ZNotificationPreferences } } },
    async (request) => service.putMyPreferences(ctx, actorOf(request), request.body),
  );
}
