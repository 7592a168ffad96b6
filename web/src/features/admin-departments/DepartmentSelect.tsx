import { TreeSelect, type TreeSelectProps } from 'antd';
import { useMemo } from 'react';
import { toTreeSelectData } from '../../lib/department-tree';
import { useDepartments } from './departments.api';

type Props = Omit<TreeSelectProps<string | string[]>, 'treeData'> & {
  /** Departments (with their subtrees) that cannot be picked. */
  disabledIds?: ReadonlySet<string>;
  'data-testid'?: string;
};

/** A searchable department tree picker (single or, with `multiple`, several). */
export function DepartmentSelect({ disabledIds, ...props }: Props) {
  const departments = useDepartments();
  const tree = departments.data?.tree;
  const treeData = useMemo(() => (tree ? toTreeSelectData(tree, disabledIds) : []), [tree, disabledIds]);
  return (
    <TreeSelect<string | string[]>
      treeData={treeData}
      loading={departments.isPending}
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandAll
      popupMatchSelectWidth={false}
      style={{ width: '100%' }}
      {...props}
    />
  );
}
