import { ZSessionResponse, ZSetupRequest, ZSetupStatus } from '@zhoubao/contracts';
import type { AppContext } from '../../context';
import type { App } from '../../lib/app-types';
import { setSessionCookie } from '../../lib/http';
import { presentUser } from '../users/users.presenter';
import { completeSetup, needsSetup } from './setup.service';

const tags = ['setup'];

/** The first-run page's API: whether set-up is needed, and set-up itself. */
export async function setupRoutes(app: App, ctx: AppContext) {
  app.get('/setup', { config: { public: true }, schema: { tags, response: { 200: ZSetupStatus } } }, async () => ({
    needsSetup: await needsSetup(ctx),
  }));

  app.post(
    '/setup',
    { config: { public: true }, schema: { tags, body: ZSetupRequest, response: { 201: ZSessionResponse } } },
    async (request, reply) => {
      const session = await completeSetup(ctx, request.body, request.ip, request.headers['user-agent'] ?? null);
      setSessionCookie(request, reply, session.token, ctx.config.sessionMaxHours * 3600);
      return reply.code(201).send({ user: presentUser(session.user, session.user), csrfToken: session.csrfToken });
    },
  );
}
