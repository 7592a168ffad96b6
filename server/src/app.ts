import fs from 'node:fs';
import path from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyMultipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Config } from './config';
import type { AppContext } from './context';
import type { Database } from './db/database';
import { absenceRoutes } from './features/absences/absences.routes';
import { albumRoutes } from './features/album/album.routes';
import { assessmentRoutes } from './features/assessments/assessments.routes';
import { auditRoutes } from './features/audit/audit.routes';
import { registerAuthentication } from './features/auth/auth.plugin';
import { authRoutes } from './features/auth/auth.routes';
import { bulletinRoutes } from './features/bulletins/bulletins.routes';
import { departmentRoutes } from './features/departments/departments.routes';
import { evaluationRoutes } from './features/evaluation/evaluation.routes';
import { goalRoutes } from './features/goals/goals.routes';
import { healthRoutes } from './features/health/health.routes';
import { registerIntegrationListeners } from './features/integrations/integrations.listeners';
import { integrationRoutes } from './features/integrations/integrations.routes';
import { registerNotificationListeners } from './features/notifications/notifications.listeners';
import { notificationRoutes } from './features/notifications/notifications.routes';
import { objectionRoutes } from './features/objections/objections.routes';
import { preferenceRoutes } from './features/preferences/preferences.routes';
import { profileRoutes } from './features/profile/profile.routes';
import { reportRoutes } from './features/reports/reports.routes';
import { registerScheduler } from './features/scheduler/scheduler.cron';
import { schedulerRoutes } from './features/scheduler/scheduler.routes';
import { scoringRoutes } from './features/scoring/scoring.routes';
import { searchRoutes } from './features/search/search.routes';
import { settingsRoutes } from './features/settings/settings.routes';
import { setupRoutes } from './features/setup/setup.routes';
import { userRoutes, XLSX_TYPE } from './features/users/users.routes';
import { weekRoutes } from './features/weeks/weeks.routes';
import type { App } from './lib/app-types';
import { errorHandler } from './lib/error-handler';
import { AppError } from './lib/errors';
import { EventBus } from './lib/events';
import { newId } from './lib/ids';
import { VERSION } from './version';

export interface BuildOptions {
  config: Config;
  database: Database;
  logger?: FastifyServerOptions['logger'];
}

const API = '/api/v1';

/** Builds the Fastify app: API under /api/v1, OpenAPI and docs, and the built web app. */
export async function buildApp({ config, database, logger }: BuildOptions): Promise<App> {
  const app = Fastify({
    logger: logger ?? {
      level: config.logLevel,
      redact: ['req.headers.authorization', 'req.headers.cookie', 'req.headers["x-csrf-token"]'],
    },
    bodyLimit: config.bodyLimit,
    trustProxy: config.trustProxy,
    // A caller's X-Request-Id is kept only when it is a plain token, so logs cannot be forged.
    requestIdHeader: false,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[\w.-]{8,64}$/.test(given) ? given : newId();
    },
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    if (request.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
  });

  const events = new EventBus((name, err) => app.log.error({ err, event: name }, 'domain event listener failed'));
  const ctx: AppContext = { db: database.db, dialect: database.dialect, config, log: app.log, events };
  app.decorate('ctx', ctx);
  app.addHook('onClose', () => events.idle());

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        // Ant Design injects its CSS-in-JS as <style> elements.
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  await app.register(fastifyCookie);
  await app.register(fastifyMultipart, { limits: { fileSize: config.importLimit, files: 1, fields: 10 } });
  app.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: config.importLimit }, (_req, body, done) =>
    done(null, body),
  );
  app.addContentTypeParser(XLSX_TYPE, { parseAs: 'buffer', bodyLimit: config.importLimit }, (_req, body, done) =>
    done(null, body),
  );

  await app.register(fastifySwagger, {
    openapi: {
      info: { title: 'Zhoubao API', description: 'HTTP contract v1 of Zhoubao (周报)', version: VERSION },
      servers: [{ url: '/' }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'zb_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  // The docs page lives under the app's own CSP (script-src 'self'); its assets are static files.
  await app.register(fastifySwaggerUi, { routePrefix: `${API}/docs` });

  registerAuthentication(app, ctx);
  app.addHook('onClose', registerNotificationListeners(ctx));
  app.addHook('onClose', registerIntegrationListeners(ctx));
  registerScheduler(app, ctx);
  await app.register(
    async (api) => {
      const typed = api.withTypeProvider<ZodTypeProvider>();
      api.get('/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
      for (const routes of [
        healthRoutes,
        setupRoutes,
        authRoutes,
        departmentRoutes,
        userRoutes,
        settingsRoutes,
        auditRoutes,
        weekRoutes,
        absenceRoutes,
        reportRoutes,
        bulletinRoutes,
        evaluationRoutes,
        notificationRoutes,
        preferenceRoutes,
        schedulerRoutes,
        scoringRoutes,
        assessmentRoutes,
        integrationRoutes,
        albumRoutes,
        objectionRoutes,
        profileRoutes,
        goalRoutes,
        searchRoutes,
      ]) {
        await routes(typed, ctx);
      }
    },
    { prefix: API },
  );

  const webDir = config.webDir && fs.existsSync(path.join(config.webDir, 'index.html')) ? config.webDir : undefined;
  if (webDir) {
    await app.register(fastifyStatic, { root: webDir, wildcard: false, index: false, maxAge: '1h' });
  }
  app.setNotFoundHandler((request, reply) => {
    if (request.url.startsWith('/api/') || request.method !== 'GET' || !webDir) {
      throw new AppError('not_found', `No route for ${request.method} ${request.url.split('?')[0]}`);
    }
    // The single-page app handles its own routes.
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
  return app;
}
