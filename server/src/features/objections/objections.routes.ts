import {
  ZIdParams,
  ZMyObjectionsQuery,
  ZObjection,
  ZObjectionAnswer,
  ZObjectionCreate,
  ZObjectionsPage,
  ZObjectionsQuery,
} from '@zhoubao/contracts';
import type { AppContext } from '../../context';
import type { App } from '../../lib/app-types';
import { actorOf } from '../../lib/http';
import * as service from './objections.service';

const tags = ['objections'];

/** Objections (异议): a person disputes a week's score; the assessment office answers. */
export async function objectionRoutes(app: App, ctx: AppContext) {
  app.post(
    '/me/objections',
    { schema: { tags, body: ZObjectionCreate, response: { 201: ZObjection } } },
    async (request, reply) => reply.code(201).send(await service.raiseObjection(ctx, actorOf(request), request.body)),
  );

  app.get(
    '/me/objections',
    { schema: { tags, querystring: ZMyObjectionsQuery, response: { 200: ZObjectionsPage } } },
    async (request) => service.listMyObjections(ctx, actorOf(request), request.query),
  );

  app.get(
    '/objections',
    { schema: { tags, querystring: ZObjectionsQuery, response: { 200: ZObjectionsPage } } },
    async (request) => service.listObjections(ctx, actorOf(request), request.query),
  );

  app.get('/objections/:id', { schema: { tags, params: ZIdParams, response: { 200: ZObjection } } }, async (request) =>
    service.getObjection(ctx, actorOf(request), request.params.id),
  );

  app.post(
    '/objections/:id/answer',
    { schema: { tags, params: ZIdParams, body: ZObjectionAnswer, response: { 200: ZObjection } } },
    async (request) => service.answerObjection(ctx, actorOf(request), request.params.id, request.body),
  );
}
