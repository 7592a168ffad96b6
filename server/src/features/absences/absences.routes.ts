import { ZAbsence, ZAbsenceParams, ZCreateAbsenceRequest, ZDateRangeQuery, ZIdParams, zList } from '@zhoubao/contracts';
import type { AppContext } from '../../context';
import type { App } from '../../lib/app-types';
import { actorOf } from '../../lib/http';
import * as service from './absences.service';

const tags = ['absences'];

/** A person's absences (leave): weeks they cover fully are not owed. */
export async function absenceRoutes(app: App, ctx: AppContext) {
  app.post(
    '/users/:id/absences',
    { schema: { tags, params: ZIdParams, body: ZCreateAbsenceRequest, response: { 201: ZAbsence } } },
    async (request, reply) => {
      return reply.code(201).send(await service.recordAbsence(ctx, actorOf(request), request.params.id, request.body));
    },
  );

  app.get(
    '/users/:id/absences',
    { schema: { tags, params: ZIdParams, querystring: ZDateRangeQuery, response: { 200: zList(ZAbsence) } } },
    async (request) => ({ items: await service.listAbsences(ctx, actorOf(request), request.params.id, request.query) }),
  );

  app.delete('/users/:id/absences/:absenceId', { schema: { tags, params: ZAbsenceParams } }, async (request, reply) => {
    await service.withdrawAbsence(ctx, actorOf(request), request.params.id, request.params.absenceId);
    return reply.code(204).send();
  });
}
