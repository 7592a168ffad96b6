import { z } from 'zod';
import type { TRole } from './common';
import { NOTIFICATION_TYPES, type TNotificationType, ZNotificationType } from './evaluation';

/** The notification types a person chooses channels for: every notification type. */
export const PREFERENCE_TYPES = NOTIFICATION_TYPES;

/** Types that reach people by e-mail unless they turn it off; every type reaches the inbox by default. */
export const EMAIL_BY_DEFAULT: readonly TNotificationType[] = ['reminder', 'reminder.missing', 'digest'];

/** The channels of a type when the person never chose: in-app always, e-mail for reminders, missing lists and digests. */
export function defaultChannels(type: TNotificationType): { inApp: boolean; email: boolean } {
  return { inApp: true, email: EMAIL_BY_DEFAULT.includes(type) };
}

/**
 * Whether a type can reach a person with these roles: missing lists go to heads, digests to leaders
 * and assessors; everything else to everyone. The preferences page shows only these.
 */
export function preferenceApplies(type: TNotificationType, roles: readonly TRole[]): boolean {
  if (type === 'reminder.missing') return roles.includes('head');
  if (type === 'digest') return roles.includes('leader') || roles.includes('assessor');
  return true;
}

/** Which channels of one notification type reach the person. */
export const ZNotificationPreference = z.object({
  type: ZNotificationType,
  inApp: z.boolean(),
  email: z.boolean(),
});
export type TNotificationPreference = z.infer<typeof ZNotificationPreference>;

/** `GET /me/notification-preferences`: every type (with `applies` for the caller's roles) and the caller's e-mail address. */
export const ZNotificationPreferences = z.object({
  /** The address e-mail goes to; null when the person has none (then e-mail choices have no effect). */
  email: z.string().nullable(),
  items: z.array(ZNotificationPreference.extend({ applies: z.boolean() })),
});
export type TNotificationPreferences = z.infer<typeof ZNotificationPreferences>;

/** `PUT /me/notification-preferences`: the types listed are replaced; the others keep their choice. */
export const ZUpdateNotificationPreferencesRequest = z.object({
  items: z
    .array(ZNotificationPreference)
    .min(1)
    .max(PREFERENCE_TYPES.length)
    .refine((items) => new Set(items.map((i) => i.type)).size === items.length, 'each type at most once'),
});
export type TUpdateNotificationPreferencesRequest = z.infer<typeof ZUpdateNotificationPreferencesRequest>;
