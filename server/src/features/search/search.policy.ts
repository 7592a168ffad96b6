import { type Actor, hasRole } from '../../lib/actor';
import type { DepartmentTree } from '../departments/department-tree';
import type { SearchScope } from './search.provider';

/**
 * What a viewer may find, as the search query checks it: their own drafts and restricted items,
 * and the restricted items (and summary drafts) of every department they oversee — their own as
 * head, each supervised department's subtree as leader, all as assessor. The same people as
 * `oversees` / `canSeeRestricted` in reports.policy.ts, listed instead of tested per report.
 * The tree is needed for leaders only.
 */
export function searchScopeOf(actor: Actor, tree: DepartmentTree | null): SearchScope {
  if (hasRole(actor, 'assessor')) return { viewerId: actor.id, all: true, departments: [] };
  const departments = new Set<string>();
  if (hasRole(actor, 'head') && actor.departmentId) departments.add(actor.departmentId);
  if (hasRole(actor, 'leader')) {
    if (!tree) throw new Error("a leader's search scope needs the department tree");
    for (const root of actor.supervises) for (const id of tree.subtree(root)) departments.add(id);
  }
  return { viewerId: actor.id, all: false, departments: [...departments] };
}
