import type { WebhookKind } from '../integrations.types';
import type { Channel } from './channel';
import { dingtalkChannel } from './dingtalk';
import { feishuChannel } from './feishu';
import { genericChannel } from './generic';
import { slackChannel } from './slack';
import { wecomChannel } from './wecom';

const WEBHOOK_CHANNELS: Record<WebhookKind, Channel> = {
  dingtalk: dingtalkChannel,
  wecom: wecomChannel,
  feishu: feishuChannel,
  slack: slackChannel,
  generic: genericChannel,
};

/** The channel that sends a webhook of this kind. */
export const webhookChannel = (kind: WebhookKind): Channel => WEBHOOK_CHANNELS[kind];
