import type { TSearchHit } from '@zhoubao/contracts';
import { Flex, Tag, Typography, theme } from 'antd';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { testId } from '../../lib/test-id';
import { PersonAvatar } from '../report/ReportCard';
import { useWeekLabel } from '../wall/WeekPicker';
import { snippetParts } from './highlight';

const KIND_COLOR: Record<TSearchHit['kind'], string> = {
  item: 'blue',
  report: 'cyan',
  summary: 'gold',
  comment: 'purple',
};

/** Where a hit leads: its report, or for a department summary that department's bulletin of the week. */
export function hitLink(hit: TSearchHit): string {
  if (hit.reportId) return `/reports/${encodeURIComponent(hit.reportId)}`;
  const dept = hit.departmentId ? `?dept=${encodeURIComponent(hit.departmentId)}` : '';
  return `/wall/${encodeURIComponent(hit.week)}${dept}`;
}

/** The snippet as text nodes, the matched words in <mark> (never HTML from the server). */
export function Snippet({ hit }: { hit: TSearchHit }) {
  const { token } = theme.useToken();
  return (
    <Typography.Paragraph style={{ margin: 0, wordBreak: 'break-word' }} data-testid="search-snippet">
      {snippetParts(hit.snippet, hit.highlights).map((part, i) =>
        part.mark ? (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one snippet never reorder.
          <mark key={i} style={{ background: token.colorWarningBg, color: 'inherit', padding: '0 1px', borderRadius: 2 }}>
            {part.text}
          </mark>
        ) : (
          // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one snippet never reorder.
          <span key={i}>{part.text}</span>
        ),
      )}
    </Typography.Paragraph>
  );
}

/** One hit: who wrote it, where and when, what kind of text, and the snippet; the whole card links on. */
export function SearchHitCard({ hit }: { hit: TSearchHit }) {
  const { t } = useTranslation();
  const { token } = theme.useToken();
  const weekLabel = useWeekLabel();
  const isSummary = hit.kind === 'summary';
  const who = isSummary ? (hit.departmentName ?? '') : hit.displayName;
  const where = [isSummary ? hit.displayName : hit.departmentName, weekLabel(hit.week)].filter(Boolean).join(' · ');
  return (
    <Link
      to={hitLink(hit)}
      style={{ display: 'block', color: 'inherit', padding: '12px 4px', borderBottom: `1px solid ${token.colorBorderSecondary}` }}
      {...testId('search-hit', { 'report-id': hit.reportId ?? '', kind: hit.kind, week: hit.week })}
    >
      <Flex gap={12} align="flex-start">
        <PersonAvatar id={(isSummary ? hit.departmentId : hit.userId) ?? hit.week} name={who || '?'} />
        <div style={{ flex: 1, minWidth: 0 }}>
          <Flex align="center" gap={8} wrap style={{ marginBottom: 4 }}>
            <Typography.Text strong>{who}</Typography.Text>
            <Tag color={KIND_COLOR[hit.kind]} style={{ marginInlineEnd: 0 }}>
              {t(`search.kind.${hit.kind}`)}
            </Tag>
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {where}
            </Typography.Text>
          </Flex>
          <Snippet hit={hit} />
        </div>
      </Flex>
    </Link>
  );
}
