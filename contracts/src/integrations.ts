import { z } from 'zod';
import { ZId } from './common';

// Outbound channels: chat webhooks, the delivery log and the SMTP server for e-mail.

export const WEBHOOK_KINDS = ['dingtalk', 'wecom', 'feishu', 'slack', 'generic'] as const;
export const ZWebhookKind = z.enum(WEBHOOK_KINDS);
export type TWebhookKind = z.infer<typeof ZWebhookKind>;

export const WEBHOOK_EVENT_NAMES = ['bulletin.published', 'reminder.missing', 'report.submitted'] as const;
export const ZWebhookEventName = z.enum(WEBHOOK_EVENT_NAMES);
export type TWebhookEventName = z.infer<typeof ZWebhookEventName>;

export const DELIVERY_STATUSES = ['pending', 'sending', 'sent', 'skipped', 'failed'] as const;
export const ZDeliveryStatus = z.enum(DELIVERY_STATUSES);
export type TDeliveryStatus = z.infer<typeof ZDeliveryStatus>;

/** An http(s) address; any host is allowed so that local receivers work. */
export const ZWebhookUrl = z
  .string()
  .trim()
  .max(2000)
  .refine(
    (s) => {
      try {
        const u = new URL(s);
        return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname !== '';
      } catch {
        return false;
      }
    },
    { message: 'must be an http:// or https:// address' },
  );

const ZSecret = z.string().trim().min(1).max(500);
const ZEvents = z
  .array(ZWebhookEventName)
  .min(1, { message: 'choose at least one event' })
  .transform((list) => [...new Set(list)]);

export const ZCreateWebhookRequest = z.object({
  kind: ZWebhookKind,
  url: ZWebhookUrl,
  secret: ZSecret.optional(),
  departmentId: ZId.nullable().optional(),
  events: ZEvents,
  /** Extensions: a name to tell webhooks apart, and whether it is on (default on). */
  name: z.string().trim().max(100).optional(),
  enabled: z.boolean().optional(),
});
export type TCreateWebhookRequest = z.infer<typeof ZCreateWebhookRequest>;

/** Extension: change a webhook. `secret: null` removes the secret; leaving it out keeps it. */
export const ZUpdateWebhookRequest = z
  .object({
    name: z.string().trim().max(100).optional(),
    url: ZWebhookUrl.optional(),
    secret: ZSecret.nullable().optional(),
    departmentId: ZId.nullable().optional(),
    events: ZEvents.optional(),
    enabled: z.boolean().optional(),
  })
  .refine((v) => Object.values(v).some((x) => x !== undefined), { message: 'nothing to change' });
export type TUpdateWebhookRequest = z.infer<typeof ZUpdateWebhookRequest>;

/** A webhook as the API shows it: the secret never leaves the server, only whether one is set. */
export const ZWebhook = z.object({
  id: ZId,
  name: z.string(),
  kind: ZWebhookKind,
  url: z.string(),
  hasSecret: z.boolean(),
  departmentId: ZId.nullable(),
  events: z.array(ZWebhookEventName),
  enabled: z.boolean(),
  /** Hints about a setting that looks wrong for the kind (the webhook is saved anyway). */
  warnings: z.array(z.string()),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TWebhook = z.infer<typeof ZWebhook>;

/** What a channel did with a message: sent, skipped (nothing to do) or failed, with the receiver's answer. */
export const ZChannelResult = z.object({
  status: z.enum(['sent', 'skipped', 'failed']),
  error: z.string().nullable(),
  responseCode: z.number().int().nullable(),
  response: z.string().nullable(),
  /** The delivery recorded in the log, when there is one. */
  deliveryId: ZId.nullable(),
});
export type TChannelResult = z.infer<typeof ZChannelResult>;

/** One entry of the delivery log. */
export const ZDelivery = z.object({
  id: ZId,
  channel: z.enum([...WEBHOOK_KINDS, 'email']),
  webhookId: ZId.nullable(),
  webhookName: z.string().nullable(),
  recipient: z.string().nullable(),
  event: z.string(),
  dedupeKey: z.string(),
  status: ZDeliveryStatus,
  attempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  lastError: z.string().nullable(),
  responseCode: z.number().int().nullable(),
  title: z.string(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
});
export type TDelivery = z.infer<typeof ZDelivery>;

export const ZDeliveriesQuery = z.object({
  status: ZDeliveryStatus.optional(),
  webhookId: ZId.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});
export type TDeliveriesQuery = z.infer<typeof ZDeliveriesQuery>;

export const SMTP_SECURITY = ['tls', 'starttls', 'none'] as const;

/** The SMTP settings as the API shows them: the password is write-only (`passwordSet`). */
export const ZSmtpSettings = z.object({
  configured: z.boolean(),
  host: z.string(),
  port: z.number().int(),
  security: z.enum(SMTP_SECURITY),
  user: z.string(),
  passwordSet: z.boolean(),
  from: z.string(),
});
export type TSmtpSettings = z.infer<typeof ZSmtpSettings>;

/** Saves the SMTP settings; `password` left out keeps the stored one, `null` or `""` removes it. */
export const ZUpdateSmtpRequest = z.object({
  host: z
    .string()
    .trim()
    .min(1)
    .max(253)
    .regex(/^[A-Za-z0-9.:[\]-]+$/, { message: 'must be a host name or an IP address' }),
  port: z.number().int().min(1).max(65535),
  security: z.enum(SMTP_SECURITY),
  user: z.string().trim().max(254).default(''),
  password: z.string().max(500).nullable().optional(),
  from: z.string().trim().min(3).max(320),
});
export type TUpdateSmtpRequest = z.infer<typeof ZUpdateSmtpRequest>;

export const ZSmtpTestRequest = z.object({ to: z.string().trim().max(254).email() });
export type TSmtpTestRequest = z.infer<typeof ZSmtpTestRequest>;
