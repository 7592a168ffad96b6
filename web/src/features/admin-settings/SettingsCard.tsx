import type { TSettings, TUpdateSettingsRequest } from '@zhoubao/contracts';
import { App, Button, Card, Col, Form, Input, Row, Select, Skeleton, TimePicker } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, isApiError } from '../../lib/api';
import { applyFieldErrors, useNotifyError } from '../../lib/errors';
import { testId } from '../../lib/test-id';
import { useUpdateSettings } from './admin-settings.api';
import { CategoriesEditor } from './CategoriesEditor';
import { TimeZoneSelect } from './TimeZoneSelect';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
const TIME_FORMAT = 'HH:mm';

interface FormValues {
  orgName: string;
  timezone: string;
  deadline: { weekday: number; time: Dayjs | null };
  locale: TSettings['locale'];
  ratingsVisibility: TSettings['ratingsVisibility'];
  categories: string[];
}

const toForm = (s: TSettings): FormValues => ({
  orgName: s.orgName,
  timezone: s.timezone,
  deadline: { weekday: s.deadline.weekday, time: dayjs(s.deadline.time, TIME_FORMAT) },
  locale: s.locale,
  ratingsVisibility: s.ratingsVisibility,
  categories: s.categories,
});

/** Only what differs from the saved settings (PATCH semantics). */
function changesOf(v: FormValues, saved: TSettings): TUpdateSettingsRequest {
  const changes: TUpdateSettingsRequest = {};
  const orgName = v.orgName.trim();
  if (orgName !== saved.orgName) changes.orgName = orgName;
  if (v.timezone !== saved.timezone) changes.timezone = v.timezone;
  const deadline = { weekday: v.deadline.weekday, time: v.deadline.time?.format(TIME_FORMAT) ?? saved.deadline.time };
  if (deadline.weekday !== saved.deadline.weekday || deadline.time !== saved.deadline.time) changes.deadline = deadline;
  if (v.locale !== saved.locale) changes.locale = v.locale;
  if (v.ratingsVisibility !== saved.ratingsVisibility) changes.ratingsVisibility = v.ratingsVisibility;
  if (v.categories.join('\n') !== saved.categories.join('\n')) changes.categories = v.categories;
  return changes;
}

/** Issues on one category (`body.categories.3`) are shown on the category list as a whole. */
function withCategoryIssuesOnList(error: unknown): unknown {
  if (!isApiError(error) || error.fieldIssues.length === 0) return error;
  const details = error.fieldIssues.map((issue) => {
    const m = /^(?:body[./])?categories[./](\d+)/.exec(issue.path);
    return m ? { ...issue, path: 'categories', message: `#${Number(m[1]) + 1}: ${issue.message}` } : issue;
  });
  return new ApiError(error.status, error.code, error.message, details, error.retryAfter);
}

/** The organisation's settings form (admin): name, time zone, weekly deadline, language, categories. */
export function SettingsCard({ settings }: { settings: TSettings | undefined }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const notifyError = useNotifyError();
  const [form] = Form.useForm<FormValues>();
  const update = useUpdateSettings();

  useEffect(() => {
    if (settings) form.setFieldsValue(toForm(settings));
  }, [settings, form]);

  const onFinish = (values: FormValues) => {
    if (!settings) return;
    const changes = changesOf(values, settings);
    if (Object.keys(changes).length === 0) return void message.info(t('settings.nothingChanged'));
    update.mutate(changes, {
      onSuccess: () => void message.success(t('common.saved')),
      onError: (e) => {
        const shown = applyFieldErrors(form, withCategoryIssuesOnList(e), {
          timezone: t('settings.timezoneInvalid'),
          'deadline.time': t('settings.deadlineTimeInvalid'),
        });
        if (!shown) notifyError(e);
      },
    });
  };

  const required = { required: true, message: t('validation.required') };
  return (
    <Card title={t('settings.organisation')} data-testid="settings-card">
      {!settings ? (
        <Skeleton active paragraph={{ rows: 8 }} />
      ) : (
        <Form<FormValues> form={form} layout="vertical" onFinish={onFinish} initialValues={toForm(settings)}>
          <Form.Item
            name="orgName"
            label={t('settings.orgName')}
            extra={t('settings.orgNameHelp')}
            rules={[{ ...required, whitespace: true }, { max: 100 }]}
          >
            <Input maxLength={100} placeholder={t('settings.orgNamePlaceholder')} data-testid="settings-org-name" />
          </Form.Item>
          <Form.Item name="timezone" label={t('settings.timezone')} extra={t('settings.timezoneHelp')} rules={[required]}>
            <TimeZoneSelect data-testid="settings-timezone" />
          </Form.Item>
          <Form.Item label={t('settings.deadline')} extra={t('settings.deadlineHelp')} required>
            <Row gutter={8}>
              <Col flex="1 1 140px">
                <Form.Item name={['deadline', 'weekday']} rules={[required]} noStyle>
                  <Select
                    aria-label={t('settings.deadlineWeekday')}
                    options={WEEKDAYS.map((d) => ({ value: d, label: t(`calendar.weekday.${d}`) }))}
                    data-testid="settings-deadline-weekday"
                  />
                </Form.Item>
              </Col>
              <Col flex="1 1 140px">
                <Form.Item name={['deadline', 'time']} rules={[required]} noStyle>
                  <TimePicker
                    format={TIME_FORMAT}
                    needConfirm={false}
                    allowClear={false}
                    aria-label={t('settings.deadlineTime')}
                    style={{ width: '100%' }}
                    data-testid="settings-deadline-time"
                  />
                </Form.Item>
              </Col>
            </Row>
          </Form.Item>
          <Form.Item name="locale" label={t('settings.locale')} extra={t('settings.localeHelp')} rules={[required]}>
            <Select
              options={[
                { value: 'zh-CN', label: t('language.zhCN') },
                { value: 'en', label: t('language.en') },
              ]}
              data-testid="settings-locale"
            />
          </Form.Item>
          <Form.Item name="ratingsVisibility" label={t('settings.ratingsVisibility')} extra={t('settings.ratingsVisibilityHelp')}>
            <Select
              options={[
                { value: 'average', label: t('settings.ratingsAverage') },
                { value: 'raters', label: t('settings.ratingsRaters') },
              ]}
              data-testid="settings-ratings-visibility"
            />
          </Form.Item>
          <Form.Item name="categories" label={t('settings.categories')} extra={t('settings.categoriesHelp')}>
            <CategoriesEditor />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={update.isPending} {...testId('settings-save')}>
            {t('common.save')}
          </Button>
        </Form>
      )}
    </Card>
  );
}
