import { BookOutlined, CalendarOutlined, CheckSquareOutlined, PlusOutlined } from '@ant-design/icons';
import type { TItemKind } from '@zhoubao/contracts';
import { Button, Flex, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DraftErrors, DraftItem } from './draft';
import { type GoalOption, ItemCard, type ItemHandlers, KIND_COLORS } from './ItemCard';

const KIND_ICONS: Record<TItemKind, ReactNode> = {
  work: <CheckSquareOutlined />,
  study: <BookOutlined />,
  plan: <CalendarOutlined />,
};

interface Props {
  kind: TItemKind;
  items: DraftItem[];
  errors: DraftErrors;
  focusKey: string | null;
  phone: boolean;
  full: boolean;
  categories: readonly string[];
  tagOptions: readonly string[];
  goals: readonly GoalOption[];
  handlers: ItemHandlers;
  onAdd: (kind: TItemKind) => void;
  /** Extra actions in the section's title row. */
  extra?: ReactNode;
}

/** One kind of items — this week's work, this week's study or next week's plan — with its add button. */
export function KindSection({
  kind,
  items,
  errors,
  focusKey,
  phone,
  full,
  categories,
  tagOptions,
  goals,
  handlers,
  onAdd,
  extra,
}: Props) {
  const { t } = useTranslation();
  return (
    <section data-testid="item-section" data-kind={kind} style={{ marginTop: 20 }}>
      <Flex align="center" justify="space-between" gap={8} wrap style={{ marginBottom: 8 }}>
        <Typography.Title level={5} style={{ margin: 0, color: KIND_COLORS[kind] }}>
          {KIND_ICONS[kind]} {t(`myWeek.kind.${kind}`)}
          <Typography.Text
            type="secondary"
            style={{
              fontWeight: 'normal',
              fontSize: 13,
              ...(phone ? { display: 'block', marginTop: 2 } : { marginInlineStart: 8 }),
            }}
          >
            {t(`myWeek.kindHint.${kind}`)}
          </Typography.Text>
        </Typography.Title>
        {extra}
      </Flex>
      <Flex vertical gap={10}>
        {items.map((item, i) => (
          <ItemCard
            key={item.key}
            item={item}
            index={i + 1}
            first={i === 0}
            last={i === items.length - 1}
            phone={phone}
            autoFocus={item.key === focusKey}
            categories={categories}
            tagOptions={tagOptions}
            goals={goals}
            errors={errors.items[item.key]}
            handlers={handlers}
          />
        ))}
        <Button
          type="dashed"
          block
          size="large"
          icon={<PlusOutlined />}
          disabled={full}
          onClick={() => onAdd(kind)}
          data-testid={`item-add-${kind}`}
          style={{ color: KIND_COLORS[kind] }}
        >
          {t(`myWeek.add.${kind}`)}
        </Button>
      </Flex>
    </section>
  );
}
