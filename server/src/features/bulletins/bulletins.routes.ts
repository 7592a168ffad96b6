import {
  ZBulletin,
  ZBulletinExportQuery,
  ZBulletinQuery,
  ZDepartmentSummary,
  ZDepartmentWeekParams,
  ZSaveSummaryRequest,
  ZWall,
  ZWallExportQuery,
  ZWeekParams,
} from '@zhoubao/contracts';
import type { AppContext } from '../../context';
import type { App } from '../../lib/app-types';
import { sendDocx } from '../../lib/docx';
import { actorOf } from '../../lib/http';
import { exportBulletinDocx, exportWallDocx } from './bulletins.docx';
import * as service from './bulletins.service';

const tags = ['bulletins'];

/** Department summaries, compiled bulletins and the public wall. */
export async function bulletinRoutes(app: App, ctx: AppContext) {
  app.get(
    '/departments/:id/summaries/:week',
    { schema: { tags, params: ZDepartmentWeekParams, response: { 200: ZDepartmentSummary } } },
    async (request) => service.getSummary(ctx, actorOf(request), request.params.id, request.params.week),
  );

  app.put(
    '/departments/:id/summaries/:week',
    { schema: { tags, params: ZDepartmentWeekParams, body: ZSaveSummaryRequest, response: { 200: ZDepartmentSummary } } },
    async (request) => service.saveSummary(ctx, actorOf(request), request.params.id, request.params.week, request.body),
  );

  app.post(
    '/departments/:id/summaries/:week/publish',
    { schema: { tags, params: ZDepartmentWeekParams, response: { 200: ZBulletin } } },
    async (request) => service.publishBulletin(ctx, actorOf(request), request.params.id, request.params.week),
  );

  app.get(
    '/departments/:id/bulletins/:week',
    { schema: { tags, params: ZDepartmentWeekParams, querystring: ZBulletinQuery, response: { 200: ZBulletin } } },
    async (request) => service.getBulletin(ctx, actorOf(request), request.params.id, request.params.week, request.query),
  );

  app.get('/wall/:week', { schema: { tags, params: ZWeekParams, response: { 200: ZWall } } }, async (request) =>
    service.getWall(ctx, actorOf(request), request.params.week),
  );

  // Word exports (office-circular style), presented for the caller like the JSON above.
  app.get(
    '/departments/:id/bulletins/:week/export',
    { schema: { tags, params: ZDepartmentWeekParams, querystring: ZBulletinExportQuery } },
    async (request, reply) =>
      sendDocx(reply, await exportBulletinDocx(ctx, actorOf(request), request.params.id, request.params.week, request.query)),
  );

  app.get(
    '/wall/:week/export',
    { schema: { tags, params: ZWeekParams, querystring: ZWallExportQuery } },
    async (request, reply) => sendDocx(reply, await exportWallDocx(ctx, actorOf(request), request.params.week)),
  );
}
