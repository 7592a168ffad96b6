import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  FlagOutlined,
  LockOutlined,
  QuestionCircleOutlined,
} from '@ant-design/icons';
import type { TGoalStatus, TItemKind } from '@zhoubao/contracts';
import { AutoComplete, Button, Card, Flex, Input, Select, Switch, Tooltip, Typography, theme } from 'antd';
import { memo, type ReactNode, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { testId } from '../../lib/test-id';
import { type DraftItem, type ItemField, LIMITS } from './draft';

export const KIND_COLORS: Record<TItemKind, string> = { work: '#1677ff', study: '#13c2c2', plan: '#722ed1' };

/** A goal an item may link to, as the goal picker offers it. */
export interface GoalOption {
  id: string;
  title: string;
  status: TGoalStatus;
}

export interface ItemHandlers {
  onChange: (key: string, patch: Partial<DraftItem>, field: ItemField | null) => void;
  onMove: (key: string, direction: -1 | 1) => void;
  onRemove: (key: string) => void;
}

interface Props {
  item: DraftItem;
  /** 1-based place in its kind's group. */
  index: number;
  first: boolean;
  last: boolean;
  phone: boolean;
  autoFocus: boolean;
  categories: readonly string[];
  tagOptions: readonly string[];
  /** The author's goals (the picker offers the active ones, plus the item's own goal whatever its status). */
  goals: readonly GoalOption[];
  errors: Partial<Record<ItemField, string>> | undefined;
  handlers: ItemHandlers;
}

const matches = (input: string, option?: { value?: unknown }) => String(option?.value ?? '').includes(input.trim());

/** One item of the report as a full-width card: category, content, outcome, tags, internal switch. */
export const ItemCard = memo(function ItemCard({
  item,
  index,
  first,
  last,
  phone,
  autoFocus,
  categories,
  tagOptions,
  goals,
  errors,
  handlers,
}: Props) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const cardRef = useRef<HTMLDivElement>(null);
  const size = phone ? 'large' : 'middle';
  const { key } = item;
  const change = (patch: Partial<DraftItem>, field: ItemField | null) => handlers.onChange(key, patch, field);
  const fieldError = (field: ItemField) => {
    if (!errors?.[field]) return null;
    return (
      <Typography.Text type="danger" style={{ display: 'block', fontSize: 13 }} data-testid={`item-error-${field}`}>
        {field === 'goalId'
          ? t('person.goals.itemError')
          : t(`myWeek.fieldError.${field}`, { max: LIMITS[field === 'tags' ? 'tags' : field], tag: LIMITS.tag })}
      </Typography.Text>
    );
  };

  useEffect(() => {
    if (autoFocus) cardRef.current?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }, [autoFocus]);

  const iconButton = (testid: string, label: string, icon: ReactNode, onClick: () => void, disabled = false) => (
    <Tooltip title={phone ? undefined : label}>
      <Button
        type="text"
        size={size}
        icon={icon}
        aria-label={label}
        disabled={disabled}
        onClick={onClick}
        danger={testid === 'item-remove'}
        {...testId(testid)}
      />
    </Tooltip>
  );

  return (
    <Card
      ref={cardRef}
      size="small"
      data-testid="item-card"
      data-kind={item.kind}
      data-restricted={String(item.restricted)}
      style={{ borderInlineStart: `3px solid ${item.restricted ? token.colorWarning : KIND_COLORS[item.kind]}` }}
      styles={{ body: { padding: phone ? 12 : 14 } }}
    >
      <Flex vertical gap={8}>
        <Flex align="center" gap={6}>
          <Typography.Text type="secondary" style={{ minWidth: 20, textAlign: 'center', fontWeight: 600 }}>
            {index}
          </Typography.Text>
          <AutoComplete
            size={size}
            value={item.category}
            options={categories.map((c) => ({ value: c }))}
            showSearch={{ filterOption: (input, option) => matches(input, option) }}
            onChange={(value: string) => change({ category: (value ?? '').slice(0, LIMITS.category) }, 'category')}
            placeholder={t('myWeek.item.category')}
            allowClear
            status={errors?.category ? 'error' : undefined}
            style={{ flex: 1, minWidth: 0 }}
            data-testid="item-category"
          />
          {iconButton('item-up', t('myWeek.item.up'), <ArrowUpOutlined />, () => handlers.onMove(key, -1), first)}
          {iconButton('item-down', t('myWeek.item.down'), <ArrowDownOutlined />, () => handlers.onMove(key, 1), last)}
          {iconButton('item-remove', t('myWeek.item.remove'), <DeleteOutlined />, () => handlers.onRemove(key))}
        </Flex>
        {fieldError('category')}
        <div>
          <Input.TextArea
            size={size}
            value={item.content}
            autoSize={{ minRows: 2, maxRows: 14 }}
            maxLength={LIMITS.content}
            autoFocus={autoFocus}
            placeholder={t(`myWeek.item.contentPlaceholder.${item.kind}`)}
            aria-label={t(`myWeek.item.contentLabel.${item.kind}`)}
            status={errors?.content ? 'error' : undefined}
            onChange={(e) => change({ content: e.target.value }, 'content')}
            data-testid="item-content"
          />
          {fieldError('content')}
        </div>
        <div>
          <Input.TextArea
            size={size}
            value={item.outcome}
            autoSize={{ minRows: 1, maxRows: 8 }}
            maxLength={LIMITS.outcome}
            placeholder={t(`myWeek.item.outcomePlaceholder.${item.kind}`)}
            aria-label={t('myWeek.item.outcome')}
            status={errors?.outcome ? 'error' : undefined}
            onChange={(e) => change({ outcome: e.target.value }, 'outcome')}
            data-testid="item-outcome"
          />
          {fieldError('outcome')}
        </div>
        <Flex wrap gap={8} align="center">
          <Select
            mode="tags"
            size={size}
            value={item.tags}
            options={tagOptions.map((tag) => ({ value: tag, label: tag }))}
            onChange={(tags: string[]) =>
              change(
                {
                  tags: tags
                    .map((tag) => tag.trim().slice(0, LIMITS.tag))
                    .filter(Boolean)
                    .slice(0, LIMITS.tags),
                },
                'tags',
              )
            }
            tokenSeparators={[',', '，', '、']}
            maxCount={LIMITS.tags}
            placeholder={t('myWeek.item.tags')}
            status={errors?.tags ? 'error' : undefined}
            style={{ flex: '1 1 180px', minWidth: 0 }}
            data-testid="item-tags"
          />
          <Flex align="center" gap={4}>
            <Switch
              id={`restricted-${key}`}
              checked={item.restricted}
              onChange={(restricted) => change({ restricted }, null)}
              checkedChildren={<LockOutlined />}
              {...testId('item-restricted')}
            />
            <label
              htmlFor={`restricted-${key}`}
              style={{
                display: 'flex',
                alignItems: 'center',
                minHeight: phone ? 40 : 32,
                paddingInlineStart: 4,
                cursor: 'pointer',
              }}
            >
              {t('myWeek.item.restricted')}
            </label>
            <Tooltip title={t('myWeek.item.restrictedHelp')}>
              <QuestionCircleOutlined
                style={{ color: token.colorTextTertiary, padding: 6 }}
                aria-label={t('myWeek.item.restrictedHelp')}
              />
            </Tooltip>
          </Flex>
        </Flex>
        {fieldError('tags')}
        {(goals.length > 0 || item.goalId) && (
          <Select
            size={size}
            allowClear
            value={item.goalId ?? undefined}
            options={goals
              .filter((g) => g.status === 'active' || g.id === item.goalId)
              .map((g) => ({
                value: g.id,
                label:
                  g.status === 'active'
                    ? g.title
                    : `${g.title}${t('person.goals.closed', { status: t(`person.goals.status.${g.status}`) })}`,
              }))}
            onChange={(goalId: string | undefined) => change({ goalId: goalId ?? null }, 'goalId')}
            placeholder={t('person.goals.pickerPlaceholder')}
            aria-label={t('person.goals.picker')}
            prefix={<FlagOutlined style={{ color: token.colorTextTertiary }} />}
            status={errors?.goalId ? 'error' : undefined}
            style={{ width: '100%' }}
            data-testid="item-goal"
          />
        )}
        {fieldError('goalId')}
        {item.restricted && (
          <Typography.Text type="warning" style={{ fontSize: 13 }} data-testid="item-restricted-help">
            <LockOutlined /> {t('myWeek.item.restrictedHelp')}
          </Typography.Text>
        )}
      </Flex>
    </Card>
  );
});
