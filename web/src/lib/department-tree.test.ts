import type { TDepartment } from '@zhoubao/contracts';
import { describe, expect, it } from 'vitest';
import { buildDepartmentTree, departmentPath, subtreeIds, toTreeSelectData } from './department-tree';

const d = (id: string, name: string, parentId: string | null, sortOrder = 0): TDepartment => ({ id, name, parentId, sortOrder });

const flat = [
  d('office', '办公室', 'city', 10),
  d('city', '市局', null),
  d('tax', '征管科', 'city', 10),
  d('hr', '人事科', 'city', 5),
  d('sub', '第一所', 'tax'),
];

describe('buildDepartmentTree', () => {
  it('nests children and orders siblings by sortOrder, then name', () => {
    const [root] = buildDepartmentTree(flat);
    expect(root?.id).toBe('city');
    expect(root?.children.map((c) => c.name)).toEqual(['人事科', '办公室', '征管科']);
    expect(root?.children[2]?.children.map((c) => c.id)).toEqual(['sub']);
    expect(root?.children[2]?.children[0]?.depth).toBe(2);
  });

  it('treats a department with an unknown parent as a root', () => {
    expect(buildDepartmentTree([d('a', 'A', 'missing')]).map((n) => n.id)).toEqual(['a']);
  });

  it('survives a cycle in the data', () => {
    const tree = buildDepartmentTree([d('a', 'A', 'b'), d('b', 'B', 'a')]);
    expect(tree).toEqual([]);
  });
});

describe('departmentPath', () => {
  it('names the departments from the root down', () => {
    const byId = new Map(flat.map((x) => [x.id, x]));
    expect(departmentPath('sub', byId)).toEqual(['市局', '征管科', '第一所']);
    expect(departmentPath(null, byId)).toEqual([]);
  });
});

describe('subtreeIds and toTreeSelectData', () => {
  it('disables a department and everything under it', () => {
    const [root] = buildDepartmentTree(flat);
    const tax = root?.children.find((c) => c.id === 'tax');
    if (!root || !tax) throw new Error('tree not built');
    const blocked = subtreeIds(tax);
    expect([...blocked].sort()).toEqual(['sub', 'tax']);
    const [option] = toTreeSelectData([root], blocked);
    const taxOption = option?.children.find((c) => c.value === 'tax');
    expect(taxOption?.disabled).toBe(true);
    expect(taxOption?.children[0]?.disabled).toBe(true);
    expect(option?.disabled).toBeUndefined();
  });
});
