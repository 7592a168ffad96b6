import type { TSetupRequest } from '@zhoubao/contracts';
import type { AppContext } from '../../context';
import type { Executor } from '../../db/database';
import { conflict } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { hashPassword } from '../../lib/secrets';
import { nowIso } from '../../lib/time';
import { audit } from '../audit/audit.service';
import { createSession, type NewSession } from '../auth/auth.service';
import { insertDepartment } from '../departments/departments.repository';
import { writeSettings } from '../settings/settings.repository';
import { countUsers, findUser, type UserRecord } from '../users/users.repository';
import { insertUserWithRoles } from '../users/users.service';

/** True while the database has no user: the first-run page creates the admin. */
export async function needsSetup(ctx: AppContext): Promise<boolean> {
  return (await countUsers(ctx.db)) === 0;
}

interface FirstAdmin {
  username: string;
  displayName: string;
  passwordHash: string;
  orgName?: string | undefined;
}

async function insertFirstAdmin(trx: Executor, admin: FirstAdmin, ip: string | null, via: string): Promise<UserRecord> {
  if ((await countUsers(trx)) > 0) throw conflict('Zhoubao is already set up');
  const now = nowIso();
  // The `setup` key is the lock: a second concurrent set-up fails on its primary key.
  await trx
    .insertInto('settings')
    .values({ key: 'setup', value: JSON.stringify({ at: now, via }), updated_at: now })
    .execute();
  let departmentId: string | null = null;
  if (admin.orgName) {
    departmentId = newId();
    await insertDepartment(trx, {
      id: departmentId,
      name: admin.orgName,
      parent_id: null,
      sort_order: 0,
      created_at: now,
      updated_at: now,
    });
    await writeSettings(trx, { orgName: admin.orgName }, now);
  }
  const id = await insertUserWithRoles(trx, {
    username: admin.username,
    displayName: admin.displayName,
    departmentId,
    roles: ['admin'],
    passwordHash: admin.passwordHash,
  });
  await audit(trx, {
    action: 'setup.completed',
    actorId: id,
    ip,
    targetType: 'user',
    targetId: id,
    data: { username: admin.username, via },
  });
  return (await findUser(trx, id)) as UserRecord;
}

/** First-run set-up from the web page: creates the organisation and its admin, and signs them in. */
export async function completeSetup(
  ctx: AppContext,
  input: TSetupRequest,
  ip: string | null,
  userAgent: string | null,
): Promise<NewSession> {
  const passwordHash = await hashPassword(input.password, ctx.config.passwordCost);
  // A concurrent set-up loses on the `setup` key and leaves as 409 through the error handler.
  return ctx.db.transaction().execute(async (trx) => {
    const user = await insertFirstAdmin(trx, { ...input, passwordHash }, ip, 'first-run page');
    return createSession(ctx, trx, user, ip, userAgent);
  });
}

/** Creates the admin from ZHOUBAO_ADMIN_* at start-up when the database has no user; returns whether it did. */
export async function bootstrapAdmin(ctx: AppContext): Promise<boolean> {
  const { adminPassword, adminUsername } = ctx.config;
  if (!adminPassword || !(await needsSetup(ctx))) return false;
  const passwordHash = await hashPassword(adminPassword, ctx.config.passwordCost);
  await ctx.db
    .transaction()
    .execute((trx) =>
      insertFirstAdmin(trx, { username: adminUsername, displayName: adminUsername, passwordHash }, null, 'environment'),
    );
  return true;
}
