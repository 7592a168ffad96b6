import type { TCreateDepartmentRequest, TDepartment, TUpdateDepartmentRequest } from '@zhoubao/contracts';
import type { AppContext } from '../../context';
import type { Executor } from '../../db/database';
import { type Actor, authorize } from '../../lib/actor';
import { conflict, invalidInput, notFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { nowIso } from '../../lib/time';
import { auditBy } from '../audit/audit.service';
import { canManageOrg } from './departments.policy';
import * as repo from './departments.repository';

const present = (r: repo.DepartmentRow): TDepartment => ({
  id: r.id,
  name: r.name,
  parentId: r.parent_id,
  sortOrder: r.sort_order,
});

/** Every department, in tree order. */
export async function listDepartments(ctx: AppContext): Promise<TDepartment[]> {
  const tree = await repo.loadTree(ctx.db);
  return tree.ordered().map((n) => ({ id: n.id, name: n.name, parentId: n.parentId, sortOrder: n.sortOrder }));
}

async function assertNameFree(db: Executor, parentId: string | null, name: string, self?: string) {
  const same = await repo.findSibling(db, parentId, name);
  if (same && same.id !== self)
    throw conflict(`A department named "${name}" already exists there`, [{ path: 'name', message: 'duplicate' }]);
}

async function assertParent(db: Executor, parentId: string | null) {
  if (parentId !== null && !(await repo.findDepartment(db, parentId))) {
    throw invalidInput('The parent department does not exist', [{ path: 'parentId', message: 'unknown department' }]);
  }
}

/** Creates a department (admin). */
export async function createDepartment(ctx: AppContext, actor: Actor, input: TCreateDepartmentRequest): Promise<TDepartment> {
  authorize(canManageOrg(actor), 'Only admins manage departments');
  return ctx.db.transaction().execute(async (trx) => {
    const parentId = input.parentId ?? null;
    await assertParent(trx, parentId);
    await assertNameFree(trx, parentId, input.name);
    const now = nowIso();
    const row: repo.DepartmentRow = {
      id: newId(),
      name: input.name,
      parent_id: parentId,
      sort_order: input.sortOrder ?? (await repo.nextSortOrder(trx, parentId)),
      created_at: now,
      updated_at: now,
    };
    await repo.insertDepartment(trx, row);
    await auditBy(trx, actor, 'department.created', {
      targetType: 'department',
      targetId: row.id,
      data: { name: row.name, parentId },
    });
    return present(row);
  });
}

/** Renames, moves or reorders a department (admin); refuses cycles and duplicate sibling names. */
export async function updateDepartment(
  ctx: AppContext,
  actor: Actor,
  id: string,
  input: TUpdateDepartmentRequest,
): Promise<TDepartment> {
  authorize(canManageOrg(actor), 'Only admins manage departments');
  return ctx.db.transaction().execute(async (trx) => {
    const current = await repo.findDepartment(trx, id);
    if (!current) throw notFound('Department');
    const parentId = input.parentId === undefined ? current.parent_id : input.parentId;
    const name = input.name ?? current.name;
    if (parentId !== current.parent_id) {
      await assertParent(trx, parentId);
      if (parentId !== null && (await repo.loadTree(trx)).isUnder(parentId, id)) {
        throw conflict('A department cannot move under itself', [{ path: 'parentId', message: 'cycle' }]);
      }
    }
    if (parentId !== current.parent_id || name !== current.name) await assertNameFree(trx, parentId, name, id);
    const patch = { name, parent_id: parentId, sort_order: input.sortOrder ?? current.sort_order, updated_at: nowIso() };
    await repo.updateDepartmentRow(trx, id, patch);
    await auditBy(trx, actor, 'department.updated', {
      targetType: 'department',
      targetId: id,
      data: { before: present(current), after: { name, parentId, sortOrder: patch.sort_order } },
    });
    return present({ ...current, ...patch });
  });
}

/** Deletes an empty department (admin); 409 while it has users or children. */
export async function deleteDepartment(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  authorize(canManageOrg(actor), 'Only admins manage departments');
  await ctx.db.transaction().execute(async (trx) => {
    const current = await repo.findDepartment(trx, id);
    if (!current) throw notFound('Department');
    const { users, children } = await repo.countDependents(trx, id);
    if (users > 0 || children > 0) {
      throw conflict('Only an empty department can be deleted: move its users and sub-departments first', { users, children });
    }
    await repo.deleteDepartmentRow(trx, id);
    await auditBy(trx, actor, 'department.deleted', { targetType: 'department', targetId: id, data: { name: current.name } });
  });
}

/** Finds a department by its path of names (`市局/办公室`), creating the missing ones; returns its id. */
export async function ensureDepartmentPath(trx: Executor, actor: Actor, names: string[]): Promise<string> {
  let parentId: string | null = null;
  for (const name of names) {
    const found: repo.DepartmentRow | undefined = await repo.findSibling(trx, parentId, name);
    if (found) {
      parentId = found.id;
      continue;
    }
    const now = nowIso();
    const row: repo.DepartmentRow = {
      id: newId(),
      name,
      parent_id: parentId,
      sort_order: await repo.nextSortOrder(trx, parentId),
      created_at: now,
      updated_at: now,
    };
    await repo.insertDepartment(trx, row);
    await auditBy(trx, actor, 'department.created', {
      targetType: 'department',
      targetId: row.id,
      data: { name, parentId, via: 'import' },
    });
    parentId = row.id;
  }
  if (parentId === null) throw invalidInput('The department path is empty');
  return parentId;
}
