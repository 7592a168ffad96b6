import { ArrowLeftOutlined, DownloadOutlined, LockOutlined } from '@ant-design/icons';
import type { TAssessment } from '@zhoubao/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Descriptions,
  Flex,
  Form,
  Grid,
  Input,
  InputNumber,
  Modal,
  Row,
  Segmented,
  Select,
  Skeleton,
  Tag,
  Typography,
} from 'antd';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { ForbiddenResult, LoadErrorResult, NotFoundResult } from '../../components/ResultPages';
import { isApiError } from '../../lib/api';
import { useErrorText, useNotifyError } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { useDepartments } from '../admin-departments/departments.api';
import { SnapshotCards, type SnapshotRow, SnapshotTable } from './SnapshotRows';
import { usePeriodLabel, useRulesVersionLabel } from './SnapshotsCard';
import {
  DEFAULT_SHARE,
  snapshotExportUrl,
  useLockSnapshot,
  useMarkCandidate,
  useSnapshot,
  useUnmarkCandidate,
} from './snapshots.api';

type View = 'all' | 'suggested' | 'marked';
type PhoneSort = 'rank' | 'departmentRank' | 'percentile' | 'name';

const collator = new Intl.Collator('zh-CN');
const PHONE_SORTS: Record<PhoneSort, (a: SnapshotRow, b: SnapshotRow) => number> = {
  rank: (a, b) => a.rank - b.rank,
  departmentRank: (a, b) => a.departmentRank - b.departmentRank || a.rank - b.rank,
  percentile: (a, b) => b.departmentPercentile - a.departmentPercentile || a.rank - b.rank,
  name: (a, b) => collator.compare(a.displayName, b.displayName),
};

/** The share of the address (`?share=0.2`), when a number from 0 to 1, else the default. */
function shareFrom(search: URLSearchParams): number {
  const raw = search.get('share');
  const n = raw === null || raw.trim() === '' ? Number.NaN : Number(raw);
  return Number.isFinite(n) && n >= 0 && n <= 1 ? n : DEFAULT_SHARE;
}

/** The rows with their suggested and marked state. */
function rowsOf(a: TAssessment): SnapshotRow[] {
  const suggested = new Set(a.suggested);
  const candidates = new Map(a.candidates.map((c) => [c.userId, c]));
  return a.items.map((r) => ({ ...r, suggested: suggested.has(r.userId), candidate: candidates.get(r.userId) ?? null }));
}

