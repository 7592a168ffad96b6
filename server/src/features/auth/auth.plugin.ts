import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AppContext } from '../../context';
import type { App } from '../../lib/app-types';
import { AppError } from '../../lib/errors';
import { SESSION_COOKIE } from '../../lib/http';
import { safeEqual } from '../../lib/secrets';
import { csrfTokenFor, resolveApiToken, resolveSession } from './auth.service';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves the actor of every API request (Bearer token or session cookie), refuses
 * non-public routes without one (401), and requires the session's CSRF token on unsafe
 * cookie-authenticated requests (403 csrf_failed).
 */
export function registerAuthentication(app: App, ctx: AppContext): void {
  app.decorateRequest('actor', null);
  app.decorateRequest('sessionToken', null);
  app.addHook('onRequest', async (request: FastifyRequest, _reply: FastifyReply) => {
    if (!request.url.startsWith('/api/')) return;
    const authorization = request.headers.authorization;
    if (authorization?.startsWith('Bearer ')) {
      request.actor = await resolveApiToken(ctx, authorization.slice(7).trim(), request.ip);
      if (!request.actor) throw new AppError('unauthenticated', 'The API token is unknown or revoked');
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    if (token && token.length <= 100) {
      request.actor = await resolveSession(ctx, token, request.ip);
      if (request.actor) request.sessionToken = token;
    }
    // The API docs page and its static assets are public, like the OpenAPI document; an unknown
    // route answers 404 to everyone (the OpenAPI document lists every route anyway).
    if (request.routeOptions.config?.public || request.url.startsWith('/api/v1/docs')) return;
    if (request.routeOptions.url === undefined) return;
    if (!request.actor) throw new AppError('unauthenticated', 'Sign in first');
    if (!SAFE_METHODS.has(request.method)) {
      const header = request.headers['x-csrf-token'];
      if (typeof header !== 'string' || !safeEqual(header, csrfTokenFor(token as string))) {
        throw new AppError('csrf_failed', 'Missing or wrong X-CSRF-Token header');
      }
    }
  });
}
