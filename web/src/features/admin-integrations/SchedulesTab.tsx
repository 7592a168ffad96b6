import { SCHEDULE_LIMITS, type TScheduleSettings, type TSchedulesState } from '@zhoubao/contracts';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Flex,
  Form,
  InputNumber,
  Row,
  Select,
  Skeleton,
  Switch,
  TimePicker,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { LoadErrorResult } from '../../components/ResultPages';
import { applyFieldErrors, useErrorText, useNotifyError } from '../../lib/errors';
import { testId } from '../../lib/test-id';
import { JobRunsCard, NextRunsCard } from './ScheduleRuns';
import { useSaveSchedules, useSchedules } from './schedules.api';

const TIME_FORMAT = 'HH:mm';
const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

/** The form's view of the settings: hours where people think in hours, times as dayjs. */
interface FormValues {
  reminder: { enabled: boolean; leadHours: number };
  morningReminder: { enabled: boolean; time: Dayjs };
  missingList: { enabled: boolean; delayMinutes: number };
  digest: { enabled: boolean; weekday: number; time: Dayjs };
  autoPublish: { enabled: boolean; delayHours: number };
}

const toForm = (s: TScheduleSettings): FormValues => ({
  reminder: { enabled: s.reminder.enabled, leadHours: s.reminder.leadMinutes / 60 },
  morningReminder: { enabled: s.morningReminder.enabled, time: dayjs(s.morningReminder.time, TIME_FORMAT) },
  missingList: s.missingList,
  digest: { enabled: s.digest.enabled, weekday: s.digest.weekday, time: dayjs(s.digest.time, TIME_FORMAT) },
  autoPublish: { enabled: s.autoPublish.enabled, delayHours: s.autoPublish.delayMinutes / 60 },
});

const fromForm = (v: FormValues): TScheduleSettings => ({
  reminder: { enabled: v.reminder.enabled, leadMinutes: Math.round(v.reminder.leadHours * 60) },
  morningReminder: { enabled: v.morningReminder.enabled, time: v.morningReminder.time.format(TIME_FORMAT) },
  missingList: { enabled: v.missingList.enabled, delayMinutes: Math.round(v.missingList.delayMinutes) },
  digest: { enabled: v.digest.enabled, weekday: v.digest.weekday, time: v.digest.time.format(TIME_FORMAT) },
  autoPublish: { enabled: v.autoPublish.enabled, delayMinutes: Math.round(v.autoPublish.delayHours * 60) },
});

/** One job: its switch, name and explanation, and the controls of its time (disabled while off). */
function JobRow({
  job,
  title,
  help,
  children,
}: {
  job: keyof FormValues;
  title: string;
  help: string;
  children: (off: boolean) => ReactNode;
}) {
  const enabled = Form.useWatch([job, 'enabled']) as boolean | undefined;
  return (
    <div style={{ padding: '14px 0', borderTop: '1px solid #f0f0f0' }} data-testid={`schedule-${job}`}>
      <Flex gap={12} align="flex-start">
        <Form.Item name={[job, 'enabled']} valuePropName="checked" noStyle>
          <Switch aria-label={title} {...testId(`schedule-${job}-enabled`)} />
        </Form.Item>
        <div style={{ flex: 1, minWidth: 0 }}>
          <Typography.Text strong>{title}</Typography.Text>
          <Typography.Paragraph type="secondary" style={{ marginBottom: 8, fontSize: 13 }}>
            {help}
          </Typography.Paragraph>
          <Row gutter={[8, 8]}>{children(!enabled)}</Row>
        </div>
      </Flex>
    </div>
  );
}

/** An hours or minutes field as one column of a job row. */
function Amount({
  name,
  unit,
  label,
  min,
  max,
  step,
  off,
}: {
  name: string[];
  unit: string;
  label: string;
  min: number;
  max: number;
  step: number;
  off: boolean;
}) {
  const { t } = useTranslation();
  return (
    <Col flex="0 1 220px">
      <Form.Item name={name} noStyle rules={[{ required: true, message: t('validation.required') }]}>
        <InputNumber
          min={min}
          max={max}
          step={step}
          disabled={off}
          aria-label={label}
          suffix={unit}
          style={{ width: '100%' }}
          data-testid={`schedule-${name.join('-')}`}
        />
      </Form.Item>
    </Col>
  );
}

function ClockTime({ name, label, off }: { name: string[]; label: string; off: boolean }) {
  return (
    <Col flex="0 1 140px">
      <Form.Item name={name} noStyle>
        <TimePicker
          format={TIME_FORMAT}
          needConfirm={false}
          allowClear={false}
          disabled={off}
          aria-label={label}
          style={{ width: '100%' }}
          data-testid={`schedule-${name.join('-')}`}
        />
      </Form.Item>
    </Col>
  );
}

