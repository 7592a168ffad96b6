import { CheckOutlined, SafetyCertificateOutlined } from '@ant-design/icons';
import { EVALUATION_LIMITS, GRADES, type TEvaluation, type TGradeValue } from '@zhoubao/contracts';
import { App, Button, Card, Divider, Flex, Input, Radio, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api';
import { useNotifyError } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { testId } from '../../lib/test-id';
import { useGrade } from './evaluation.api';
import { GRADE_COLORS } from './grade-style';

/**
 * Grading (A–D with a note) and the history of grades, for those who may grade the report. The
 * evaluation carries `grades` exactly for them (the server's `canSeeGradeHistory` is `canGrade`).
 */
export function GradePanel({ reportId, evaluation }: { reportId: string; evaluation: TEvaluation }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const grade = useGrade(reportId);
  const latest = evaluation.grade ?? null;
  const [value, setValue] = useState<TGradeValue | undefined>(latest?.grade);
  const [note, setNote] = useState('');
  const [forbidden, setForbidden] = useState(false);
  const history = [...(evaluation.grades ?? [])].reverse();

  const submit = () => {
    if (!value) return;
    grade.mutate(
      { grade: value, note: note.trim() || null },
      {
        onSuccess: () => {
          setNote('');
          void message.success(t('evaluation.graded'));
        },
        onError: (e) => {
          if (isApiError(e) && e.status === 403) setForbidden(true);
          notifyError(e);
        },
      },
    );
  };

  return (
    <Card
      size="small"
      title={
        <span>
          <SafetyCertificateOutlined style={{ marginInlineEnd: 6 }} />
          {t('evaluation.gradeTitle')}
        </span>
      }
      data-testid="grade-panel"
    >
      {forbidden ? (
        <Typography.Text type="secondary">{t('evaluation.gradeForbidden')}</Typography.Text>
      ) : (
        <Flex vertical gap={8}>
          <Radio.Group
            value={value}
            onChange={(e) => setValue(e.target.value as TGradeValue)}
            optionType="button"
            buttonStyle="solid"
            aria-label={t('evaluation.gradeTitle')}
            style={{ display: 'flex' }}
          >
            {GRADES.map((g) => (
              <Radio.Button key={g} value={g} style={{ flex: 1, textAlign: 'center', paddingInline: 4 }}>
                {/* On the label: Radio.Button puts extra props on its hidden input. */}
                <span data-testid={`grade-option-${g}`} data-checked={String(value === g)}>
                  {t(`evaluation.grades.${g}`)}
                </span>
              </Radio.Button>
            ))}
          </Radio.Group>
          <Input.TextArea
            value={note}
            onChange={(e) => setNote(e.target.value)}
            placeholder={t('evaluation.gradeNote')}
            aria-label={t('evaluation.gradeNote')}
            autoSize={{ minRows: 2, maxRows: 6 }}
            maxLength={EVALUATION_LIMITS.note}
            data-testid="grade-note"
          />
          <Button
            type="primary"
            icon={<CheckOutlined />}
            disabled={!value}
            loading={grade.isPending}
            onClick={submit}
            {...testId('grade-submit')}
          >
            {latest ? t('evaluation.regrade') : t('evaluation.gradeSubmit')}
          </Button>
        </Flex>
      )}
      {history.length > 0 && (
        <>
          <Divider style={{ margin: '12px 0 8px' }} plain>
            {t('evaluation.gradeHistory')}
          </Divider>
          <Flex vertical gap={8} data-testid="grade-history">
            {history.map((g) => (
              <div key={`${g.at}-${g.by}`} data-testid="grade-history-entry">
                <Flex align="center" gap={6} wrap>
                  <Tag color={GRADE_COLORS[g.grade]} style={{ marginInlineEnd: 0 }}>
                    {g.grade}
                  </Tag>
                  <Typography.Text>{g.byName}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDateTime(g.at)}
                  </Typography.Text>
                </Flex>
                {g.note && (
                  <Typography.Text type="secondary" style={{ display: 'block', whiteSpace: 'pre-wrap', wordBreak: 'break-word' }}>
                    {g.note}
                  </Typography.Text>
                )}
              </div>
            ))}
          </Flex>
        </>
      )}
    </Card>
  );
}
