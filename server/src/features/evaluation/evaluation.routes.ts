import {
  ZComment,
  ZCommentParams,
  ZCreateCommentRequest,
  ZEvaluation,
  ZGradeRequest,
  ZIdParams,
  ZRateRequest,
  ZToReadItem,
  ZToReadQuery,
  ZUpdateCommentRequest,
  zList,
} from '@zhoubao/contracts';
import type { AppContext } from '../../context';
import type { App } from '../../lib/app-types';
import { actorOf } from '../../lib/http';
import * as comments from './comments.service';
import * as service from './evaluation.service';

const tags = ['evaluation'];

/** Supervision and evaluation: comments and feedback, likes, ratings, grades and what is left to read. */
export async function evaluationRoutes(app: App, ctx: AppContext) {
  app.get(
    '/reports/:id/comments',
    { schema: { tags, params: ZIdParams, response: { 200: zList(ZComment) } } },
    async (request) => ({
      items: await comments.listComments(ctx, actorOf(request), request.params.id),
    }),
  );

  app.post(
    '/reports/:id/comments',
    { schema: { tags, params: ZIdParams, body: ZCreateCommentRequest, response: { 201: ZComment } } },
    async (request, reply) =>
      reply.code(201).send(await comments.createComment(ctx, actorOf(request), request.params.id, request.body)),
  );

  app.patch(
    '/reports/:id/comments/:commentId',
    { schema: { tags, params: ZCommentParams, body: ZUpdateCommentRequest, response: { 200: ZComment } } },
    async (request) => {
      const { id, commentId } = request.params;
      return comments.updateComment(ctx, actorOf(request), id, commentId, request.body);
    },
  );

  app.delete('/reports/:id/comments/:commentId', { schema: { tags, params: ZCommentParams } }, async (request, reply) => {
    await comments.deleteComment(ctx, actorOf(request), request.params.id, request.params.commentId);
    return reply.code(204).send();
  });

  app.put('/reports/:id/like', { schema: { tags, params: ZIdParams } }, async (request, reply) => {
    await service.likeReport(ctx, actorOf(request), request.params.id);
    return reply.code(204).send();
  });

  app.delete('/reports/:id/like', { schema: { tags, params: ZIdParams } }, async (request, reply) => {
    await service.unlikeReport(ctx, actorOf(request), request.params.id);
    return reply.code(204).send();
  });

  app.put('/reports/:id/rating', { schema: { tags, params: ZIdParams, body: ZRateRequest } }, async (request, reply) => {
    await service.rateReport(ctx, actorOf(request), request.params.id, request.body);
    return reply.code(204).send();
  });

  app.put('/reports/:id/grade', { schema: { tags, params: ZIdParams, body: ZGradeRequest } }, async (request, reply) => {
    await service.gradeReport(ctx, actorOf(request), request.params.id, request.body);
    return reply.code(204).send();
  });

  app.get('/reports/:id/evaluation', { schema: { tags, params: ZIdParams, response: { 200: ZEvaluation } } }, async (request) =>
    service.getEvaluation(ctx, actorOf(request), request.params.id),
  );

  app.get(
    '/me/to-read',
    { schema: { tags, querystring: ZToReadQuery, response: { 200: zList(ZToReadItem) } } },
    async (request) => ({
      items: await service.listToRead(ctx, actorOf(request), request.query.week),
    }),
  );
}
