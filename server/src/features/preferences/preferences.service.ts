import {
  defaultChannels,
  PREFERENCE_TYPES,
  preferenceApplies,
  type TNotificationPreferences,
  type TUpdateNotificationPreferencesRequest,
} from '@zhoubao/contracts';
import type { AppContext } from '../../context';
import type { Actor } from '../../lib/actor';
import { notFound } from '../../lib/errors';
import { findUser } from '../users/users.repository';
import * as repo from './preferences.repository';

/** The caller's channels for every notification type (defaults where never chosen) and their e-mail address. */
export async function getMyPreferences(ctx: AppContext, actor: Actor): Promise<TNotificationPreferences> {
  const [user, rows] = await Promise.all([findUser(ctx.db, actor.id), repo.listPreferenceRows(ctx.db, actor.id)]);
  if (!user) throw notFound('User');
  const chosen = new Map(rows.map((r) => [r.type, { inApp: r.in_app === 1, email: r.email === 1 }]));
  return {
    email: user.email || null,
    items: PREFERENCE_TYPES.map((type) => ({
      type,
      ...(chosen.get(type) ?? defaultChannels(type)),
      applies: preferenceApplies(type, actor.roles),
    })),
  };
}

/**
 * Stores the caller's channels for the listed types (others keep theirs). One's own preferences
 * are not audited: they change nothing anyone else sees.
 */
export async function putMyPreferences(
  ctx: AppContext,
  actor: Actor,
  input: TUpdateNotificationPreferencesRequest,
  now = new Date(),
): Promise<TNotificationPreferences> {
  const at = now.toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    for (const item of input.items) {
      await repo.upsertPreference(trx, {
        user_id: actor.id,
        type: item.type,
        in_app: item.inApp ? 1 : 0,
        email: item.email ? 1 : 0,
        updated_at: at,
      });
    }
  });
  return getMyPreferences(ctx, actor);
}
