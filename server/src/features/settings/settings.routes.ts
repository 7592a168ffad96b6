import { ZSettings, ZUpdateSettingsRequest } from '@zhoubao/contracts';
import type { AppContext } from '../../context';
import type { App } from '../../lib/app-types';
import { actorOf } from '../../lib/http';
import { getSettings, updateSettings } from './settings.service';

const tags = ['settings'];

/** Organisation settings: everyone signed in reads, admins change. */
export async function settingsRoutes(app: App, ctx: AppContext) {
  app.get('/settings', { schema: { tags, response: { 200: ZSettings } } }, async () => getSettings(ctx));
  app.patch('/settings', { schema: { tags, body: ZUpdateSettingsRequest, response: { 200: ZSettings } } }, async (request) =>
    updateSettings(ctx, actorOf(request), request.body),
  );
}
