import type { TWebhookEventName, TWebhookKind } from '@zhoubao/contracts';

/** What the form needs to know about a kind of webhook: an example address and whether it signs. */
export const KIND_INFO: Record<TWebhookKind, { example: string; signs: boolean }> = {
  dingtalk: { example: 'https://oapi.dingtalk.com/robot/send?access_token=…', signs: true },
  wecom: { example: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…', signs: false },
  feishu: { example: 'https://open.feishu.cn/open-apis/bot/v2/hook/…', signs: true },
  slack: { example: 'https://hooks.slack.com/services/T…/B…/…', signs: false },
  generic: { example: 'https://example.org/zhoubao-webhook', signs: true },
};

export const KIND_COLORS: Record<TWebhookKind | 'email', string> = {
  dingtalk: 'blue',
  wecom: 'green',
  feishu: 'cyan',
  slack: 'purple',
  generic: 'default',
  email: 'gold',
};

export const EVENT_ORDER: TWebhookEventName[] = ['bulletin.published', 'reminder.missing', 'report.submitted'];

const EVENT_KEYS = {
  'bulletin.published': 'bulletinPublished',
  'reminder.missing': 'reminderMissing',
  'report.submitted': 'reportSubmitted',
  'webhook.test': 'webhookTest',
  'smtp.test': 'smtpTest',
  email: 'email',
} as const;

type EventKey = (typeof EVENT_KEYS)[keyof typeof EVENT_KEYS];

/** The i18n key of a webhook event (`bulletin.published` → `bulletinPublished`). */
export const eventKey = (event: TWebhookEventName): (typeof EVENT_KEYS)[TWebhookEventName] => EVENT_KEYS[event];

/** The i18n key of any delivery's event, or null for one this page does not know. */
export const deliveryEventKey = (event: string): EventKey | null =>
  event in EVENT_KEYS ? EVENT_KEYS[event as keyof typeof EVENT_KEYS] : null;

/** The host of an address, for a compact list (the path may hold an access token). */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}
