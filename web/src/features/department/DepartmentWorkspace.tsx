import { Alert, App, Card, Col, Drawer, Empty, Form, Grid, Row, Skeleton } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadErrorResult } from '../../components/ResultPages';
import { applyFieldErrors, useErrorText, useNotifyError } from '../../lib/errors';
import { BulletinView } from '../wall/BulletinView';
import { useWeekLabel } from '../wall/WeekPicker';
import {
  useDepartmentMembers,
  usePreviewBulletin,
  usePublishBulletin,
  usePublishedBulletin,
  useSaveSummary,
  useSummary,
} from './department.api';
import type { DepartmentChoice } from './department-access';
import { MemberStatusCard } from './MemberStatusCard';
import { PublishBar } from './PublishBar';
import { SummaryEditor, type SummaryFormValues, toFormValues, toSaveRequest } from './SummaryEditor';

/**
 * One department's week: members' status, the summary editor, preview and publish. Mounted afresh
 * (by key) for each department and week, so the form always starts from that week's saved summary.
 */
export function DepartmentWorkspace({ department, week }: { department: DepartmentChoice; week: string }) {
  const { t } = useTranslation();
  const { modal, message } = App.useApp();
  const errorText = useErrorText();
  const notifyError = useNotifyError();
  const weekLabel = useWeekLabel();
  const isPhone = Grid.useBreakpoint().md === false;
  const canManage = department.manageable;
  const id = department.id;

  const summary = useSummary(id, week, canManage);
  const preview = usePreviewBulletin(id, week, canManage);
  const published = usePublishedBulletin(id, week);
  const members = useDepartmentMembers(id);
  const save = useSaveSummary(id, week);
  const publish = usePublishBulletin(id, week);
  const [form] = Form.useForm<SummaryFormValues>();
  const [dirty, setDirty] = useState(false);
  const [previewOpen, setPreviewOpen] = useState(false);
  const initialValues = useMemo(() => (summary.data === undefined ? undefined : toFormValues(summary.data)), [summary.data]);

  /** Saves the form; false when it is invalid or the server refused it (the reason is shown). */
  const saveSummary = async (): Promise<boolean> => {
    try {
      await form.validateFields();
    } catch {
      return false;
    }
    try {
      const values = form.getFieldsValue(true) as SummaryFormValues;
      const saved = await save.mutateAsync(toSaveRequest(values));
      // New items get their ids from the server (same order): keep them, so the next save updates rather than re-creates.
      form.setFieldsValue({ items: (values.items ?? []).map((item, i) => ({ ...item, id: saved.items[i]?.id ?? item.id })) });
      setDirty(false);
      return true;
    } catch (e) {
      if (!applyFieldErrors(form, e)) notifyError(e);
      return false;
    }
  };

  const onSave = async () => {
    if (await saveSummary()) void message.success(t('department.saved'));
  };

  // What is previewed and published is the saved summary: unsaved edits are saved first.
  const onPreview = async () => {
    if (dirty && !(await saveSummary())) return;
    setPreviewOpen(true);
    void preview.refetch();
  };

  const onPublish = () => {
    const current = published.data?.version ?? null;
    modal.confirm({
      title: t('department.publishConfirmTitle', { name: department.name, week: weekLabel(week) }),
      content: [
        current ? t('department.republishConfirm', { version: current, next: current + 1 }) : t('department.publishConfirm'),
        dirty ? t('department.saveFirst') : '',
      ]
        .filter(Boolean)
        .join(' '),
      okText: t('department.publishOk'),
      okButtonProps: { 'data-testid': 'bulletin-publish-confirm' } as Record<string, string>,
      onOk: async () => {
        if (dirty && !(await saveSummary())) return;
        try {
          const bulletin = await publish.mutateAsync();
          setPreviewOpen(false);
          void message.success(t('department.publishedDone', { version: bulletin.version ?? 0 }));
        } catch (e) {
          notifyError(e);
        }
      },
    });
  };

  const bar = (
    <PublishBar
      departmentId={id}
      week={week}
      published={published.data}
      preview={preview.data}
      canManage={canManage}
      busy={publish.isPending || save.isPending}
      onPreview={() => void onPreview()}
      onPublish={onPublish}
    />
  );
  const memberList = members.data?.items ?? [];

  if (!canManage) {
    return (
      <Row gutter={[16, 16]}>
        <Col span={24}>
          <Alert type="info" showIcon title={t('department.readOnly')} />
        </Col>
        <Col span={24}>{bar}</Col>
        <Col xs={24} lg={10} xl={9}>
          <MemberStatusCard bulletin={published.data} members={memberList} loading={published.isPending || members.isPending} />
        </Col>
        <Col xs={24} lg={14} xl={15}>
          {published.data ? (
            <BulletinView bulletin={published.data} />
          ) : (
            <Card>
              <Empty description={published.isPending ? undefined : t('department.notPublished')} />
            </Card>
          )}
        </Col>
      </Row>
    );
  }

  const loadError = summary.error ?? preview.error;
  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>{bar}</Col>
      <Col xs={24} lg={10} xl={9}>
        <MemberStatusCard bulletin={preview.data} members={memberList} loading={preview.isPending || members.isPending} />
      </Col>
      <Col xs={24} lg={14} xl={15}>
        {loadError ? (
          <LoadErrorResult
            message={errorText(loadError)}
            onRetry={() => void Promise.all([summary.refetch(), preview.refetch()])}
          />
        ) : initialValues ? (
          <SummaryEditor
            form={form}
            initialValues={initialValues}
            updatedAt={summary.data?.updatedAt ?? null}
            dirty={dirty}
            saving={save.isPending}
            onChange={() => setDirty(true)}
            onSave={() => void onSave()}
          />
        ) : (
          <Card>
            <Skeleton active paragraph={{ rows: 6 }} />
          </Card>
        )}
      </Col>
      <Drawer
        open={previewOpen}
        onClose={() => setPreviewOpen(false)}
        title={t('department.previewTitle')}
        size={isPhone ? '100%' : 880}
        data-testid="bulletin-preview-drawer"
      >
        {preview.data ? <BulletinView bulletin={preview.data} /> : <Skeleton active paragraph={{ rows: 8 }} />}
      </Drawer>
    </Row>
  );
}
