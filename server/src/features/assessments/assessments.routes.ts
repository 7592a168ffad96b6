import {
  ZAssessment,
  ZAssessmentCandidate,
  ZAssessmentCreate,
  ZAssessmentQuery,
  ZAssessmentSummary,
  ZCandidateBody,
  ZIdParams,
  zList,
} from '@zhoubao/contracts';
import type { AppContext } from '../../context';
import type { App } from '../../lib/app-types';
import { actorOf } from '../../lib/http';
import { XLSX_MIME } from '../../lib/xlsx';
import * as service from './assessments.service';

const tags = ['assessments'];
const ZCandidateParams = ZIdParams.extend({ userId: ZIdParams.shape.id });

/** Assessments (评先选优): frozen score snapshots of a period, suggested and marked candidates, lock. */
export async function assessmentRoutes(app: App, ctx: AppContext) {
  app.post(
    '/assessments',
    { schema: { tags, body: ZAssessmentCreate, querystring: ZAssessmentQuery, response: { 201: ZAssessment } } },
    async (request, reply) =>
      reply.code(201).send(await service.createAssessment(ctx, actorOf(request), request.body, request.query)),
  );

  app.get('/assessments', { schema: { tags, response: { 200: zList(ZAssessmentSummary) } } }, async (request) => ({
    items: await service.listAssessments(ctx, actorOf(request)),
  }));

  app.get(
    '/assessments/:id',
    { schema: { tags, params: ZIdParams, querystring: ZAssessmentQuery, response: { 200: ZAssessment } } },
    async (request) => service.getAssessment(ctx, actorOf(request), request.params.id, request.query),
  );

  app.put(
    '/assessments/:id/candidates/:userId',
    { schema: { tags, params: ZCandidateParams, body: ZCandidateBody.optional(), response: { 200: ZAssessmentCandidate } } },
    async (request) => service.markCandidate(ctx, actorOf(request), request.params.id, request.params.userId, request.body ?? {}),
  );

  app.delete('/assessments/:id/candidates/:userId', { schema: { tags, params: ZCandidateParams } }, async (request, reply) => {
    await service.unmarkCandidate(ctx, actorOf(request), request.params.id, request.params.userId);
    return reply.code(204).send();
  });

  app.post(
    '/assessments/:id/lock',
    { schema: { tags, params: ZIdParams, querystring: ZAssessmentQuery, response: { 200: ZAssessment } } },
    async (request) => service.lockAssessment(ctx, actorOf(request), request.params.id, request.query),
  );

  app.get('/assessments/:id/export', { schema: { tags, params: ZIdParams } }, async (request, reply) => {
    const { disposition, data } = await service.exportAssessment(ctx, actorOf(request), request.params.id);
    return reply.header('content-type', XLSX_MIME).header('content-disposition', disposition).send(data);
  });
}
