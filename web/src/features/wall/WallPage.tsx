import { isValidWeekId, type TWall } from '@zhoubao/contracts';
import { Card, Col, Empty, Flex, Grid, Row, Skeleton } from 'antd';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { LoadErrorResult, NotFoundResult } from '../../components/ResultPages';
import { useErrorText } from '../../lib/errors';
import { WallExportButton } from '../album/WordExportButton';
import { useCurrentUser } from '../auth/auth.api';
import { BulletinView } from './BulletinView';
import { DepartmentCard, DepartmentStrip } from './DepartmentCard';
import { WeekPicker } from './WeekPicker';
import { useCurrentWeek, useWall } from './wall.api';

/** The department shown when the link names none: one's own when published, else the first published one. */
function defaultDepartment(wall: TWall, ownDepartmentId: string | null): string | undefined {
  const published = new Set(wall.bulletins.map((b) => b.department.id));
  if (ownDepartmentId && published.has(ownDepartmentId)) return ownDepartmentId;
  return wall.bulletins[0]?.department.id ?? wall.departments.find((d) => d.id === ownDepartmentId)?.id;
}

/** The wall (晾晒台): every department's progress for a week, and the bulletin of the one picked. */
export default function WallPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const user = useCurrentUser();
  const navigate = useNavigate();
  const params = useParams();
  const [search, setSearch] = useSearchParams();
  const isPhone = Grid.useBreakpoint().md === false;
  const bulletinRef = useRef<HTMLDivElement>(null);
  const current = useCurrentWeek();
  const validWeek = params.week === undefined || isValidWeekId(params.week);
  const week = params.week ?? current.data?.week;
  const wall = useWall(validWeek ? week : undefined);

  const data = wall.data;
  const requested = search.get('dept');
  const selectedId =
    requested && data?.departments.some((d) => d.id === requested)
      ? requested
      : data && defaultDepartment(data, user.departmentId);

  if (!validWeek) return <NotFoundResult />;

  const goToWeek = (next: string) => void navigate({ pathname: `/wall/${next}`, search: search.toString() });
  const selected = data?.departments.find((d) => d.id === selectedId);
  const bulletin = data?.bulletins.find((b) => b.department.id === selectedId);

  const select = (id: string) => {
    setSearch(
      (prev) => {
        const next = new URLSearchParams(prev);
        next.set('dept', id);
        return next;
      },
      { replace: true },
    );
    // On a phone the bulletin sits below the cards: bring it into view.
    if (isPhone) requestAnimationFrame(() => bulletinRef.current?.scrollIntoView({ behavior: 'smooth', block: 'start' }));
  };

  const picker = week ? (
    <Flex align="center" gap={8} wrap>
      <WeekPicker week={week} currentWeek={current.data?.week} onChange={goToWeek} testIdPrefix="wall" />
      <WallExportButton week={week} published={(data?.bulletins.length ?? 0) > 0} />
    </Flex>
  ) : (
    <Skeleton.Button active style={{ width: 220 }} />
  );

  let body: React.ReactNode;
  if (wall.isError || current.isError) {
    const error = wall.error ?? current.error;
    body = (
      <LoadErrorResult message={errorText(error)} onRetry={() => void (wall.isError ? wall.refetch() : current.refetch())} />
    );
  } else if (!data) {
    body = <Skeleton active paragraph={{ rows: 8 }} />;
  } else if (data.departments.length === 0) {
    body = (
      <Card>
        <Empty description={t('wall.noDepartments')} />
      </Card>
    );
  } else {
    const cards = data.departments.map((d) => (
      <DepartmentCard key={d.id} department={d} selected={d.id === selectedId} onSelect={() => select(d.id)} />
    ));
    body = (
      <>
        {isPhone ? (
          <DepartmentStrip selectedId={selectedId}>{cards}</DepartmentStrip>
        ) : (
          <Row gutter={[12, 12]} style={{ marginBottom: 16 }}>
            {cards.map((card) => (
              <Col key={card.key} xs={12} lg={8} xl={6} xxl={4}>
                {card}
              </Col>
            ))}
          </Row>
        )}
        <div ref={bulletinRef} style={{ scrollMarginTop: 72 }}>
          {bulletin ? (
            <BulletinView bulletin={bulletin} />
          ) : (
            <Card>
              <Empty
                data-testid="wall-not-published"
                description={selected ? t('wall.notPublished', { name: selected.name }) : t('wall.noBulletins')}
              />
            </Card>
          )}
        </div>
      </>
    );
  }

  return (
    <>
      <PageHeader title={t('nav.wall')} description={t('wall.description')} extra={picker} />
      {body}
    </>
  );
}
