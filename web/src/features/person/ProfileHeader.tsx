import type { TProfile, TProfileStats } from '@zhoubao/contracts';
import { Card, Col, Flex, Row, Tag, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { PersonAvatar } from '../report/ReportCard';

const FIGURES: (keyof TProfileStats)[] = ['weeksExpected', 'submitted', 'onTime', 'late', 'missing', 'streak'];

/** Figures where more is worse: shown in red when above the department median. */
const WORSE_WHEN_HIGHER = new Set<keyof TProfileStats>(['late', 'missing']);

const formatMedian = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(1));

/** One figure of the period, with the department median beneath it for comparison (可比). */
function Figure({ name, value, median }: { name: keyof TProfileStats; value: number; median: number | null }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  // Weeks expected is neither good nor bad; for the other figures, the worse side of the median shows red.
  const worse = median !== null && name !== 'weeksExpected' && (WORSE_WHEN_HIGHER.has(name) ? value > median : value < median);
  return (
    <div data-testid="profile-stat" data-stat={name} data-value={value} style={{ minWidth: 0 }}>
      <Typography.Text type="secondary" style={{ fontSize: 13, display: 'block' }}>
        {t(`person.stats.${name}`)}
      </Typography.Text>
      <Typography.Text strong style={{ fontSize: 24, lineHeight: 1.3, color: worse ? token.colorError : undefined }}>
        {value}
      </Typography.Text>
      {median !== null && (
        <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }} data-testid="profile-median">
          {t('person.stats.median', { value: formatMedian(median) })}
        </Typography.Text>
      )}
    </div>
  );
}

/** Who the person is (name, department, title) and the period's figures beside their department's median. */
export function ProfileHeader({ profile, own }: { profile: TProfile; own: boolean }) {
  const { t } = useTranslation();
  const { user, department, stats, departmentMedian } = profile;
  return (
    <Card style={{ marginBottom: 16 }} data-testid="profile-header">
      <Row gutter={[24, 16]} align="middle">
        <Col xs={24} lg={8}>
          <Flex gap={14} align="center">
            <PersonAvatar id={user.id} name={user.displayName} size={56} />
            <div style={{ minWidth: 0 }}>
              <Flex gap={8} align="center" wrap>
                <Typography.Title level={4} style={{ margin: 0 }} data-testid="profile-name">
                  {user.displayName}
                </Typography.Title>
                {own && <Tag color="blue">{t('person.mine')}</Tag>}
                {!user.active && <Tag>{t('person.inactive')}</Tag>}
              </Flex>
              <Typography.Text type="secondary" style={{ display: 'block' }} data-testid="profile-department">
                {department ? department.path.join(' / ') : t('person.noDepartment')}
              </Typography.Text>
              {user.title && <Typography.Text style={{ display: 'block' }}>{user.title}</Typography.Text>}
            </div>
          </Flex>
        </Col>
        <Col xs={24} lg={16}>
          <Row gutter={[12, 12]}>
            {FIGURES.map((f) => (
              <Col key={f} xs={8} sm={8} md={4}>
                <Figure name={f} value={stats[f]} median={departmentMedian ? departmentMedian[f] : null} />
              </Col>
            ))}
          </Row>
          {departmentMedian && (
            <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12, marginTop: 8 }}>
              {t('person.stats.medianNote', { n: departmentMedian.members })}
            </Typography.Text>
          )}
        </Col>
      </Row>
    </Card>
  );
}
