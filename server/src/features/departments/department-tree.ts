/** A department as the tree helpers need it. */
export interface TreeNode {
  id: string;
  name: string;
  parentId: string | null;
  sortOrder: number;
}

/** An in-memory index of the department tree: parents, children and ordering. */
export class DepartmentTree {
  private readonly byId = new Map<string, TreeNode>();
  private readonly children = new Map<string | null, TreeNode[]>();

  constructor(nodes: TreeNode[]) {
    for (const n of nodes) this.byId.set(n.id, n);
    for (const n of nodes) {
      const parent = n.parentId && this.byId.has(n.parentId) ? n.parentId : null;
      const list = this.children.get(parent) ?? [];
      list.push(n);
      this.children.set(parent, list);
    }
    for (const list of this.children.values()) {
      list.sort((a, b) => a.sortOrder - b.sortOrder || a.name.localeCompare(b.name, 'zh-CN') || a.id.localeCompare(b.id));
    }
  }

  get(id: string): TreeNode | undefined {
    return this.byId.get(id);
  }

  has(id: string): boolean {
    return this.byId.has(id);
  }

  childrenOf(id: string | null): TreeNode[] {
    return this.children.get(id) ?? [];
  }

  /** True when `id` is `ancestorId` or lies anywhere below it. */
  isUnder(id: string, ancestorId: string): boolean {
    const seen = new Set<string>();
    let current: string | null = id;
    while (current !== null && !seen.has(current)) {
      if (current === ancestorId) return true;
      seen.add(current);
      current = this.byId.get(current)?.parentId ?? null;
    }
    return false;
  }

  /** The department and everything below it, in tree order (each once, even if bad data holds a cycle). */
  subtree(id: string): string[] {
    if (!this.byId.has(id)) return [];
    return this.walk([id]);
  }

  /** Every department in tree order (depth first, siblings by sort order then name). */
  ordered(): TreeNode[] {
    return this.walk(this.childrenOf(null).map((n) => n.id)).map((id) => this.byId.get(id) as TreeNode);
  }

  /** Depth-first pre-order from the given starts; iterative, and visiting each id once so a cycle ends. */
  private walk(starts: string[]): string[] {
    const out: string[] = [];
    const seen = new Set<string>();
    const stack = [...starts].reverse();
    while (stack.length > 0) {
      const current = stack.pop() as string;
      if (seen.has(current)) continue;
      seen.add(current);
      out.push(current);
      const children = this.childrenOf(current);
      for (let i = children.length - 1; i >= 0; i--) stack.push((children[i] as TreeNode).id);
    }
    return out;
  }

  /** The names from the root down to the department, e.g. ['市局', '办公室']. */
  path(id: string): string[] {
    const names: string[] = [];
    const seen = new Set<string>();
    let current = this.byId.get(id);
    while (current && !seen.has(current.id)) {
      names.unshift(current.name);
      seen.add(current.id);
      current = current.parentId ? this.byId.get(current.parentId) : undefined;
    }
    return names;
  }
}
