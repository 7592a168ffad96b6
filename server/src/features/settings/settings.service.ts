import { type TSettings, type TUpdateSettingsRequest, ZSettings } from '@zhoubao/contracts';
import type { AppContext } from '../../context';
import type { Executor } from '../../db/database';
import { type Actor, authorize, hasRole } from '../../lib/actor';
import { nowIso } from '../../lib/time';
import { auditBy } from '../audit/audit.service';
import { readSettings, writeSettings } from './settings.repository';

/** The categories a new organisation starts with (a tax bureau's usual lines of work). */
export const DEFAULT_CATEGORIES = [
  '纳税服务',
  '税收征管',
  '收入核算',
  '税务稽查',
  '税收宣传',
  '党建工作',
  '学习提升',
  '综合事务',
];

/** Settings with defaults for what was never saved. */
export async function getSettings(ctx: AppContext, db: Executor = ctx.db): Promise<TSettings> {
  const stored = await readSettings(db);
  const candidate = {
    orgName: stored.get('orgName') ?? '',
    timezone: stored.get('timezone') ?? ctx.config.timezone,
    deadline: stored.get('deadline') ?? { weekday: 5, time: '17:00' },
    categories: stored.get('categories') ?? DEFAULT_CATEGORIES,
    locale: stored.get('locale') ?? 'zh-CN',
    ratingsVisibility: stored.get('ratingsVisibility') ?? 'average',
  };
  return ZSettings.parse(candidate);
}

/** Changes settings (admin); audited with the values before and after. */
export async function updateSettings(ctx: AppContext, actor: Actor, input: TUpdateSettingsRequest): Promise<TSettings> {
  authorize(hasRole(actor, 'admin'), 'Only admins change settings');
  return ctx.db.transaction().execute(async (trx) => {
    const before = await getSettings(ctx, trx);
    const values = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
    if (values.categories) values.categories = [...new Set(values.categories as string[])];
    await writeSettings(trx, values, nowIso());
    const after = await getSettings(ctx, trx);
    const changed = Object.keys(values);
    await auditBy(trx, actor, 'settings.updated', {
      targetType: 'settings',
      data: { before: Object.fromEntries(changed.map((k) => [k, before[k as keyof TSettings]])), after: values },
    });
    return after;
  });
}
