import { CameraOutlined, LockOutlined } from '@ant-design/icons';
import type { TAssessmentSummary } from '@zhoubao/contracts';
import {
  App,
  Button,
  Card,
  Empty,
  Flex,
  Form,
  Grid,
  Input,
  List,
  Modal,
  Table,
  type TableColumnsType,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { LoadErrorResult } from '../../components/ResultPages';
import { applyFieldErrors, useErrorText } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { testId } from '../../lib/test-id';
import { useWeekLabel } from '../wall/WeekPicker';
import { useScoringRules } from './scoring.api';
import { useCreateSnapshot, useSnapshots } from './snapshots.api';

/** "规则第 3 版" or "默认规则" for version 0. */
export function useRulesVersionLabel(): (version: number) => string {
  const { t } = useTranslation();
  return (version: number) =>
    version === 0 ? t('assessment.snapshots.rulesDefault') : t('assessment.snapshots.rulesVersion', { version });
}

/** "2026 年第 1 周 至 2026 年第 48 周". */
export function usePeriodLabel(): (from: string, to: string) => string {
  const { t } = useTranslation();
  const week = useWeekLabel();
  return (from: string, to: string) => t('assessment.snapshots.periodRange', { from: week(from), to: week(to) });
}

/** The dialog that takes a snapshot of the page's period under the rules in force. */
function TakeSnapshotModal({ from, to, open, onClose }: { from: string; to: string; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const navigate = useNavigate();
  const period = usePeriodLabel();
  const rulesLabel = useRulesVersionLabel();
  const rules = useScoringRules();
  const create = useCreateSnapshot();
  const [form] = Form.useForm<{ name: string }>();

  const submit = ({ name }: { name: string }) =>
    create.mutate(
      { name, from, to },
      {
        onSuccess: (snapshot) => {
          void message.success(t('assessment.snapshots.taken', { name: snapshot.name }));
          onClose();
          void navigate(`/assessment/snapshots/${encodeURIComponent(snapshot.id)}`);
        },
        onError: (error) => {
          if (!applyFieldErrors(form, error)) void message.error(errorText(error));
        },
      },
    );

  return (
    <Modal
      open={open}
      title={t('assessment.snapshots.takeTitle')}
      okText={t('assessment.snapshots.takeConfirm')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      destroyOnHidden
      okButtonProps={testId('snapshot-take-confirm')}
      data-testid="snapshot-take-modal"
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ name: t('assessment.snapshots.defaultName', { period: period(from, to) }) }}
        onFinish={submit}
        preserve={false}
      >
        <Form.Item
          name="name"
          label={t('assessment.snapshots.name')}
          rules={[{ required: true, whitespace: true, max: 100, message: t('assessment.snapshots.nameRequired') }]}
        >
          <Input maxLength={100} showCount data-testid="snapshot-name" />
        </Form.Item>
        <Typography.Paragraph>
          {t('assessment.snapshots.takePeriod', { period: period(from, to) })}
          <br />
          {rules.data && t('assessment.snapshots.takeRules', { rules: rulesLabel(rules.data.version) })}
        </Typography.Paragraph>
        <Typography.Paragraph type="secondary" style={{ marginBottom: 0 }}>
          {t('assessment.snapshots.takeExplain')}
        </Typography.Paragraph>
      </Form>
    </Modal>
  );
}

function StatusTag({ snapshot }: { snapshot: TAssessmentSummary }) {
  const { t } = useTranslation();
  return snapshot.lockedAt ? (
    <Tag icon={<LockOutlined />} color="default" data-testid="snapshot-locked">
      {t('assessment.snapshots.locked')}
    </Tag>
  ) : (
    <Tag color="processing">{t('assessment.snapshots.open')}</Tag>
  );
}

/** The assessor's snapshots (frozen assessments) and the button that takes one of the page's period. */
export function SnapshotsCard({ from, to }: { from: string | undefined; to: string | undefined }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const phone = Grid.useBreakpoint().md === false;
  const snapshots = useSnapshots();
  const period = usePeriodLabel();
  const rulesLabel = useRulesVersionLabel();
  const [taking, setTaking] = useState(false);
  const items = snapshots.data?.items ?? [];
  const link = (s: TAssessmentSummary) => (
    <Link to={`/assessment/snapshots/${encodeURIComponent(s.id)}`} data-testid="snapshot-link">
      {s.name}
    </Link>
  );

  const columns: TableColumnsType<TAssessmentSummary> = [
    { key: 'name', title: t('assessment.snapshots.name'), render: (_: unknown, s) => link(s) },
    { key: 'period', title: t('assessment.snapshots.period'), render: (_: unknown, s) => period(s.from, s.to) },
    { key: 'rules', title: t('assessment.snapshots.rules'), render: (_: unknown, s) => rulesLabel(s.rulesVersion) },
    { key: 'createdAt', title: t('assessment.snapshots.frozenAt'), render: (_: unknown, s) => formatDateTime(s.createdAt) },
    { key: 'status', title: t('assessment.snapshots.status'), render: (_: unknown, s) => <StatusTag snapshot={s} /> },
  ];
  const empty = <Empty description={t('assessment.snapshots.empty')} />;

  return (
    <Card
      title={t('assessment.snapshots.title')}
      style={{ marginBottom: 16 }}
      styles={{ body: { padding: phone ? 0 : undefined } }}
      extra={
        <Button
          type="primary"
          icon={<CameraOutlined />}
          disabled={!from || !to}
          onClick={() => setTaking(true)}
          data-testid="snapshot-take"
        >
          {t('assessment.snapshots.take')}
        </Button>
      }
      data-testid="snapshots-card"
    >
      {snapshots.isError ? (
        <LoadErrorResult message={errorText(snapshots.error)} onRetry={() => void snapshots.refetch()} />
      ) : phone ? (
        <List<TAssessmentSummary>
          loading={snapshots.isPending}
          dataSource={items}
          locale={{ emptyText: empty }}
          renderItem={(s) => (
            <List.Item style={{ padding: '12px 16px' }} {...testId('snapshot-row', { 'snapshot-id': s.id })}>
              <Flex vertical gap={2} style={{ width: '100%', minWidth: 0 }}>
                <Flex justify="space-between" gap={8} align="center">
                  <Typography.Text strong ellipsis>
                    {link(s)}
                  </Typography.Text>
                  <StatusTag snapshot={s} />
                </Flex>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {period(s.from, s.to)}
                </Typography.Text>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {rulesLabel(s.rulesVersion)} · {t('assessment.snapshots.frozenAtTime', { time: formatDateTime(s.createdAt) })}
                </Typography.Text>
              </Flex>
            </List.Item>
          )}
        />
      ) : (
        <Table<TAssessmentSummary>
          rowKey="id"
          size="small"
          columns={columns}
          dataSource={items}
          loading={snapshots.isPending}
          pagination={{ defaultPageSize: 10, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: empty }}
          onRow={(s) => testId('snapshot-row', { 'snapshot-id': s.id })}
        />
      )}
      {from && to && <TakeSnapshotModal from={from} to={to} open={taking} onClose={() => setTaking(false)} />}
    </Card>
  );
}
