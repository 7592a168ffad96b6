import {
  ZCalendarOverride,
  ZCalendarStatus,
  ZDateParams,
  ZDateRangeQuery,
  ZHolidayNoticeApplied,
  ZHolidayNoticePreview,
  ZHolidayNoticeRequest,
  ZPutCalendarOverrideRequest,
  ZWeekInfo,
  ZWeekParams,
  zList,
} from '@zhoubao/contracts';
import type { AppContext } from '../../context';
import type { App } from '../../lib/app-types';
import { actorOf } from '../../lib/http';
import * as notices from './calendar-notice.service';
import * as service from './weeks.service';

const tags = ['weeks'];

/** Weeks with their deadlines, and the organisation's calendar overrides. */
export async function weekRoutes(app: App, ctx: AppContext) {
  app.get('/weeks/current', { schema: { tags, response: { 200: ZWeekInfo } } }, async () => service.getCurrentWeek(ctx));

  app.get('/weeks/:week', { schema: { tags, params: ZWeekParams, response: { 200: ZWeekInfo } } }, async (request) =>
    service.getWeek(ctx, request.params.week),
  );

  app.get(
    '/calendar/overrides',
    { schema: { tags, querystring: ZDateRangeQuery, response: { 200: zList(ZCalendarOverride) } } },
    async (request) => ({ items: await service.listOverrides(ctx, request.query) }),
  );

  app.put(
    '/calendar/overrides/:date',
    { schema: { tags, params: ZDateParams, body: ZPutCalendarOverrideRequest, response: { 200: ZCalendarOverride } } },
    async (request) => service.setOverride(ctx, actorOf(request), request.params.date, request.body),
  );

  app.delete('/calendar/overrides/:date', { schema: { tags, params: ZDateParams } }, async (request, reply) => {
    await service.removeOverride(ctx, actorOf(request), request.params.date);
    return reply.code(204).send();
  });

  app.get('/calendar/status', { schema: { tags, response: { 200: ZCalendarStatus } } }, async () => notices.calendarStatus(ctx));

  app.post(
    '/calendar/notices/preview',
    { schema: { tags, body: ZHolidayNoticeRequest, response: { 200: ZHolidayNoticePreview } } },
    async (request) => notices.previewHolidayNotice(ctx, actorOf(request), request.body),
  );

  app.post(
    '/calendar/notices',
    { schema: { tags, body: ZHolidayNoticeRequest, response: { 200: ZHolidayNoticeApplied } } },
    async (request) => notices.applyHolidayNotice(ctx, actorOf(request), request.body),
  );
}
