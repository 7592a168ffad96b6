import { ClockCircleOutlined } from '@ant-design/icons';
import { Card, Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from './PageHeader';

/** The honest placeholder of a feature built in a later release. */
export function ComingSoon({ title, description, testId }: { title: ReactNode; description: ReactNode; testId: string }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={title} />
      <Card>
        <Result
          icon={<ClockCircleOutlined style={{ color: '#1677ff' }} />}
          title={t('placeholder.comingSoon')}
          subTitle={description}
          data-testid={testId}
        />
      </Card>
    </>
  );
}
