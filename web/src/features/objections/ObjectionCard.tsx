import type { TObjection, TObjectionOutcome } from '@zhoubao/contracts';
import { App, Button, Card, Col, Flex, Form, Input, Radio, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../lib/api';
import { applyFieldErrors, useNotifyError } from '../../lib/errors';
import { ScoreBreakdown } from '../assessment/ScoreBreakdown';
import { useWeekLabel } from '../wall/WeekPicker';
import { ObjectionTag, ObjectionTexts } from './ObjectionParts';
import { useAnswerObjection } from './objections.api';
import { REASON_MAX } from './RaiseObjectionModal';

interface AnswerValues {
  outcome: TObjectionOutcome;
  answer: string;
}

/** The assessor's answer: upheld or rejected, with the reply the person will read. */
function AnswerForm({ objection }: { objection: TObjection }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [form] = Form.useForm<AnswerValues>();
  const answer = useAnswerObjection();

  const onFinish = ({ outcome, answer: text }: AnswerValues) =>
    answer.mutate(
      { id: objection.id, body: { outcome, answer: text.trim() } },
      {
        onSuccess: () => void message.success(t('objections.answered')),
        onError: (e) => {
          if (isApiError(e) && e.code === 'conflict') void message.warning(t('objections.answeredMeanwhile'));
          else if (!applyFieldErrors(form, e)) notifyError(e);
        },
      },
    );

  return (
    <Form
      form={form}
      layout="vertical"
      onFinish={onFinish}
      requiredMark={false}
      style={{ marginTop: 12 }}
      data-testid="objection-answer-form"
    >
      <Form.Item
        name="outcome"
        label={t('objections.outcome')}
        rules={[{ required: true, message: t('objections.outcomeRequired') }]}
        style={{ marginBottom: 8 }}
      >
        <Radio.Group
          options={[
            { value: 'upheld', label: t('objections.state.upheld') },
            { value: 'rejected', label: t('objections.state.rejected') },
          ]}
          data-testid="objection-outcome"
        />
      </Form.Item>
      <Form.Item
        name="answer"
        label={t('objections.answer')}
        rules={[{ required: true, whitespace: true, message: t('objections.answerRequired') }]}
      >
        <Input.TextArea
          maxLength={REASON_MAX}
          showCount
          autoSize={{ minRows: 3, maxRows: 8 }}
          placeholder={t('objections.answerPlaceholder')}
          data-testid="objection-answer"
        />
      </Form.Item>
      <Flex justify="flex-end">
        <Button type="primary" htmlType="submit" loading={answer.isPending} data-testid="objection-answer-submit">
          {t('objections.sendAnswer')}
        </Button>
      </Flex>
    </Form>
  );
}

/**
 * One objection for the assessment office: who, which week, the reason, the week's breakdown when it
 * was raised beside the breakdown now (read-only), and the answer or the form to give it.
 */
export function ObjectionCard({
  objection,
  departmentName,
  mine,
}: {
  objection: TObjection;
  departmentName: string;
  /** The viewer's own objection: nobody answers their own. */
  mine: boolean;
}) {
  const { t } = useTranslation();
  const label = useWeekLabel();
  const o = objection;
  const then = o.scoreAtRaise;
  const now = o.scoreNow;
  // Unchanged since it was raised: one breakdown is enough.
  const same = now !== null && now.points === then.points && JSON.stringify(now.breakdown) === JSON.stringify(then.breakdown);
  return (
    <Card
      size="small"
      data-testid="objection-card"
      data-id={o.id}
      data-status={o.status}
      title={
        <Flex gap={8} align="baseline" wrap style={{ minWidth: 0, padding: '4px 0' }}>
          <Typography.Text strong>{o.displayName}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {[departmentName, label(o.week)].filter(Boolean).join(' · ')}
          </Typography.Text>
        </Flex>
      }
      extra={<ObjectionTag objection={o} />}
    >
      <ObjectionTexts objection={o} />
      <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
        <Col xs={24} md={12} data-testid="objection-at-raise">
          <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginBottom: 4 }}>
            {t(same ? 'objections.atRaiseSame' : 'objections.atRaise', { version: then.rulesVersion })}
          </Typography.Text>
          <ScoreBreakdown weeks={[{ week: o.week, ...then }]} />
        </Col>
        {!same && (
          <Col xs={24} md={12} data-testid="objection-now">
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginBottom: 4 }}>
              {now ? t('objections.now', { version: now.rulesVersion }) : t('objections.noLongerScored')}
            </Typography.Text>
            {now && <ScoreBreakdown weeks={[{ week: o.week, ...now }]} />}
          </Col>
        )}
      </Row>
      {o.status === 'open' &&
        (mine ? (
          <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0 }}>
            {t('objections.ownHint')}
          </Typography.Paragraph>
        ) : (
          <AnswerForm objection={o} />
        ))}
    </Card>
  );
}
