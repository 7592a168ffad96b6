import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { TScoringRules, TScoringRulesState } from '@zhoubao/contracts';
import { Alert, App, Button, Col, Divider, Flex, Form, Input, InputNumber, Row, Skeleton, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadErrorResult } from '../../components/ResultPages';
import { isApiError } from '../../lib/api';
import { applyFieldErrors, useErrorText } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { useSaveScoringRules, useScoringRules } from './scoring.api';

/** The rule fields of a saved state, without its version stamp. */
function rulesOf(state: TScoringRulesState): TScoringRules {
  const { points, perWorkItem, outcomeTags, peerRatingWeight, gradePoints, repeatPenalty, weeklyCap } = state;
  return { points, perWorkItem, outcomeTags, peerRatingWeight, gradePoints, repeatPenalty, weeklyCap };
}

/** The leaf fields of the form, as dotted paths: a server issue elsewhere is shown above the buttons. */
const LEAF =
  /^(points\.(onTime|late|missing)|perWorkItem\.(points|weeklyCap)|outcomeTags\.\d+\.(tag|points)|peerRatingWeight|gradePoints\.[ABCD]|repeatPenalty\.(threshold|points)|weeklyCap)$/;
const dotted = (path: string) =>
  path
    .split(/[./]/)
    .filter((p) => p !== '' && p !== 'body')
    .join('.');

function NumberField({
  name,
  label,
  min,
  max,
  step,
}: {
  name: (string | number)[];
  label: string;
  min: number;
  max: number;
  step?: number;
}) {
  return (
    <Col xs={12} sm={8} md={6}>
      <Form.Item name={name} label={label} rules={[{ required: true, type: 'number', min, max }]}>
        <InputNumber min={min} max={max} step={step ?? 1} style={{ width: '100%' }} data-testid={`rule-${name.join('-')}`} />
      </Form.Item>
    </Col>
  );
}

