import { ArrowDownOutlined, ArrowUpOutlined, CloseOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Empty, Flex, Input, Space, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { testId } from '../../lib/test-id';

/** The limits of PATCH /settings: at most 50 categories of at most 32 characters. */
export const MAX_CATEGORIES = 50;
export const MAX_CATEGORY_LENGTH = 32;

/** Moves the entry at `from` by `delta` places (no change at the ends). */
export function moveEntry<T>(list: readonly T[], from: number, delta: number): T[] {
  const to = from + delta;
  if (from < 0 || from >= list.length || to < 0 || to >= list.length) return [...list];
  const next = [...list];
  [next[from], next[to]] = [next[to] as T, next[from] as T];
  return next;
}

/**
 * The item categories as an ordered tag list (a form control): add at the end, remove, move up or
 * down. Order matters: it is the order of the category picker when people write their reports.
 */
export function CategoriesEditor({ value = [], onChange }: { value?: string[]; onChange?: (next: string[]) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState('');
  const [problem, setProblem] = useState<string | null>(null);

  const add = () => {
    const name = draft.trim();
    if (!name) return;
    if (value.includes(name)) return setProblem(t('settings.categoryDuplicate', { name }));
    if (value.length >= MAX_CATEGORIES) return setProblem(t('settings.categoryTooMany', { max: MAX_CATEGORIES }));
    onChange?.([...value, name]);
    setDraft('');
    setProblem(null);
  };

  return (
    <div data-testid="settings-categories">
      {value.length === 0 ? (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('settings.categoriesEmpty')} style={{ margin: '8px 0' }} />
      ) : (
        <Flex vertical gap={4} style={{ marginBottom: 8 }}>
          {value.map((name, index) => (
            <Flex
              key={name}
              align="center"
              gap={8}
              style={{ padding: '2px 4px 2px 8px', border: '1px solid #f0f0f0', borderRadius: 6, background: '#fafafa' }}
              {...testId('category-item', { category: name })}
            >
              <Typography.Text type="secondary" style={{ width: 20, flex: 'none', fontVariantNumeric: 'tabular-nums' }}>
                {index + 1}
              </Typography.Text>
              <Tag color="blue" variant="filled" style={{ margin: 0, minWidth: 0, overflow: 'hidden', textOverflow: 'ellipsis' }}>
                {name}
              </Tag>
              <Space.Compact size="small" style={{ marginInlineStart: 'auto', flex: 'none' }}>
                <Tooltip title={t('settings.categoryUp')}>
                  <Button
                    type="text"
                    icon={<ArrowUpOutlined />}
                    disabled={index === 0}
                    aria-label={t('settings.categoryUp')}
                    onClick={() => onChange?.(moveEntry(value, index, -1))}
                    {...testId('category-up')}
                  />
                </Tooltip>
                <Tooltip title={t('settings.categoryDown')}>
                  <Button
                    type="text"
                    icon={<ArrowDownOutlined />}
                    disabled={index === value.length - 1}
                    aria-label={t('settings.categoryDown')}
                    onClick={() => onChange?.(moveEntry(value, index, 1))}
                    {...testId('category-down')}
                  />
                </Tooltip>
                <Tooltip title={t('settings.categoryRemove')}>
                  <Button
                    type="text"
                    danger
                    icon={<CloseOutlined />}
                    aria-label={t('settings.categoryRemove')}
                    onClick={() => onChange?.(value.filter((c) => c !== name))}
                    {...testId('category-remove')}
                  />
                </Tooltip>
              </Space.Compact>
            </Flex>
          ))}
        </Flex>
      )}
      <Space.Compact style={{ width: '100%' }}>
        <Input
          value={draft}
          maxLength={MAX_CATEGORY_LENGTH}
          placeholder={t('settings.categoryPlaceholder')}
          status={problem ? 'warning' : undefined}
          onChange={(e) => {
            setDraft(e.target.value);
            setProblem(null);
          }}
          onPressEnter={(e) => {
            e.preventDefault(); // Enter adds a category; it must not submit the settings form
            add();
          }}
          data-testid="category-input"
        />
        <Button icon={<PlusOutlined />} onClick={add} disabled={!draft.trim()} {...testId('category-add')}>
          {t('settings.categoryAdd')}
        </Button>
      </Space.Compact>
      {problem && (
        <Typography.Text type="warning" style={{ display: 'block', marginTop: 4 }}>
          {problem}
        </Typography.Text>
      )}
    </div>
  );
}
