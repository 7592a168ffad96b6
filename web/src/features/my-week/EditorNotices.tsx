import { SIMILARITY_FLAG, type TReport } from '@zhoubao/contracts';
import { Alert, Button } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FieldIssue } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import type { LocalCopy } from './local-copy';

interface Props {
  restored: LocalCopy | null;
  report: TReport | null;
  general: FieldIssue[];
  onCloseRestored: () => void;
  onDiscard: () => void;
}

/** The notices above the editor: restored local copy, submitted (edits become versions), repeats last week, save refused. */
export function EditorNotices({ restored, report, general, onCloseRestored, onDiscard }: Props) {
  const { t } = useTranslation();
  const issueText = (issue: FieldIssue) =>
    issue.path === 'body.items'
      ? t('myWeek.saveError.items')
      : issue.path === 'params.week'
        ? t('myWeek.saveError.week')
        : `${issue.path} ${issue.message}`.trim();
  const similar = report?.similarToPrevious ?? null;
  return (
    <>
      {restored && (
        <Alert
          type="info"
          showIcon
          closable
          onClose={onCloseRestored}
          style={{ marginBottom: 12 }}
          data-testid="local-restored"
          title={t('myWeek.local.restored', { time: formatDateTime(restored.savedAt) })}
          description={
            <>
              <div>{t('myWeek.local.restoredHelp')}</div>
              <Button size="small" danger onClick={onDiscard} style={{ marginTop: 8 }} data-testid="local-discard">
                {t('myWeek.local.discard')}
              </Button>
            </>
          }
        />
      )}
      {report?.status === 'submitted' && (
        <Alert
          type={report.late ? 'warning' : 'success'}
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="submitted-note"
          title={t(report.late ? 'myWeek.submitted.late' : 'myWeek.submitted.onTime', {
            time: formatDateTime(report.submittedAt),
          })}
          description={t('myWeek.submitted.editHelp', { n: report.version })}
        />
      )}
      {similar !== null && similar >= SIMILARITY_FLAG && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="similar-warning"
          title={t('myWeek.similar.title', { percent: Math.round(similar * 100) })}
          description={t('myWeek.similar.help')}
        />
      )}
      {general.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="save-general-error"
          title={t('myWeek.save.invalid')}
          description={general.map((issue) => <div key={issue.path}>{issueText(issue)}</div>)}
        />
      )}
    </>
  );
}
