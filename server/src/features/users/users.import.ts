import { IMPORT_COLUMNS, type TImportResult, type TRole, ZCreateUserRequest, ZRole, ZUsername } from '@zhoubao/contracts';
import { z } from 'zod';
import type { AppContext } from '../../context';
import { type Actor, authorize } from '../../lib/actor';
import { AppError, invalidInput } from '../../lib/errors';
import { hashPassword } from '../../lib/secrets';
import { nowIso } from '../../lib/time';
import { auditBy } from '../audit/audit.service';
import { ensureDepartmentPath } from '../departments/departments.service';
import type { TableRow } from './import-table';
import { canManageUsers } from './users.policy';
import * as repo from './users.repository';
import { assertNotLastAdmin, insertUserWithRoles } from './users.service';

/** Header names accepted for each column (English and the usual Chinese office headings). */
const HEADER_ALIASES: Record<string, string[]> = {
  username: ['username', '用户名', '账号', '帐号'],
  displayName: ['displayname', 'display name', 'name', '姓名'],
  department: ['department', '部门', '科室'],
  title: ['title', '职务', '职位'],
  email: ['email', 'e-mail', '邮箱', '电子邮箱'],
  roles: ['roles', '角色'],
  password: ['password', '密码', '初始密码'],
};

/** Role names accepted in the roles column, English or Chinese. */
const ROLE_ALIASES: Record<string, TRole> = {
  成员: 'member',
  科员: 'member',
  负责人: 'head',
  科室负责人: 'head',
  分管领导: 'leader',
  领导: 'leader',
  考核: 'assessor',
  考核员: 'assessor',
  管理员: 'admin',
  审计: 'auditor',
  审计员: 'auditor',
};

type Column = keyof typeof HEADER_ALIASES;

function mapHeader(header: string[]): Map<Column, number> {
  const columns = new Map<Column, number>();
  header.forEach((raw, index) => {
    const name = raw.trim().toLowerCase();
    for (const [column, aliases] of Object.entries(HEADER_ALIASES)) {
      if (aliases.includes(name) && !columns.has(column as Column)) columns.set(column as Column, index);
    }
  });
  return columns;
}

const ZImportRow = z.object({
  username: ZUsername,
  displayName: ZCreateUserRequest.shape.displayName,
  department: z
    .string()
    .trim()
    .min(1, 'department is required')
    .transform((s) => s.split(/[/／]/).map((p) => p.trim()))
    .refine((parts) => parts.every((p) => p.length > 0 && p.length <= 100), 'department path has an empty or too long part'),
  title: z.string().trim().max(64),
  email: z.union([z.literal(''), z.string().trim().max(254).email()]),
  roles: z
    .string()
    .transform((s) =>
      s
        .split(/[|｜]/)
        .map((r) => r.trim())
        .filter(Boolean),
    )
    .transform((list) => list.map((r) => ROLE_ALIASES[r] ?? r.toLowerCase()))
    .pipe(z.array(ZRole)),
  password: z.union([z.literal(''), ZCreateUserRequest.shape.password]),
});

function describe(error: z.ZodError): string {
  return error.issues.map((i) => `${i.path.join('.') || 'row'}: ${i.message}`).join('; ');
}

/**
 * Imports users from a parsed table (admin). Each line is written in its own transaction, so a
 * bad line is reported with its line number and never blocks or half-writes the good ones.
 */
export async function importUsers(ctx: AppContext, actor: Actor, read: () => Promise<TableRow[]>): Promise<TImportResult> {
  authorize(canManageUsers(actor), 'Only admins import users');
  const [header, ...rows] = await read();
  if (!header) throw invalidInput('The file is empty');
  const columns = mapHeader(header.cells);
  const missing = (['username', 'displayName', 'department'] as const).filter((c) => !columns.has(c));
  if (missing.length) {
    throw invalidInput(`The header must name the columns ${IMPORT_COLUMNS.join(',')}; missing: ${missing.join(', ')}`, [
      { path: 'header', line: 1, message: `missing ${missing.join(', ')}` },
    ]);
  }
  const result: TImportResult = { created: 0, updated: 0, errors: [] };
  const seen = new Map<string, number>();
  for (const row of rows) {
    // Spreadsheets export empty rows as lines of bare commas: blank, not a bad line.
    if (row.cells.every((c) => c.trim() === '')) continue;
    const get = (c: Column) => {
      const index = columns.get(c);
      return index === undefined ? '' : (row.cells[index] ?? '').trim();
    };
    const parsed = ZImportRow.safeParse({
      username: get('username'),
      displayName: get('displayName'),
      department: get('department'),
      title: get('title'),
      email: get('email'),
      roles: get('roles'),
      password: get('password'),
    });
    if (!parsed.success) {
      result.errors.push({ line: row.line, message: describe(parsed.error) });
      continue;
    }
    const data = parsed.data;
    const key = repo.usernameKey(data.username);
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      result.errors.push({ line: row.line, message: `username: "${data.username}" already appears on line ${earlier}` });
      continue;
    }
    seen.set(key, row.line);
    try {
      const passwordHash = data.password ? await hashPassword(data.password, ctx.config.passwordCost) : null;
      const outcome = await ctx.db.transaction().execute(async (trx) => {
        const departmentId = await ensureDepartmentPath(trx, actor, data.department);
        const existing = await repo.findUserRowByUsername(trx, data.username);
        const fields = {
          displayName: data.displayName,
          departmentId,
          title: data.title || null,
          email: data.email || null,
          roles: data.roles,
        };
        if (!existing) {
          const id = await insertUserWithRoles(trx, { username: data.username, ...fields, passwordHash });
          await auditBy(trx, actor, 'user.created', {
            targetType: 'user',
            targetId: id,
            data: { username: data.username, via: 'import', line: row.line },
          });
          return 'created' as const;
        }
        const patch: Partial<repo.UserRow> = {
          display_name: fields.displayName,
          department_id: departmentId,
          title: fields.title,
          email: fields.email,
          updated_at: nowIso(),
        };
        if (passwordHash) patch.password_hash = passwordHash;
        if (columns.has('roles')) {
          const record = (await repo.findUser(trx, existing.id)) as repo.UserRecord;
          await assertNotLastAdmin(trx, record, { active: existing.active === 1, roles: data.roles });
        }
        await repo.updateUserRow(trx, existing.id, patch);
        if (columns.has('roles')) await repo.replaceRoles(trx, existing.id, data.roles);
        await auditBy(trx, actor, 'user.updated', {
          targetType: 'user',
          targetId: existing.id,
          data: { via: 'import', line: row.line, changed: fields },
        });
        return 'updated' as const;
      });
      result[outcome]++;
    } catch (err) {
      if (!(err instanceof AppError)) ctx.log.warn({ err, line: row.line }, 'import line failed');
      result.errors.push({
        line: row.line,
        message: err instanceof AppError ? err.message : 'could not be saved (conflicting data)',
      });
    }
  }
  await auditBy(ctx.db, actor, 'users.imported', { targetType: 'user', data: { ...result, errors: result.errors.length } });
  return result;
}