/** The schedules form (admin): reminder, morning reminder, missing list, digest and automatic publishing. */
function SchedulesForm({ state }: { state: TSchedulesState }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [form] = Form.useForm<FormValues>();
  const save = useSaveSchedules();
  const L = SCHEDULE_LIMITS;

  useEffect(() => form.setFieldsValue(toForm(state.settings)), [state.settings, form]);

  const onFinish = (values: FormValues) =>
    save.mutate(fromForm(values), {
      onSuccess: () => void message.success(t('common.saved')),
      onError: (e) => applyFieldErrors(form, e) || notifyError(e),
    });

  return (
    <Card title={t('scheduler.title')} data-testid="schedules-card">
      {!state.schedulerEnabled && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          message={t('scheduler.notRunning')}
          data-testid="scheduler-off"
        />
      )}
      <Typography.Paragraph type="secondary">{t('scheduler.help', { timezone: state.timezone })}</Typography.Paragraph>
      <Form<FormValues> form={form} onFinish={onFinish} initialValues={toForm(state.settings)}>
        <JobRow job="reminder" title={t('scheduler.job.reminder')} help={t('scheduler.reminderHelp')}>
          {(off) => (
            <Amount
              name={['reminder', 'leadHours']}
              unit={t('scheduler.hoursBefore')}
              label={t('scheduler.leadTime')}
              min={L.leadMinutes.min / 60}
              max={L.leadMinutes.max / 60}
              step={0.5}
              off={off}
            />
          )}
        </JobRow>
        <JobRow job="morningReminder" title={t('scheduler.job.morning_reminder')} help={t('scheduler.morningHelp')}>
          {(off) => <ClockTime name={['morningReminder', 'time']} label={t('scheduler.time')} off={off} />}
        </JobRow>
        <JobRow job="missingList" title={t('scheduler.job.missing_list')} help={t('scheduler.missingHelp')}>
          {(off) => (
            <Amount
              name={['missingList', 'delayMinutes']}
              unit={t('scheduler.minutesAfter')}
              label={t('scheduler.delay')}
              min={L.missingDelayMinutes.min}
              max={L.missingDelayMinutes.max}
              step={10}
              off={off}
            />
          )}
        </JobRow>
        <JobRow job="digest" title={t('scheduler.job.digest')} help={t('scheduler.digestHelp')}>
          {(off) => (
            <>
              <Col flex="0 1 140px">
                <Form.Item name={['digest', 'weekday']} noStyle>
                  <Select
                    disabled={off}
                    aria-label={t('scheduler.weekday')}
                    options={WEEKDAYS.map((d) => ({ value: d, label: t(`calendar.weekday.${d}`) }))}
                    style={{ width: '100%' }}
                    data-testid="schedule-digest-weekday"
                  />
                </Form.Item>
              </Col>
              <ClockTime name={['digest', 'time']} label={t('scheduler.time')} off={off} />
            </>
          )}
        </JobRow>
        <JobRow job="autoPublish" title={t('scheduler.job.auto_publish')} help={t('scheduler.autoPublishHelp')}>
          {(off) => (
            <Amount
              name={['autoPublish', 'delayHours']}
              unit={t('scheduler.hoursAfter')}
              label={t('scheduler.delay')}
              min={0}
              max={L.publishDelayMinutes.max / 60}
              step={0.5}
              off={off}
            />
          )}
        </JobRow>
        <Typography.Paragraph type="secondary" style={{ fontSize: 13, marginTop: 8 }}>
          {t('scheduler.daysOffRule')}
        </Typography.Paragraph>
        <Button type="primary" htmlType="submit" loading={save.isPending} {...testId('schedules-save')}>
          {t('common.save')}
        </Button>
      </Form>
    </Card>
  );
}

/** The Schedules tab of the admin Integrations page: the settings, the coming runs and the run history. */
export function SchedulesTab() {
  const errorText = useErrorText();
  const schedules = useSchedules();
  if (schedules.isError) return <LoadErrorResult message={errorText(schedules.error)} onRetry={() => void schedules.refetch()} />;
  if (!schedules.data) return <Skeleton active paragraph={{ rows: 10 }} />;
  return (
    <Row gutter={[16, 16]} data-testid="schedules-tab">
      <Col xs={24} xl={14}>
        <SchedulesForm state={schedules.data} />
      </Col>
      <Col xs={24} xl={10}>
        <NextRunsCard state={schedules.data} />
      </Col>
      <Col span={24}>
        <JobRunsCard />
      </Col>
    </Row>
  );
}
