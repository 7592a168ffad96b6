import type { Selectable } from 'kysely';
import type { Executor } from '../../db/database';
import type { DepartmentsTable } from '../../db/schema';
import { DepartmentTree } from './department-tree';

export type DepartmentRow = Selectable<DepartmentsTable>;

/** Every department. */
export async function listDepartmentRows(db: Executor): Promise<DepartmentRow[]> {
  return db.selectFrom('departments').selectAll().execute();
}

/** The whole department tree, loaded in one query. */
export async function loadTree(db: Executor): Promise<DepartmentTree> {
  const rows = await listDepartmentRows(db);
  return new DepartmentTree(rows.map((r) => ({ id: r.id, name: r.name, parentId: r.parent_id, sortOrder: r.sort_order })));
}

/** One department, or undefined. */
export async function findDepartment(db: Executor, id: string): Promise<DepartmentRow | undefined> {
  return db.selectFrom('departments').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A department by parent and name, or undefined. */
export async function findSibling(db: Executor, parentId: string | null, name: string): Promise<DepartmentRow | undefined> {
  let q = db.selectFrom('departments').selectAll().where('name', '=', name);
  q = parentId === null ? q.where('parent_id', 'is', null) : q.where('parent_id', '=', parentId);
  return q.executeTakeFirst();
}

/** Inserts a department. */
export async function insertDepartment(db: Executor, row: DepartmentRow): Promise<void> {
  await db.insertInto('departments').values(row).execute();
}

/** Updates some columns of a department. */
export async function updateDepartmentRow(db: Executor, id: string, patch: Partial<DepartmentRow>): Promise<void> {
  await db.updateTable('departments').set(patch).where('id', '=', id).execute();
}

/** Deletes a department and the supervision links to it. */
export async function deleteDepartmentRow(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('user_supervises').where('department_id', '=', id).execute();
  await db.deleteFrom('departments').where('id', '=', id).execute();
}

/** How many users and child departments a department has. */
export async function countDependents(db: Executor, id: string) {
  const [users, children] = await Promise.all([
    db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('department_id', '=', id)
      .executeTakeFirstOrThrow(),
    db
      .selectFrom('departments')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('parent_id', '=', id)
      .executeTakeFirstOrThrow(),
  ]);
  return { users: Number(users.n), children: Number(children.n) };
}

/** The next sort order after the last sibling. */
export async function nextSortOrder(db: Executor, parentId: string | null): Promise<number> {
  let q = db.selectFrom('departments').select((eb) => eb.fn.max('sort_order').as('m'));
  q = parentId === null ? q.where('parent_id', 'is', null) : q.where('parent_id', '=', parentId);
  const r = await q.executeTakeFirst();
  return r?.m === null || r?.m === undefined ? 0 : Number(r.m) + 10;
}
