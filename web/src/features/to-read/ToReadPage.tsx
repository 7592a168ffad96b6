import { RightOutlined } from '@ant-design/icons';
import { isValidWeekId } from '@zhoubao/contracts';
import { Card, Empty, Flex, List, Skeleton, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { LoadErrorResult, NotFoundResult } from '../../components/ResultPages';
import { useErrorText } from '../../lib/errors';
import { formatDateTime } from '../../lib/format';
import { useDepartments } from '../admin-departments/departments.api';
import { PersonAvatar } from '../report/ReportCard';
import { WeekPicker } from '../wall/WeekPicker';
import { useCurrentWeek } from '../wall/wall.api';
import { useToRead } from './to-read.api';

/** Heads' and leaders' reading list: a week's submitted reports of their people they have not opened yet. */
export default function ToReadPage() {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const errorText = useErrorText();
  const [search, setSearch] = useSearchParams();
  const current = useCurrentWeek();
  const requested = search.get('week');
  const validWeek = requested === null || isValidWeekId(requested);
  const week = requested ?? current.data?.week;
  const toRead = useToRead(validWeek ? week : undefined);
  const departments = useDepartments().data?.byId;

  if (!validWeek) return <NotFoundResult />;

  const picker = week ? (
    <WeekPicker
      week={week}
      currentWeek={current.data?.week}
      onChange={(next) => setSearch(next === current.data?.week ? {} : { week: next })}
      testIdPrefix="to-read"
    />
  ) : (
    <Skeleton.Button active style={{ width: 220 }} />
  );

  let body: React.ReactNode;
  if (toRead.isError || current.isError) {
    body = (
      <LoadErrorResult
        message={errorText(toRead.error ?? current.error)}
        onRetry={() => void (toRead.isError ? toRead.refetch() : current.refetch())}
      />
    );
  } else if (!toRead.data) {
    body = <Skeleton active avatar paragraph={{ rows: 4 }} />;
  } else if (toRead.data.items.length === 0) {
    body = <Empty description={t('toRead.empty')} data-testid="to-read-empty" />;
  } else {
    body = (
      <List
        dataSource={toRead.data.items}
        rowKey="reportId"
        renderItem={(item) => (
          <List.Item data-testid="to-read-item" data-report-id={item.reportId} style={{ paddingInline: 4 }}>
            <Link to={`/reports/${encodeURIComponent(item.reportId)}`} style={{ display: 'flex', width: '100%', minWidth: 0 }}>
              <Flex align="center" gap={12} style={{ width: '100%', minWidth: 0 }}>
                <PersonAvatar id={item.userId} name={item.displayName} />
                <div style={{ flex: 1, minWidth: 0 }}>
                  <Typography.Text strong ellipsis style={{ display: 'block' }}>
                    {item.displayName}
                  </Typography.Text>
                  <Typography.Text type="secondary" ellipsis style={{ display: 'block', fontSize: 12 }}>
                    {[
                      departments?.get(item.departmentId ?? '')?.name,
                      item.submittedAt && t('report.submittedAt', { time: formatDateTime(item.submittedAt) }),
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </Typography.Text>
                </div>
                <RightOutlined style={{ color: token.colorTextTertiary }} />
              </Flex>
            </Link>
          </List.Item>
        )}
      />
    );
  }

  return (
    <>
      <PageHeader
        title={t('nav.toRead')}
        description={toRead.data ? t('toRead.description', { n: toRead.data.items.length }) : t('toRead.hint')}
        extra={picker}
      />
      <Card size="small">{body}</Card>
    </>
  );
}