/** The scoring rules in force; assessors and admins edit them (each save is a new version). */
export function RulesCard({ editable }: { editable: boolean }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const rules = useScoringRules();
  const save = useSaveScoringRules();
  const [form] = Form.useForm<TScoringRules>();
  const [otherIssues, setOtherIssues] = useState<string[]>([]);

  const state = rules.data;
  useEffect(() => {
    if (state) form.setFieldsValue(rulesOf(state));
  }, [state, form]);

  if (rules.isError) return <LoadErrorResult message={errorText(rules.error)} onRetry={() => void rules.refetch()} />;
  if (!state) return <Skeleton active />;

  const submit = (values: TScoringRules) => {
    setOtherIssues([]);
    save.mutate(values, {
      onSuccess: (saved) => void message.success(t('assessment.rules.saved', { version: saved.version })),
      onError: (error) => {
        applyFieldErrors(form, error);
        const issues = isApiError(error) ? error.fieldIssues : [];
        const other = issues.filter((i) => !LEAF.test(dotted(i.path))).map((i) => `${dotted(i.path) || '—'}: ${i.message}`);
        setOtherIssues(other);
        if (issues.length === 0) void message.error(errorText(error));
      },
    });
  };

  return (
    <Form<TScoringRules> form={form} layout="vertical" disabled={!editable} onFinish={submit} data-testid="rules-form">
      <Typography.Paragraph type="secondary">
        {state.version === 0
          ? t('assessment.rules.defaults')
          : t('assessment.rules.version', { version: state.version, at: formatDateTime(state.createdAt) })}
      </Typography.Paragraph>
      <Divider titlePlacement="start" plain>
        {t('assessment.rules.weeks')}
      </Divider>
      <Row gutter={12}>
        <NumberField name={['points', 'onTime']} label={t('assessment.rules.onTime')} min={0} max={1000} />
        <NumberField name={['points', 'late']} label={t('assessment.rules.late')} min={-1000} max={1000} />
        <NumberField name={['points', 'missing']} label={t('assessment.rules.missing')} min={-1000} max={0} />
        <NumberField name={['weeklyCap']} label={t('assessment.rules.weeklyCap')} min={0} max={10000} />
      </Row>
      <Divider titlePlacement="start" plain>
        {t('assessment.rules.items')}
      </Divider>
      <Row gutter={12}>
        <NumberField name={['perWorkItem', 'points']} label={t('assessment.rules.perWorkItem')} min={0} max={100} />
        <NumberField name={['perWorkItem', 'weeklyCap']} label={t('assessment.rules.itemCap')} min={0} max={1000} />
        <NumberField name={['peerRatingWeight']} label={t('assessment.rules.peerRatingWeight')} min={0} max={100} />
      </Row>
      <Divider titlePlacement="start" plain>
        {t('assessment.rules.grades')}
      </Divider>
      <Row gutter={12}>
        {(['A', 'B', 'C', 'D'] as const).map((g) => (
          <NumberField
            key={g}
            name={['gradePoints', g]}
            label={t('assessment.rules.grade', { grade: g })}
            min={-100}
            max={1000}
          />
        ))}
      </Row>
      <Divider titlePlacement="start" plain>
        {t('assessment.rules.repeat')}
      </Divider>
      <Row gutter={12}>
        <NumberField
          name={['repeatPenalty', 'threshold']}
          label={t('assessment.rules.repeatThreshold')}
          min={0.5}
          max={1}
          step={0.05}
        />
        <NumberField name={['repeatPenalty', 'points']} label={t('assessment.rules.repeatPoints')} min={-1000} max={0} />
      </Row>
      <Divider titlePlacement="start" plain>
        {t('assessment.rules.outcomes')}
      </Divider>
      <Form.List name="outcomeTags">
        {(fields, { add, remove }) => (
          <Flex vertical gap={0} data-testid="rules-outcomes">
            {fields.length === 0 && <Typography.Text type="secondary">{t('assessment.rules.noOutcomes')}</Typography.Text>}
            {fields.map((field) => (
              <Flex key={field.key} gap={8} align="flex-start">
                <Form.Item
                  name={[field.name, 'tag']}
                  rules={[{ required: true, whitespace: true, max: 50, message: t('assessment.rules.tagRequired') }]}
                  style={{ flex: 1, minWidth: 0 }}
                >
                  <Input placeholder={t('assessment.rules.tag')} aria-label={t('assessment.rules.tag')} />
                </Form.Item>
                <Form.Item name={[field.name, 'points']} rules={[{ required: true, type: 'number', min: 0, max: 1000 }]}>
                  <InputNumber
                    min={0}
                    max={1000}
                    placeholder={t('assessment.rules.tagPoints')}
                    aria-label={t('assessment.rules.tagPoints')}
                    style={{ width: 110 }}
                  />
                </Form.Item>
                <Button
                  icon={<DeleteOutlined />}
                  aria-label={t('common.delete')}
                  title={t('common.delete')}
                  onClick={() => remove(field.name)}
                />
              </Flex>
            ))}
            <Button
              type="dashed"
              icon={<PlusOutlined />}
              onClick={() => add({ tag: '', points: 1 })}
              style={{ alignSelf: 'flex-start' }}
            >
              {t('assessment.rules.addOutcome')}
            </Button>
          </Flex>
        )}
      </Form.List>
      {otherIssues.length > 0 && (
        <Alert
          type="error"
          showIcon
          style={{ marginTop: 16 }}
          title={t('assessment.rules.invalid')}
          description={otherIssues.map((i) => <div key={i}>{i}</div>)}
          data-testid="rules-errors"
        />
      )}
      {editable && (
        <Flex gap={8} justify="flex-end" style={{ marginTop: 16 }}>
          <Button onClick={() => form.setFieldsValue(rulesOf(state))} disabled={save.isPending}>
            {t('assessment.rules.reset')}
          </Button>
          <Button type="primary" htmlType="submit" loading={save.isPending} data-testid="rules-save">
            {t('common.save')}
          </Button>
        </Flex>
      )}
    </Form>
  );
}
