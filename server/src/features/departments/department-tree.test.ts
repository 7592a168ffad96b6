import { describe, expect, it } from 'vitest';
import { DepartmentTree, type TreeNode } from './department-tree';

const node = (id: string, parentId: string | null, sortOrder = 0, name = id): TreeNode => ({ id, name, parentId, sortOrder });

// 市局 ─┬─ 办公室 ── 文秘科
//       └─ 税政科
// 县局 (a second root)
const sample = () =>
  new DepartmentTree([
    node('city', null, 0, '市局'),
    node('office', 'city', 20, '办公室'),
    node('tax', 'city', 10, '税政科'),
    node('secretary', 'office', 0, '文秘科'),
    node('county', null, 5, '县局'),
  ]);

describe('DepartmentTree.isUnder', () => {
  it('is true for the department itself', () => {
    expect(sample().isUnder('office', 'office')).toBe(true);
  });

  it('is true for a child and a grandchild, false the other way round', () => {
    const tree = sample();
    expect(tree.isUnder('office', 'city')).toBe(true);
    expect(tree.isUnder('secretary', 'city')).toBe(true);
    expect(tree.isUnder('city', 'secretary')).toBe(false);
    expect(tree.isUnder('city', 'office')).toBe(false);
  });

  it('is false for siblings, other roots and unknown ids', () => {
    const tree = sample();
    expect(tree.isUnder('tax', 'office')).toBe(false);
    expect(tree.isUnder('secretary', 'county')).toBe(false);
    expect(tree.isUnder('ghost', 'city')).toBe(false);
    expect(tree.isUnder('city', 'ghost')).toBe(false);
  });

  it('terminates on a cycle in bad data and still answers', () => {
    const tree = new DepartmentTree([node('a', 'b'), node('b', 'a'), node('c', 'a'), node('x', null)]);
    expect(tree.isUnder('c', 'b')).toBe(true);
    expect(tree.isUnder('a', 'b')).toBe(true);
    expect(tree.isUnder('c', 'x')).toBe(false);
  });

  it('terminates on a department that is its own parent', () => {
    const tree = new DepartmentTree([node('self', 'self'), node('root', null)]);
    expect(tree.isUnder('self', 'root')).toBe(false);
    expect(tree.isUnder('self', 'self')).toBe(true);
  });
});

describe('DepartmentTree.subtree', () => {
  it('lists the department first, then everything below it in tree order', () => {
    expect(sample().subtree('city')).toEqual(['city', 'tax', 'office', 'secretary']);
    expect(sample().subtree('office')).toEqual(['office', 'secretary']);
  });

  it('is just the department for a leaf, and empty for an unknown id', () => {
    expect(sample().subtree('secretary')).toEqual(['secretary']);
    expect(sample().subtree('ghost')).toEqual([]);
  });

  it('terminates on a cycle in bad data, listing each department once', () => {
    const tree = new DepartmentTree([node('a', 'b'), node('b', 'a'), node('c', 'a')]);
    expect(tree.subtree('a').sort()).toEqual(['a', 'b', 'c']);
    expect(new DepartmentTree([node('self', 'self')]).subtree('self')).toEqual(['self']);
  });
});

describe('DepartmentTree.ordered', () => {
  it('walks depth first with siblings by sort order', () => {
    expect(
      sample()
        .ordered()
        .map((n) => n.id),
    ).toEqual(['city', 'tax', 'office', 'secretary', 'county']);
  });

  it('orders siblings with the same sort order by name (zh-CN), then id', () => {
    const tree = new DepartmentTree([node('z', null, 0, '征管科'), node('b', null, 0, '办公室'), node('b2', null, 0, '办公室')]);
    expect(tree.ordered().map((n) => n.id)).toEqual(['b', 'b2', 'z']);
  });

  it('treats a department whose parent is missing as a root', () => {
    const tree = new DepartmentTree([node('orphan', 'gone', 1), node('root', null, 0)]);
    expect(tree.ordered().map((n) => n.id)).toEqual(['root', 'orphan']);
  });
});

describe('DepartmentTree.path', () => {
  it('lists the names from the root down', () => {
    expect(sample().path('secretary')).toEqual(['市局', '办公室', '文秘科']);
    expect(sample().path('county')).toEqual(['县局']);
  });

  it('is empty for an unknown id and terminates on a cycle', () => {
    expect(sample().path('ghost')).toEqual([]);
    const tree = new DepartmentTree([node('a', 'b', 0, 'A'), node('b', 'a', 0, 'B')]);
    expect(tree.path('a')).toEqual(['B', 'A']);
  });
});
