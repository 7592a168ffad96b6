import { ZAuditEntry, ZAuditQuery, zPage } from '@zhoubao/contracts';
import type { AppContext } from '../../context';
import type { App } from '../../lib/app-types';
import { actorOf } from '../../lib/http';
import { readAudit } from './audit.service';

/** The append-only audit log, for auditors and admins. */
export async function auditRoutes(app: App, ctx: AppContext) {
  app.get(
    '/audit',
    { schema: { tags: ['audit'], querystring: ZAuditQuery, response: { 200: zPage(ZAuditEntry) } } },
    async (request) => readAudit(ctx, actorOf(request), request.query),
  );
}
