import {
  ZIdParams,
  ZListReportsQuery,
  ZReport,
  ZReportReader,
  ZReportVersion,
  ZSaveReportRequest,
  ZWeekParams,
  zList,
  zPage,
} from '@zhoubao/contracts';
import type { AppContext } from '../../context';
import type { App } from '../../lib/app-types';
import { actorOf } from '../../lib/http';
import * as service from './reports.service';

const tags = ['reports'];

/** Personal weekly reports: one's own drafts and submissions, and everyone's submitted reports. */
export async function reportRoutes(app: App, ctx: AppContext) {
  app.get('/me/reports/:week', { schema: { tags, params: ZWeekParams, response: { 200: ZReport } } }, async (request) =>
    service.getOwnReport(ctx, actorOf(request), request.params.week),
  );

  app.put(
    '/me/reports/:week',
    { schema: { tags, params: ZWeekParams, body: ZSaveReportRequest, response: { 200: ZReport } } },
    async (request) => service.saveOwnReport(ctx, actorOf(request), request.params.week, request.body),
  );

  app.post('/me/reports/:week/submit', { schema: { tags, params: ZWeekParams, response: { 200: ZReport } } }, async (request) =>
    service.submitOwnReport(ctx, actorOf(request), request.params.week),
  );

  app.get('/reports', { schema: { tags, querystring: ZListReportsQuery, response: { 200: zPage(ZReport) } } }, async (request) =>
    service.listReports(ctx, actorOf(request), request.query),
  );

  app.get('/reports/:id', { schema: { tags, params: ZIdParams, response: { 200: ZReport } } }, async (request) =>
    service.getReport(ctx, actorOf(request), request.params.id),
  );

  app.get(
    '/reports/:id/versions',
    { schema: { tags, params: ZIdParams, response: { 200: zList(ZReportVersion) } } },
    async (request) => ({ items: await service.listVersions(ctx, actorOf(request), request.params.id) }),
  );

  app.get(
    '/reports/:id/readers',
    { schema: { tags, params: ZIdParams, response: { 200: zList(ZReportReader) } } },
    async (request) => ({ items: await service.listReaders(ctx, actorOf(request), request.params.id) }),
  );
}
