import { DeleteOutlined, LockOutlined, PlusOutlined, TrophyOutlined } from '@ant-design/icons';
import { ITEM_KINDS, REPORT_LIMITS, type TDepartmentSummary, type TItemKind, type TSaveSummaryRequest } from '@zhoubao/contracts';
import { AutoComplete, Button, Card, Flex, Form, type FormInstance, Input, Select, Switch, Tag, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format';
import { isRedacted } from '../report/ItemList';
import { useSettings } from '../settings/settings.api';

export interface SummaryItemValues {
  id?: string;
  kind: TItemKind;
  category?: string | null;
  content: string;
  outcome?: string | null;
  restricted: boolean;
  tags?: string[];
}

export interface SummaryFormValues {
  summary: string;
  items: SummaryItemValues[];
}

export const newSummaryItem = (): SummaryItemValues => ({ kind: 'work', content: '', restricted: false });

/**
 * The form's values from a saved summary. Its writers (head, leaders, assessors) see every item in full;
 * a redacted placeholder could not be edited, so none is expected here.
 */
export function toFormValues(summary: TDepartmentSummary | null): SummaryFormValues {
  return {
    summary: summary?.summary ?? '',
    items: (summary?.items ?? []).flatMap((i) =>
      isRedacted(i)
        ? []
        : [
            {
              id: i.id,
              kind: i.kind,
              category: i.category,
              content: i.content,
              outcome: i.outcome,
              restricted: i.visibility === 'restricted',
              tags: i.tags,
            },
          ],
    ),
  };
}

/** The PUT body from the form's values (item ids kept, so items keep their identity across saves). */
export function toSaveRequest(values: SummaryFormValues): TSaveSummaryRequest {
  return {
    summary: values.summary?.trim() || null,
    items: (values.items ?? []).map((i) => ({
      id: i.id,
      kind: i.kind,
      category: i.category?.trim() || null,
      content: i.content.trim(),
      outcome: i.outcome?.trim() || null,
      visibility: i.restricted ? 'restricted' : 'public',
      tags: i.tags ?? [],
    })),
  };
}

function ItemEditor({ name, index, onRemove }: { name: number; index: number; onRemove: () => void }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const categories = useSettings().data?.categories ?? [];
  return (
    <div
      data-testid="summary-item"
      style={{ border: `1px solid ${token.colorBorderSecondary}`, borderRadius: token.borderRadius, padding: 12 }}
    >
      <Flex gap={8} wrap align="center" style={{ marginBottom: 8 }}>
        <Flex gap={8} align="center" style={{ flex: '1 1 280px', minWidth: 0 }}>
          <Typography.Text type="secondary" style={{ width: 20, flex: 'none' }}>
            {index + 1}.
          </Typography.Text>
          <Form.Item name={[name, 'kind']} noStyle>
            <Select
              aria-label={t('department.kind')}
              style={{ width: 112, flex: 'none' }}
              options={ITEM_KINDS.map((k) => ({ value: k, label: t(`department.kindOption.${k}`) }))}
              data-testid="summary-item-kind"
            />
          </Form.Item>
          <Form.Item name={[name, 'category']} noStyle rules={[{ max: REPORT_LIMITS.category }]}>
            <AutoComplete
              aria-label={t('department.category')}
              placeholder={t('department.categoryPlaceholder')}
              options={categories.map((c) => ({ value: c }))}
              showSearch={{
                filterOption: (input, option) => String(option?.value ?? '').includes(input),
              }}
              allowClear
              style={{ flex: 1, minWidth: 0 }}
              data-testid="summary-item-category"
            />
          </Form.Item>
        </Flex>
        <Flex align="center" gap={6} style={{ marginInlineStart: 'auto' }}>
          <Form.Item name={[name, 'restricted']} valuePropName="checked" noStyle>
            <Switch size="small" aria-label={t('department.restricted')} data-testid="summary-item-restricted" />
          </Form.Item>
          <Typography.Text type="secondary" style={{ fontSize: 13 }} title={t('department.restrictedHelp')}>
            <LockOutlined /> {t('department.restricted')}
          </Typography.Text>
          <Button
            type="text"
            danger
            icon={<DeleteOutlined />}
            aria-label={t('department.removeItem')}
            title={t('department.removeItem')}
            onClick={onRemove}
            data-testid="summary-item-remove"
          />
        </Flex>
      </Flex>
      <Form.Item
        name={[name, 'content']}
        rules={[{ required: true, whitespace: true, message: t('department.contentRequired') }, { max: REPORT_LIMITS.content }]}
        style={{ marginBottom: 8 }}
      >
        <Input.TextArea
          autoSize={{ minRows: 2, maxRows: 8 }}
          placeholder={t('department.contentPlaceholder')}
          aria-label={t('department.content')}
          data-testid="summary-item-content"
        />
      </Form.Item>
      <Form.Item name={[name, 'outcome']} rules={[{ max: REPORT_LIMITS.outcome }]} style={{ marginBottom: 0 }}>
        <Input
          prefix={<TrophyOutlined style={{ color: token.colorSuccess }} />}
          placeholder={t('department.outcomePlaceholder')}
          aria-label={t('department.outcome')}
          data-testid="summary-item-outcome"
        />
      </Form.Item>
    </div>
  );
}

/** The department summary: a text and items of work, study and plan, like a personal report. */
export function SummaryEditor({
  form,
  initialValues,
  updatedAt,
  dirty,
  saving,
  onChange,
  onSave,
}: {
  form: FormInstance<SummaryFormValues>;
  initialValues: SummaryFormValues;
  updatedAt: string | null;
  dirty: boolean;
  saving: boolean;
  onChange: () => void;
  onSave: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Card
      title={t('department.summaryTitle')}
      extra={
        dirty ? (
          <Tag color="warning" style={{ marginInlineEnd: 0 }} data-testid="summary-dirty">
            {t('department.unsaved')}
          </Tag>
        ) : (
          updatedAt && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('department.lastSaved', { time: formatDateTime(updatedAt) })}
            </Typography.Text>
          )
        )
      }
    >
      <Form form={form} layout="vertical" initialValues={initialValues} onValuesChange={onChange} onFinish={onSave}>
        <Form.Item name="summary" label={t('department.summaryText')} rules={[{ max: REPORT_LIMITS.summary }]}>
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 14 }}
            placeholder={t('department.summaryPlaceholder')}
            data-testid="summary-text"
          />
        </Form.Item>
        <Typography.Text strong style={{ display: 'block', marginBottom: 8 }}>
          {t('department.items')}
        </Typography.Text>
        <Form.List name="items">
          {(fields, { add, remove }) => (
            <Flex vertical gap={10} style={{ marginBottom: 16 }}>
              {fields.map((field, index) => (
                <ItemEditor key={field.key} name={field.name} index={index} onRemove={() => remove(field.name)} />
              ))}
              <Button
                type="dashed"
                icon={<PlusOutlined />}
                onClick={() => add(newSummaryItem())}
                disabled={fields.length >= REPORT_LIMITS.items}
                data-testid="summary-item-add"
                block
              >
                {t('department.addItem')}
              </Button>
            </Flex>
          )}
        </Form.List>
        <Flex justify="flex-end">
          <Button type="primary" htmlType="submit" loading={saving} data-testid="summary-save">
            {t('department.save')}
          </Button>
        </Flex>
      </Form>
    </Card>
  );
}
