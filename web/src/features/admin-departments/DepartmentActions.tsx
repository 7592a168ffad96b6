import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, EditOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Grid, Popconfirm, Space, Tooltip } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DepartmentNode } from '../../lib/department-tree';

export interface DepartmentActionHandlers {
  onAddChild: (d: DepartmentNode) => void;
  onEdit: (d: DepartmentNode) => void;
  onMove: (d: DepartmentNode, siblings: DepartmentNode[], delta: -1 | 1) => void;
  onDelete: (d: DepartmentNode) => Promise<unknown>;
}

/** The row actions of a department: text links on wide screens, icon buttons on phones. */
export function DepartmentActions({
  department: d,
  siblings,
  busy,
  handlers,
}: {
  department: DepartmentNode;
  siblings: DepartmentNode[];
  busy: boolean;
  handlers: DepartmentActionHandlers;
}) {
  const { t } = useTranslation();
  const iconOnly = Grid.useBreakpoint().md === false;

  const action = (testId: string, label: string, icon: ReactNode, extra: object = {}) => {
    const button = (
      <Button type="link" size="small" icon={icon} data-testid={testId} aria-label={label} {...extra}>
        {iconOnly ? null : label}
      </Button>
    );
    return iconOnly ? <Tooltip title={label}>{button}</Tooltip> : button;
  };

  const hasChildren = d.children.length > 0;
  const isFirst = siblings[0]?.id === d.id;
  const isLast = siblings[siblings.length - 1]?.id === d.id;
  const deleteButton = action('dept-delete', t('common.delete'), <DeleteOutlined />, {
    danger: true,
    disabled: hasChildren,
  });

  return (
    <Space size={0} wrap={false}>
      {action('dept-add-child', t('departments.addChild'), <PlusOutlined />, { onClick: () => handlers.onAddChild(d) })}
      {action('dept-edit', t('common.edit'), <EditOutlined />, { onClick: () => handlers.onEdit(d) })}
      {action('dept-up', t('departments.moveUp'), <ArrowUpOutlined />, {
        disabled: isFirst || busy,
        onClick: () => handlers.onMove(d, siblings, -1),
      })}
      {action('dept-down', t('departments.moveDown'), <ArrowDownOutlined />, {
        disabled: isLast || busy,
        onClick: () => handlers.onMove(d, siblings, 1),
      })}
      {hasChildren ? (
        <Tooltip title={t('departments.deleteHasChildren')}>
          <span>{deleteButton}</span>
        </Tooltip>
      ) : (
        <Popconfirm
          title={t('departments.deleteConfirm', { name: d.name })}
          okText={t('common.delete')}
          okButtonProps={{ danger: true }}
          onConfirm={() => handlers.onDelete(d)}
        >
          {deleteButton}
        </Popconfirm>
      )}
    </Space>
  );
}
