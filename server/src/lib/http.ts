import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Actor } from './actor';
import { AppError } from './errors';

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor | null;
    /** The session token from the cookie, when the request was authenticated by it. */
    sessionToken: string | null;
  }
  interface FastifyContextConfig {
    /** The route needs no signed-in user (and so no CSRF token). */
    public?: boolean;
  }
}

export const SESSION_COOKIE = 'zb_session';

/** The signed-in actor of a request; routes that are not public always have one. */
export function actorOf(request: FastifyRequest): Actor {
  if (!request.actor) throw new AppError('unauthenticated', 'Sign in first');
  return request.actor;
}

/** Sets the session cookie: HttpOnly, SameSite=Lax, Secure when served over HTTPS. */
export function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, maxAgeSeconds: number) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    maxAge: maxAgeSeconds,
  });
}

/** Clears the session cookie. */
export function clearSessionCookie(request: FastifyRequest, reply: FastifyReply) {
  reply.clearCookie(SESSION_COOKIE, { path: '/', httpOnly: true, sameSite: 'lax', secure: request.protocol === 'https' });
}
