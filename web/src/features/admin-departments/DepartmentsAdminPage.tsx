import { ApartmentOutlined, PlusOutlined } from '@ant-design/icons';
import { App, Button, Card, Table, type TableColumnsType, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../components/PageHeader';
import { LoadErrorResult } from '../../components/ResultPages';
import { isApiError } from '../../lib/api';
import type { DepartmentNode } from '../../lib/department-tree';
import { useErrorText, useNotifyError } from '../../lib/errors';
import { testId } from '../../lib/test-id';
import { type DepartmentActionHandlers, DepartmentActions } from './DepartmentActions';
import { type DepartmentDialog, DepartmentFormModal } from './DepartmentFormModal';
import { useDeleteDepartment, useDepartments, useReorderDepartments } from './departments.api';

interface Row extends Omit<DepartmentNode, 'children'> {
  node: DepartmentNode;
  siblings: DepartmentNode[];
  children?: Row[];
}

/** Table rows for the tree; `children` is left out for leaves so they show no expand icon. */
function toRows(nodes: DepartmentNode[]): Row[] {
  return nodes.map((node) => {
    const { children, ...rest } = node;
    return { ...rest, node, siblings: nodes, children: children.length ? toRows(children) : undefined };
  });
}

const nextSortOrder = (siblings: DepartmentNode[]) => Math.max(0, ...siblings.map((s) => s.sortOrder)) + 10;

/** Admin: the department tree — add, rename, move, reorder, delete. */
export default function DepartmentsAdminPage() {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const notifyError = useNotifyError();
  const departments = useDepartments();
  const reorder = useReorderDepartments();
  const remove = useDeleteDepartment();
  const [dialog, setDialog] = useState<DepartmentDialog | null>(null);
  const [expanded, setExpanded] = useState<readonly React.Key[] | null>(null);

  const tree = departments.data?.tree;
  const rows = useMemo(() => (tree ? toRows(tree) : []), [tree]);

  // Everything starts expanded; after that the admin's choices are kept.
  useEffect(() => {
    if (departments.data && expanded === null) setExpanded(departments.data.items.map((d) => d.id));
  }, [departments.data, expanded]);

  const handlers: DepartmentActionHandlers = {
    onAddChild: (d) => setDialog({ mode: 'create', parentId: d.id, sortOrder: nextSortOrder(d.children) }),
    onEdit: (d) => setDialog({ mode: 'edit', department: d }),
    onMove: (d, siblings, delta) => {
      const list = [...siblings];
      const from = list.findIndex((s) => s.id === d.id);
      const to = from + delta;
      if (from < 0 || to < 0 || to >= list.length) return;
      [list[from], list[to]] = [list[to] as DepartmentNode, list[from] as DepartmentNode];
      reorder.mutate(list, { onError: notifyError });
    },
    onDelete: (d) =>
      remove.mutateAsync(d.id).then(
        () => void message.success(t('common.deleted')),
        (e: unknown) =>
          void message.error(isApiError(e) && e.code === 'conflict' ? t('departments.deleteConflict') : errorText(e)),
      ),
  };

  const columns: TableColumnsType<Row> = [
    {
      title: t('departments.name'),
      dataIndex: 'name',
      render: (name: string) => (
        <Typography.Text>
          <ApartmentOutlined style={{ marginInlineEnd: 8, color: '#1677ff' }} />
          {name}
        </Typography.Text>
      ),
    },
    { title: t('departments.sortOrder'), dataIndex: 'sortOrder', width: 110, responsive: ['sm'] },
    {
      title: t('common.actions'),
      key: 'actions',
      width: 1,
      render: (_: unknown, row) => (
        <DepartmentActions department={row.node} siblings={row.siblings} busy={reorder.isPending} handlers={handlers} />
      ),
    },
  ];

  if (departments.isError) {
    return <LoadErrorResult message={errorText(departments.error)} onRetry={() => void departments.refetch()} />;
  }

  return (
    <>
      <PageHeader
        title={t('departments.title')}
        description={t('departments.description')}
        extra={
          <Button
            type="primary"
            icon={<PlusOutlined />}
            data-testid="dept-create-root"
            onClick={() => setDialog({ mode: 'create', parentId: null, sortOrder: nextSortOrder(tree ?? []) })}
          >
            {t('departments.createRoot')}
          </Button>
        }
      />
      <Card styles={{ body: { padding: 0 } }}>
        <Table<Row>
          rowKey="id"
          size="middle"
          columns={columns}
          dataSource={rows}
          loading={departments.isPending}
          pagination={false}
          scroll={{ x: 'max-content' }}
          expandable={{
            expandedRowKeys: expanded ?? [],
            onExpandedRowsChange: (keys) => setExpanded(keys),
          }}
          locale={{ emptyText: t('departments.empty') }}
          onRow={(row) => testId('dept-row', { 'dept-name': row.name, 'dept-id': row.id })}
        />
      </Card>
      <DepartmentFormModal
        dialog={dialog}
        onClose={(parentId) => {
          setDialog(null);
          if (parentId) setExpanded((keys) => [...(keys ?? []), parentId]);
        }}
      />
    </>
  );
}