/** The note dialog of marking a candidate (or changing the note of a marked one). */
function MarkModal({
  row,
  pending,
  onSubmit,
  onClose,
}: {
  row: SnapshotRow | null;
  pending: boolean;
  onSubmit: (note: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const [form] = Form.useForm<{ note: string }>();
  return (
    <Modal
      open={row !== null}
      title={row ? t('assessment.snapshot.markTitle', { name: row.displayName }) : ''}
      okText={t('assessment.snapshot.markConfirm')}
      cancelText={t('common.cancel')}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={pending}
      destroyOnHidden
      okButtonProps={{ 'data-testid': 'candidate-mark-confirm' }}
    >
      <Form
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ note: row?.candidate?.note ?? '' }}
        onFinish={({ note }) => onSubmit(note.trim())}
      >
        <Form.Item name="note" label={t('assessment.snapshot.note')} rules={[{ max: 1000 }]}>
          <Input.TextArea
            rows={3}
            maxLength={1000}
            showCount
            placeholder={t('assessment.snapshot.notePlaceholder')}
            data-testid="candidate-note"
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

/** Name, period, rules version, freezing and locking times: what makes the snapshot a fixed record. */
function FrozenFacts({ a }: { a: TAssessment }) {
  const { t } = useTranslation();
  const period = usePeriodLabel();
  const rulesLabel = useRulesVersionLabel();
  return (
    <>
      <Alert
        type={a.lockedAt ? 'warning' : 'info'}
        showIcon
        icon={a.lockedAt ? <LockOutlined /> : undefined}
        style={{ marginBottom: 16 }}
        title={t('assessment.snapshot.frozenTitle', { time: formatDateTime(a.createdAt), rules: rulesLabel(a.rulesVersion) })}
        description={
          <>
            {t('assessment.snapshot.frozenExplain')}
            {a.lockedAt && (
              <>
                <br />
                {t('assessment.snapshot.lockedExplain', { time: formatDateTime(a.lockedAt) })}
              </>
            )}
          </>
        }
        data-testid="snapshot-frozen"
      />
      <Card style={{ marginBottom: 16 }}>
        <Descriptions
          size="small"
          column={{ xs: 1, sm: 2, lg: 4 }}
          items={[
            { key: 'period', label: t('assessment.snapshots.period'), children: period(a.from, a.to) },
            {
              key: 'rules',
              label: t('assessment.snapshots.rules'),
              children: <span data-testid="snapshot-rules-version">{rulesLabel(a.rulesVersion)}</span>,
            },
            {
              key: 'frozen',
              label: t('assessment.snapshots.frozenAt'),
              children: <span data-testid="snapshot-frozen-at">{formatDateTime(a.createdAt, true)}</span>,
            },
            {
              key: 'status',
              label: t('assessment.snapshots.status'),
              children: a.lockedAt ? (
                <Tag icon={<LockOutlined />} data-testid="snapshot-locked">
                  {t('assessment.snapshot.lockedAt', { time: formatDateTime(a.lockedAt) })}
                </Tag>
              ) : (
                <Tag color="processing">{t('assessment.snapshots.open')}</Tag>
              ),
            },
          ]}
        />
      </Card>
    </>
  );
}

/**
 * One assessment snapshot (`/assessment/snapshots/:id?share=`): the frozen rows with ranks and
 * department percentiles, the suggested candidates (top share of each department), marking with a
 * note, locking, and the .xlsx export.
 */
export default function AssessmentSnapshotPage() {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const errorText = useErrorText();
  const notifyError = useNotifyError();
  const navigate = useNavigate();
  const phone = Grid.useBreakpoint().md === false;
  const id = useParams().id ?? '';
  const [search, setSearch] = useSearchParams();
  const share = shareFrom(search);
  const snapshot = useSnapshot(id, share);
  const departments = useDepartments();
  const mark = useMarkCandidate(id);
  const unmark = useUnmarkCandidate(id);
  const lock = useLockSnapshot(id);
  const [view, setView] = useState<View>('all');
  const [dept, setDept] = useState<string | undefined>();
  const [phoneSort, setPhoneSort] = useState<PhoneSort>('rank');
  const [marking, setMarking] = useState<SnapshotRow | null>(null);

  const a = snapshot.data;
  const all = useMemo(() => (a ? rowsOf(a) : []), [a]);
  const departmentName = useCallback(
    (deptId: string | null) => (deptId ? (departments.data?.byId.get(deptId)?.name ?? '—') : '—'),
    [departments.data],
  );
  const rows = useMemo(() => {
    const picked = all.filter(
      (r) =>
        (view === 'all' || (view === 'suggested' ? r.suggested : r.candidate !== null)) &&
        (dept === undefined || (r.departmentId ?? '') === dept),
    );
    return phone ? picked.sort(PHONE_SORTS[phoneSort]) : picked;
  }, [all, view, dept, phone, phoneSort]);
  const deptOptions = useMemo(() => {
    const ids = [...new Set(all.map((r) => r.departmentId ?? ''))];
    return ids.map((d) => ({ value: d, label: departmentName(d || null) })).sort((x, y) => collator.compare(x.label, y.label));
  }, [all, departmentName]);

  if (snapshot.isPending) return <Skeleton active paragraph={{ rows: 10 }} />;
  if (snapshot.isError || !a) {
    if (isApiError(snapshot.error) && snapshot.error.status === 404) return <NotFoundResult />;
    if (isApiError(snapshot.error) && snapshot.error.status === 403) return <ForbiddenResult />;
    return <LoadErrorResult message={errorText(snapshot.error)} onRetry={() => void snapshot.refetch()} />;
  }

  const editable = a.lockedAt === null;
  const busyUserId = mark.isPending ? (mark.variables?.userId ?? null) : unmark.isPending ? (unmark.variables ?? null) : null;
  const setShare = (percent: number | null) =>
    setSearch(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (percent === null) next.delete('share');
        else next.set('share', String(Math.round(percent) / 100));
        return next;
      },
      { replace: true },
    );
  const confirmLock = () =>
    modal.confirm({
      title: t('assessment.snapshot.lockTitle', { name: a.name }),
      content: t('assessment.snapshot.lockContent', { n: a.candidates.length }),
      okText: t('assessment.snapshot.lock'),
      cancelText: t('common.cancel'),
      okButtonProps: { danger: true, 'data-testid': 'snapshot-lock-confirm' },
      onOk: () => lock.mutateAsync().then(() => void message.success(t('assessment.snapshot.lockedDone')), notifyError),
    });
  const submitMark = (note: string) => {
    if (!marking) return;
    mark.mutate(
      { userId: marking.userId, ...(note ? { note } : {}) },
      {
        onSuccess: () => {
          void message.success(t('assessment.snapshot.markedDone', { name: marking.displayName }));
          setMarking(null);
        },
        onError: notifyError,
      },
    );
  };
  const List = phone ? SnapshotCards : SnapshotTable;
  const counts = t('assessment.snapshot.counts', {
    n: a.items.length,
    suggested: a.suggested.length,
    marked: a.candidates.length,
  });

  return (
    <div data-testid="snapshot-page" data-snapshot-id={a.id} data-locked={String(!editable)}>
      <PageHeader
        title={
          <Flex align="center" gap={8} wrap>
            <span data-testid="snapshot-name-title">{a.name}</span>
            {!editable && (
              <LockOutlined style={{ fontSize: 16, color: '#8c8c8c' }} aria-label={t('assessment.snapshots.locked')} />
            )}
          </Flex>
        }
        description={t('assessment.snapshot.description')}
        extra={
          <>
            <Button icon={<ArrowLeftOutlined />} onClick={() => void navigate('/assessment')} data-testid="snapshot-back">
              {t('assessment.snapshot.back')}
            </Button>
            <Button icon={<DownloadOutlined />} href={snapshotExportUrl(a.id)} download data-testid="snapshot-export">
              {t('assessment.export')}
            </Button>
            {editable && (
              <Button icon={<LockOutlined />} onClick={confirmLock} loading={lock.isPending} data-testid="snapshot-lock">
                {t('assessment.snapshot.lock')}
              </Button>
            )}
          </>
        }
      />
      <FrozenFacts a={a} />
      <Card
        styles={{ body: { padding: 0 } }}
        title={t('assessment.snapshot.rowsTitle')}
        extra={
          // On phones the counts go under the controls: the title needs the width.
          !phone && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {counts}
            </Typography.Text>
          )
        }
      >
        <Row gutter={[12, 12]} align="middle" style={{ padding: 16 }}>
          <Col xs={24} md={10}>
            <Segmented<View>
              block
              value={view}
              onChange={setView}
              options={[
                {
                  value: 'all',
                  label: phone ? t('assessment.snapshot.viewAllPlain') : t('assessment.snapshot.viewAll', { n: a.items.length }),
                },
                {
                  value: 'suggested',
                  label: phone
                    ? t('assessment.snapshot.viewSuggestedPlain')
                    : t('assessment.snapshot.viewSuggested', { n: a.suggested.length }),
                },
                {
                  value: 'marked',
                  label: phone
                    ? t('assessment.snapshot.viewMarkedPlain')
                    : t('assessment.snapshot.viewMarked', { n: a.candidates.length }),
                },
              ]}
              data-testid="snapshot-view"
            />
          </Col>
          <Col xs={12} md={5}>
            <InputNumber<number>
              min={0}
              max={100}
              step={5}
              precision={0}
              value={Math.round(share * 100)}
              onChange={setShare}
              suffix="%"
              prefix={t('assessment.snapshot.sharePrefix')}
              aria-label={t('assessment.snapshot.share')}
              style={{ width: '100%' }}
              data-testid="snapshot-share"
            />
          </Col>
          <Col xs={12} md={phone ? 12 : 9}>
            <Select<string>
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              value={dept}
              onChange={(v) => setDept(v)}
              options={deptOptions}
              placeholder={t('assessment.snapshot.allDepartments')}
              aria-label={t('assessment.department')}
              popupMatchSelectWidth={false}
              style={{ width: '100%' }}
              data-testid="snapshot-department"
            />
          </Col>
          {phone && (
            <Col xs={24}>
              <Select<PhoneSort>
                value={phoneSort}
                onChange={setPhoneSort}
                aria-label={t('assessment.snapshot.sortBy')}
                style={{ width: '100%' }}
                options={(['rank', 'departmentRank', 'percentile', 'name'] as const).map((k) => ({
                  value: k,
                  label: t(`assessment.snapshot.sort.${k}`),
                }))}
                data-testid="snapshot-sort"
              />
            </Col>
          )}
          <Col xs={24}>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {phone && `${counts}${t('assessment.snapshot.countsEnd')}`}
              {t('assessment.snapshot.shareHint', { percent: Math.round(share * 100) })}
            </Typography.Text>
          </Col>
        </Row>
        <List
          rows={rows}
          departmentName={departmentName}
          editable={editable}
          busyUserId={busyUserId}
          onMark={setMarking}
          onUnmark={(row) =>
            unmark.mutate(row.userId, {
              onSuccess: () => void message.success(t('assessment.snapshot.unmarkedDone', { name: row.displayName })),
              onError: notifyError,
            })
          }
        />
      </Card>
      <MarkModal row={marking} pending={mark.isPending} onSubmit={submitMark} onClose={() => setMarking(null)} />
    </div>
  );
}
