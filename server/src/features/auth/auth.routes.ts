import {
  ZApiToken,
  ZChangePasswordRequest,
  ZCreateApiTokenRequest,
  ZCreatedApiToken,
  ZIdParams,
  ZLoginRequest,
  ZSessionResponse,
  ZUpdateMeRequest,
  zList,
} from '@zhoubao/contracts';
import type { AppContext } from '../../context';
import type { App } from '../../lib/app-types';
import { notFound } from '../../lib/errors';
import { actorOf, clearSessionCookie, setSessionCookie } from '../../lib/http';
import { presentUser } from '../users/users.presenter';
import { findUser } from '../users/users.repository';
import { updateOwnPreferences } from '../users/users.service';
import * as auth from './auth.service';

const tags = ['auth'];

/** Sign-in, sign-out, the signed-in user, password change and API tokens. */
export async function authRoutes(app: App, ctx: AppContext) {
  const maxAge = ctx.config.sessionMaxHours * 3600;

  app.post(
    '/auth/login',
    { config: { public: true }, schema: { tags, body: ZLoginRequest, response: { 200: ZSessionResponse } } },
    async (request, reply) => {
      const session = await auth.login(ctx, request.body, request.ip, request.headers['user-agent'] ?? null);
      setSessionCookie(request, reply, session.token, maxAge);
      return { user: presentUser(session.user, session.user), csrfToken: session.csrfToken };
    },
  );

  app.post('/auth/logout', { schema: { tags } }, async (request, reply) => {
    await auth.logout(ctx, actorOf(request));
    clearSessionCookie(request, reply);
    return reply.code(204).send();
  });

  const me = async (actorId: string, sessionToken: string | null) => {
    const user = await findUser(ctx.db, actorId);
    if (!user) throw notFound('User');
    return { user, csrfToken: sessionToken ? auth.csrfTokenFor(sessionToken) : '' };
  };

  app.get('/me', { schema: { tags, response: { 200: ZSessionResponse } } }, async (request) => {
    const actor = actorOf(request);
    const { user, csrfToken } = await me(actor.id, request.sessionToken);
    return { user: presentUser(user, actor), csrfToken };
  });

  app.patch('/me', { schema: { tags, body: ZUpdateMeRequest, response: { 200: ZSessionResponse } } }, async (request) => {
    const actor = actorOf(request);
    await updateOwnPreferences(ctx, actor, request.body);
    const { user, csrfToken } = await me(actor.id, request.sessionToken);
    return { user: presentUser(user, actor), csrfToken };
  });

  app.post('/me/password', { schema: { tags, body: ZChangePasswordRequest } }, async (request, reply) => {
    await auth.changePassword(ctx, actorOf(request), request.body);
    return reply.code(204).send();
  });

  app.get('/api-tokens', { schema: { tags, response: { 200: zList(ZApiToken) } } }, async (request) => ({
    items: await auth.listApiTokens(ctx, actorOf(request)),
  }));

  app.post(
    '/api-tokens',
    { schema: { tags, body: ZCreateApiTokenRequest, response: { 201: ZCreatedApiToken } } },
    async (request, reply) => {
      const created = await auth.createApiToken(ctx, actorOf(request), request.body.name);
      return reply.code(201).send(created);
    },
  );

  app.delete('/api-tokens/:id', { schema: { tags, params: ZIdParams } }, async (request, reply) => {
    await auth.deleteApiToken(ctx, actorOf(request), request.params.id);
    return reply.code(204).send();
  });
}
