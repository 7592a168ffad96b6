import type { TUser } from '@zhoubao/contracts';
import { type DepartmentNode, subtreeIds } from '../../lib/department-tree';
import { hasRole } from '../../lib/roles';

/** A department the page offers, with its path for the picker. */
export interface DepartmentChoice {
  id: string;
  name: string;
  path: string;
  /** True when the user may write its summary and publish (the server decides the same way). */
  manageable: boolean;
}

/**
 * The departments a user may work on, in tree order: assessors any, heads their own, leaders the
 * departments they supervise and everything under them — the rule of the server's `canManageBulletin`.
 * Admins may also look at any department, read-only unless another role lets them manage it.
 */
export function departmentChoices(user: TUser, tree: DepartmentNode[]): DepartmentChoice[] {
  const all = hasRole(user, 'assessor');
  const managed = new Set<string>();
  const visit = (nodes: DepartmentNode[], fn: (n: DepartmentNode) => void) =>
    nodes.forEach((n) => {
      fn(n);
      visit(n.children, fn);
    });
  if (hasRole(user, 'head') && user.departmentId) managed.add(user.departmentId);
  if (hasRole(user, 'leader')) {
    const supervised = new Set(user.supervises);
    visit(tree, (n) => {
      if (supervised.has(n.id)) for (const id of subtreeIds(n)) managed.add(id);
    });
  }
  const readable = hasRole(user, 'admin');
  const choices: DepartmentChoice[] = [];
  const walk = (nodes: DepartmentNode[], path: string[]) => {
    for (const n of nodes) {
      const names = [...path, n.name];
      const manageable = all || managed.has(n.id);
      if (manageable || readable) choices.push({ id: n.id, name: n.name, path: names.join(' / '), manageable });
      walk(n.children, names);
    }
  };
  walk(tree, []);
  return choices;
}
