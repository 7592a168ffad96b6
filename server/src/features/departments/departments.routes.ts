import { ZCreateDepartmentRequest, ZDepartment, ZIdParams, ZUpdateDepartmentRequest, zList } from '@zhoubao/contracts';
import type { AppContext } from '../../context';
import type { App } from '../../lib/app-types';
import { actorOf } from '../../lib/http';
import * as service from './departments.service';

const tags = ['organisation'];

/** The department tree: everyone reads, admins change. */
export async function departmentRoutes(app: App, ctx: AppContext) {
  app.get('/departments', { schema: { tags, response: { 200: zList(ZDepartment) } } }, async () => ({
    items: await service.listDepartments(ctx),
  }));

  app.post(
    '/departments',
    { schema: { tags, body: ZCreateDepartmentRequest, response: { 201: ZDepartment } } },
    async (request, reply) => {
      return reply.code(201).send(await service.createDepartment(ctx, actorOf(request), request.body));
    },
  );

  app.patch(
    '/departments/:id',
    { schema: { tags, params: ZIdParams, body: ZUpdateDepartmentRequest, response: { 200: ZDepartment } } },
    async (request) => service.updateDepartment(ctx, actorOf(request), request.params.id, request.body),
  );

  app.delete('/departments/:id', { schema: { tags, params: ZIdParams } }, async (request, reply) => {
    await service.deleteDepartment(ctx, actorOf(request), request.params.id);
    return reply.code(204).send();
  });
}
