import type { TDepartment } from '@zhoubao/contracts';

/** A department with its children, siblings ordered by sortOrder then name. */
export interface DepartmentNode extends TDepartment {
  children: DepartmentNode[];
  depth: number;
}

const collator = new Intl.Collator('zh-CN');

export const compareSiblings = (a: TDepartment, b: TDepartment): number =>
  a.sortOrder - b.sortOrder || collator.compare(a.name, b.name);

/** Builds the tree from the flat list; a department whose parent is unknown becomes a root. */
export function buildDepartmentTree(items: readonly TDepartment[]): DepartmentNode[] {
  const nodes = new Map<string, DepartmentNode>();
  for (const d of items) nodes.set(d.id, { ...d, children: [], depth: 0 });
  const roots: DepartmentNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.parentId ? nodes.get(node.parentId) : undefined;
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  const sortDeep = (list: DepartmentNode[], depth: number, seen: Set<string>): void => {
    list.sort(compareSiblings);
    for (const n of list) {
      n.depth = depth;
      // A cycle in bad data must not hang the page.
      if (seen.has(n.id)) n.children = [];
      seen.add(n.id);
      sortDeep(n.children, depth + 1, seen);
    }
  };
  sortDeep(roots, 0, new Set());
  return roots;
}

/** The names from the root down to the department, e.g. ["市局", "办公室"]. */
export function departmentPath(id: string | null, byId: ReadonlyMap<string, TDepartment>): string[] {
  const names: string[] = [];
  const seen = new Set<string>();
  let current = id ? byId.get(id) : undefined;
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    names.unshift(current.name);
    current = current.parentId ? byId.get(current.parentId) : undefined;
  }
  return names;
}

/** The ids of a department and all departments under it. */
export function subtreeIds(node: DepartmentNode): Set<string> {
  const ids = new Set<string>();
  const walk = (n: DepartmentNode) => {
    ids.add(n.id);
    n.children.forEach(walk);
  };
  walk(node);
  return ids;
}

/** Tree data for antd TreeSelect; `disabled` ids (and their subtrees) cannot be chosen. */
export interface TreeSelectNode {
  value: string;
  title: string;
  disabled?: boolean;
  children: TreeSelectNode[];
}

export function toTreeSelectData(nodes: DepartmentNode[], disabled?: ReadonlySet<string>): TreeSelectNode[] {
  return nodes.map((n) => ({
    value: n.id,
    title: n.name,
    disabled: disabled?.has(n.id) || undefined,
    children: toTreeSelectData(n.children, disabled),
  }));
}
