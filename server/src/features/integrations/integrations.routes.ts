import {
  ZChannelResult,
  ZCreateWebhookRequest,
  ZDeliveriesQuery,
  ZDelivery,
  ZIdParams,
  ZSmtpSettings,
  ZSmtpTestRequest,
  ZUpdateSmtpRequest,
  ZUpdateWebhookRequest,
  ZWebhook,
  zList,
  zPage,
} from '@zhoubao/contracts';
import type { AppContext } from '../../context';
import type { App } from '../../lib/app-types';
import { actorOf } from '../../lib/http';
import * as service from './integrations.service';
import { getSmtp, updateSmtp } from './smtp.service';

const tags = ['integrations'];

/** Webhooks, the delivery log and the SMTP server (admin). */
export async function integrationRoutes(app: App, ctx: AppContext) {
  app.get('/webhooks', { schema: { tags, response: { 200: zList(ZWebhook) } } }, async (request) => ({
    items: await service.listWebhooksFor(ctx, actorOf(request)),
  }));

  app.post('/webhooks', { schema: { tags, body: ZCreateWebhookRequest, response: { 201: ZWebhook } } }, async (request, reply) =>
    reply.code(201).send(await service.createWebhook(ctx, actorOf(request), request.body)),
  );

  app.patch(
    '/webhooks/:id',
    { schema: { tags, params: ZIdParams, body: ZUpdateWebhookRequest, response: { 200: ZWebhook } } },
    async (request) => service.updateWebhook(ctx, actorOf(request), request.params.id, request.body),
  );

  app.delete('/webhooks/:id', { schema: { tags, params: ZIdParams } }, async (request, reply) => {
    await service.deleteWebhook(ctx, actorOf(request), request.params.id);
    return reply.code(204).send();
  });

  app.post('/webhooks/:id/test', { schema: { tags, params: ZIdParams, response: { 200: ZChannelResult } } }, async (request) =>
    service.testWebhook(ctx, actorOf(request), request.params.id),
  );

  app.get(
    '/deliveries',
    { schema: { tags, querystring: ZDeliveriesQuery, response: { 200: zPage(ZDelivery) } } },
    async (request) => service.listDeliveriesFor(ctx, actorOf(request), request.query),
  );

  app.post('/deliveries/:id/retry', { schema: { tags, params: ZIdParams, response: { 200: ZDelivery } } }, async (request) =>
    service.retryDelivery(ctx, actorOf(request), request.params.id),
  );

  app.get('/integrations/smtp', { schema: { tags, response: { 200: ZSmtpSettings } } }, async (request) =>
    getSmtp(ctx, actorOf(request)),
  );

  app.put(
    '/integrations/smtp',
    { schema: { tags, body: ZUpdateSmtpRequest, response: { 200: ZSmtpSettings } } },
    async (request) => updateSmtp(ctx, actorOf(request), request.body),
  );

  app.post(
    '/integrations/smtp/test',
    { schema: { tags, body: ZSmtpTestRequest, response: { 200: ZChannelResult } } },
    async (request) => service.sendTestEmail(ctx, actorOf(request), request.body.to),
  );
}
