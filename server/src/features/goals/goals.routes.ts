import { ZCreateGoalRequest, ZGoal, ZGoalsQuery, ZIdParams, ZUpdateGoalRequest, zList } from '@zhoubao/contracts';
import type { AppContext } from '../../context';
import type { App } from '../../lib/app-types';
import { actorOf } from '../../lib/http';
import * as service from './goals.service';

const tags = ['goals'];

/** Goals (职业规划): one's own to write, readable with the living file. */
export async function goalRoutes(app: App, ctx: AppContext) {
  app.post('/me/goals', { schema: { tags, body: ZCreateGoalRequest, response: { 201: ZGoal } } }, async (request, reply) =>
    reply.code(201).send(await service.createGoal(ctx, actorOf(request), request.body)),
  );

  app.patch(
    '/me/goals/:id',
    { schema: { tags, params: ZIdParams, body: ZUpdateGoalRequest, response: { 200: ZGoal } } },
    async (request) => service.updateGoal(ctx, actorOf(request), request.params.id, request.body),
  );

  app.get(
    '/users/:id/goals',
    { schema: { tags, params: ZIdParams, querystring: ZGoalsQuery, response: { 200: zList(ZGoal) } } },
    async (request) => ({ items: await service.listGoalsOf(ctx, actorOf(request), request.params.id, request.query) }),
  );
}
