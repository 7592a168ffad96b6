import { ImportOutlined } from '@ant-design/icons';
import { ITEM_KINDS, type TItemKind, type TReport, type TWeekInfo } from '@zhoubao/contracts';
import { App, Button, Card, Input, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNotifyError } from '../../lib/errors';
import { testId } from '../../lib/test-id';
import { useGoals } from '../person/person.api';
import { appendItems, LIMITS, newItem } from './draft';
import { EditorNotices } from './EditorNotices';
import type { GoalOption } from './ItemCard';
import { KindSection } from './KindSection';
import { readLocalCopy, removeLocalCopy, startingPoint } from './local-copy';
import { SaveBar } from './SaveBar';
import { useItemHandlers, useStartFromPlan, useSubmitFlow } from './use-report-actions';
import { useReportDraft } from './use-report-draft';

interface Props {
  userId: string;
  week: string;
  info: TWeekInfo | undefined;
  /** The server's report when the editor opened. */
  server: TReport | null;
  categories: readonly string[];
  phone: boolean;
}

/** The editor of one week's report: summary, items by kind, autosave, submit. Mounted once per week. */
export function ReportEditor({ userId, week, info, server, categories, phone }: Props) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [start] = useState(() => startingPoint(server, readLocalCopy(userId, week)));
  const [restored, setRestored] = useState(start.restored);
  const [focusKey, setFocusKey] = useState<string | null>(null);
  const d = useReportDraft({ userId, week, start: start.draft, report: server });
  const { update } = d;

  useEffect(() => {
    if (start.dropLocal) removeLocalCopy(userId, week);
  }, [start, userId, week]);

  const handlers = useItemHandlers(d);

  const add = (kind: TItemKind) => {
    const item = newItem(kind);
    update((dr) => ({ ...dr, items: appendItems(dr.items, [item]) }));
    setFocusKey(item.key);
  };

  const startFromPlan = useStartFromPlan(week, d, notifyError);
  const submitFlow = useSubmitFlow(week, info, d, notifyError);

  // Tags already used in this report, offered in every item's tag picker.
  const tagSignature = d.draft.items.flatMap((i) => i.tags).join('\u0000');
  const tagOptions = useMemo(() => [...new Set(tagSignature.split('\u0000').filter(Boolean))], [tagSignature]);

  // The author's goals for the items' goal pickers (a failed load only hides the pickers).
  const goalList = useGoals(userId).data?.items;
  const goals = useMemo<GoalOption[]>(
    () => (goalList ?? []).map((g) => ({ id: g.id, title: g.title, status: g.status })),
    [goalList],
  );

  const discardLocal = () => {
    // Back to the text the server had when the page opened; saved again like any change (and the
    // local copy goes once the server holds it).
    const original = startingPoint(server, null).draft;
    update(() => original);
    setRestored(null);
    void message.success(t('myWeek.local.discarded'));
  };

  const report = d.report;
  const full = d.draft.items.length >= LIMITS.items;

  return (
    <>
      <EditorNotices
        restored={restored}
        report={report}
        general={d.errors.general}
        onCloseRestored={() => setRestored(null)}
        onDiscard={discardLocal}
      />
      <Card size="small" title={t('myWeek.summary.title')} styles={{ body: { padding: phone ? 12 : 16 } }}>
        <Input.TextArea
          size={phone ? 'large' : 'middle'}
          value={d.draft.summary}
          autoSize={{ minRows: 2, maxRows: 10 }}
          maxLength={LIMITS.summary}
          placeholder={t('myWeek.summary.placeholder')}
          status={d.errors.summary ? 'error' : undefined}
          onChange={(e) => {
            const summary = e.target.value;
            update((dr) => ({ ...dr, summary }));
            if (d.errors.summary) d.showErrors({ ...d.errors, summary: undefined });
          }}
          data-testid="report-summary"
        />
        {d.errors.summary && (
          <Typography.Text type="danger">{t('myWeek.fieldError.summary', { max: LIMITS.summary })}</Typography.Text>
        )}
      </Card>
      {ITEM_KINDS.map((kind) => (
        <KindSection
          key={kind}
          kind={kind}
          items={d.draft.items.filter((i) => i.kind === kind)}
          errors={d.errors}
          focusKey={focusKey}
          phone={phone}
          full={full}
          categories={categories}
          tagOptions={tagOptions}
          goals={goals}
          handlers={handlers}
          onAdd={add}
          extra={
            kind === 'work' ? (
              <Button
                icon={<ImportOutlined />}
                onClick={startFromPlan.run}
                loading={startFromPlan.loading}
                {...testId('start-from-plan')}
              >
                {t('myWeek.plan.button')}
              </Button>
            ) : undefined
          }
        />
      ))}
      {full && (
        <Typography.Text type="secondary" style={{ display: 'block', marginTop: 8 }}>
          {t('myWeek.add.full', { max: LIMITS.items })}
        </Typography.Text>
      )}
      <SaveBar
        state={d.state}
        report={report}
        failure={d.failure}
        hasFieldErrors={Object.keys(d.errors.items).length > 0 || !!d.errors.summary}
        phone={phone}
        submitting={submitFlow.submitting}
        onRetry={() => void d.flush()}
        onSubmit={submitFlow.open}
      />
    </>
  );
}
