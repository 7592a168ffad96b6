/** The outbound channels a delivery can go through (in-app notifications are separate). */
export type ChannelKind = 'dingtalk' | 'wecom' | 'feishu' | 'slack' | 'generic' | 'email';

/** The chat and JSON channels a webhook can use. */
export type WebhookKind = Exclude<ChannelKind, 'email'>;

export type DeliveryStatus = 'pending' | 'sending' | 'sent' | 'skipped' | 'failed';

/**
 * A message in neutral form; each channel renders it (markdown, actionCard, Slack blocks, JSON,
 * e-mail). It never holds restricted item text.
 */
export interface OutboundMessage {
  title: string;
  text: string;
  link?: string;
  /** The words on the link's button (DingTalk actionCard, Slack button, Feishu link). */
  linkLabel?: string;
  facts?: { label: string; value: string }[];
}

/** The domain events a webhook can subscribe to. */
export type WebhookEvent = 'bulletin.published' | 'reminder.missing' | 'report.submitted';

export const WEBHOOK_EVENTS: readonly WebhookEvent[] = ['bulletin.published', 'reminder.missing', 'report.submitted'];

/** What processing a batch of due deliveries did. */
export interface ProcessResult {
  sent: number;
  failed: number;
  skipped: number;
  /** Attempts that failed and were scheduled again with backoff. */
  retried: number;
  /** Deliveries put back for later because a robot's rate limit was reached (not an attempt). */
  deferred: number;
}
