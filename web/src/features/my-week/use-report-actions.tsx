import { useQueryClient } from '@tanstack/react-query';
import type { TWeekInfo } from '@zhoubao/contracts';
import { App, Button, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { appendItems, byKind, type DraftErrors, isBlankItem, isContentMissing, moveItem, planAsWork, toPayload } from './draft';
import type { ItemHandlers } from './ItemCard';
import { fetchOwnReport, myWeekKeys, submitOwnReport } from './my-week.api';
import type { useReportDraft } from './use-report-draft';
import { shiftWeek } from './week-id';

type DraftApi = ReturnType<typeof useReportDraft>;

/** Change, move and remove (with Undo) items; stable across renders so unchanged cards do not re-render. */
export function useItemHandlers({ update, clearError, getDraft }: DraftApi): ItemHandlers {
  const { t } = useTranslation();
  const { message } = App.useApp();
  return useMemo<ItemHandlers>(
    () => ({
      onChange: (key, patch, field) => {
        update((dr) => ({ ...dr, items: dr.items.map((i) => (i.key === key ? { ...i, ...patch } : i)) }));
        if (field) clearError(key, field);
      },
      onMove: (key, direction) => update((dr) => ({ ...dr, items: moveItem(dr.items, key, direction) })),
      onRemove: (key) => {
        const items = getDraft().items;
        const at = items.findIndex((i) => i.key === key);
        const gone = items[at];
        update((dr) => ({ ...dr, items: dr.items.filter((i) => i.key !== key) }));
        if (!gone || isBlankItem(gone)) return;
        const undo = () => {
          update((dr) => ({ ...dr, items: byKind([...dr.items.slice(0, at), gone, ...dr.items.slice(at)]) }));
          message.destroy('my-week-removed');
        };
        void message.open({
          key: 'my-week-removed',
          type: 'info',
          duration: 6,
          content: (
            <span>
              {t('myWeek.item.removed')}
              <Button type="link" size="small" onClick={undo} data-testid="item-undo-remove">
                {t('myWeek.item.undo')}
              </Button>
            </span>
          ),
        });
      },
    }),
    [update, clearError, getDraft, message, t],
  );
}

/** "Start from last week's plan": last week's plan items become this week's work items. */
export function useStartFromPlan(week: string, d: DraftApi, notifyError: (e: unknown) => void) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const queryClient = useQueryClient();
  const [loading, setLoading] = useState(false);
  const run = async () => {
    const previousWeek = shiftWeek(week, -1);
    setLoading(true);
    try {
      const previous = await queryClient.fetchQuery({
        queryKey: myWeekKeys.own(previousWeek),
        queryFn: ({ signal }) => fetchOwnReport(previousWeek, signal),
        staleTime: 0,
      });
      const { added, planned } = planAsWork(previous, d.getDraft().items);
      if (planned === 0) {
        void message.info(t('myWeek.plan.none'));
      } else if (added.length === 0) {
        void message.info(t('myWeek.plan.already'));
      } else {
        // Empty work cards left over from "add" make way for the imported ones.
        d.update((dr) => ({
          ...dr,
          items: appendItems(
            dr.items.filter((i) => !(i.kind === 'work' && isBlankItem(i))),
            added,
          ),
        }));
        void message.success(t('myWeek.plan.added', { n: added.length }));
      }
    } catch (e) {
      notifyError(e);
    } finally {
      setLoading(false);
    }
  };
  return { run: () => void run(), loading };
}

/** Submit: check, confirm, save what is pending, then POST …/submit. */
export function useSubmitFlow(week: string, info: TWeekInfo | undefined, d: DraftApi, notifyError: (e: unknown) => void) {
  const { t } = useTranslation();
  const { message, modal } = App.useApp();
  const [submitting, setSubmitting] = useState(false);

  const submit = async () => {
    setSubmitting(true);
    try {
      if (!(await d.ensureSaved())) {
        void message.error(t('myWeek.submit.saveFirst'));
        return;
      }
      const saved = await submitOwnReport(week);
      d.adoptReport(saved);
      void message.success(saved.late ? t('myWeek.submit.doneLate') : t('myWeek.submit.done'));
    } catch (e) {
      notifyError(e);
    } finally {
      setSubmitting(false);
    }
  };

  const open = () => {
    const draft = d.getDraft();
    const missing = draft.items.filter(isContentMissing);
    if (missing.length > 0) {
      const errors: DraftErrors = { items: Object.fromEntries(missing.map((i) => [i.key, { content: 'missing' }])), general: [] };
      d.showErrors(errors);
      void message.error(t('myWeek.submit.missingContent'));
      return;
    }
    const items = toPayload(draft).body.items;
    if (items.length === 0) {
      void message.warning(t('myWeek.submit.empty'));
      return;
    }
    const count = (kind: string) => items.filter((i) => i.kind === kind).length;
    const late = !!info?.deadline && Date.now() > Date.parse(info.deadline);
    modal.confirm({
      title: t('myWeek.submit.confirmTitle'),
      content: (
        <>
          <Typography.Paragraph style={{ marginBottom: 8 }}>
            {t('myWeek.submit.confirmCounts', { work: count('work'), study: count('study'), plan: count('plan') })}
          </Typography.Paragraph>
          {late && (
            <Typography.Paragraph type="danger" style={{ marginBottom: 8 }}>
              {t('myWeek.submit.confirmLate')}
            </Typography.Paragraph>
          )}
          <Typography.Text type="secondary">{t('myWeek.submit.confirmHelp')}</Typography.Text>
        </>
      ),
      okText: t('myWeek.submit.button'),
      cancelText: t('common.cancel'),
      okButtonProps: { 'data-testid': 'report-submit-confirm' } as Record<string, string>,
      onOk: submit,
    });
  };

  return { open, submitting };
}
