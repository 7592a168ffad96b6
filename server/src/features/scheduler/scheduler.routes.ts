import { ZJobRunsPage, ZJobRunsQuery, ZScheduleSettings, ZSchedulesState } from '@zhoubao/contracts';
import type { AppContext } from '../../context';
import type { App } from '../../lib/app-types';
import { actorOf } from '../../lib/http';
import * as service from './scheduler.service';

const tags = ['integrations'];

/** The schedules (reminders, missing lists, digest, automatic publishing) and their run history (admins). */
export async function schedulerRoutes(app: App, ctx: AppContext) {
  app.get('/integrations/schedules', { schema: { tags, response: { 200: ZSchedulesState } } }, async (request) =>
    service.getSchedules(ctx, actorOf(request)),
  );

  app.put(
    '/integrations/schedules',
    { schema: { tags, body: ZScheduleSettings, response: { 200: ZSchedulesState } } },
    async (request) => service.putSchedules(ctx, actorOf(request), request.body),
  );

  app.get(
    '/integrations/job-runs',
    { schema: { tags, querystring: ZJobRunsQuery, response: { 200: ZJobRunsPage } } },
    async (request) => service.listJobRuns(ctx, actorOf(request), request.query),
  );
}
