import { SearchOutlined } from '@ant-design/icons';
import { isValidWeekId, SEARCH_LIMITS } from '@zhoubao/contracts';
import { Button, Card, Empty, Flex, Input, Skeleton, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import { PageHeader } from '../../components/PageHeader';
import { LoadErrorResult } from '../../components/ResultPages';
import { useErrorText } from '../../lib/errors';
import { useCurrentWeek } from '../wall/wall.api';
import { SearchFilters, type SearchFilterValues } from './SearchFilters';
import { SearchHitCard } from './SearchHitCard';
import { type SearchParams, useSearch } from './search.api';

/** The URL's names for the filters: `?q=&from=&to=&dept=&user=`. */
const URL_KEYS: Record<keyof SearchFilterValues, string> = { from: 'from', to: 'to', departmentId: 'dept', userId: 'user' };

const weekOrUndefined = (w: string | null) => (w && isValidWeekId(w) ? w : undefined);

/**
 * Full-text search (全文搜索) over the report items, summaries and comments the user may read,
 * by Chinese word; newest week first, "load more" by cursor. The query and filters live in the URL.
 */
export default function SearchPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const current = useCurrentWeek();
  const [search, setSearch] = useSearchParams();
  const q = (search.get('q') ?? '').trim().slice(0, SEARCH_LIMITS.query);
  const filters: SearchFilterValues = {
    from: weekOrUndefined(search.get('from')),
    to: weekOrUndefined(search.get('to')),
    departmentId: search.get('dept') || undefined,
    userId: search.get('user') || undefined,
  };
  const [text, setText] = useState(q);
  // A search from the header's box changes the URL while this page is open.
  useEffect(() => setText(q), [q]);

  const params: SearchParams | null = q ? { q, ...filters } : null;
  const hits = useSearch(params);
  const items = hits.data?.pages.flatMap((p) => p.items) ?? [];

  const update = (changes: Record<string, string | undefined>) =>
    setSearch(
      (prev) => {
        const next = new URLSearchParams(prev);
        for (const [k, v] of Object.entries(changes)) {
          if (v) next.set(k, v);
          else next.delete(k);
        }
        return next;
      },
      { replace: true },
    );
  const changeFilters = (changes: SearchFilterValues) =>
    update(
      Object.fromEntries(
        Object.entries(changes).map(([k, v]) => [URL_KEYS[k as keyof SearchFilterValues], v as string | undefined]),
      ),
    );
  const submit = (value: string) => {
    const next = value.trim();
    setText(next);
    setSearch(
      (prev) => {
        const params = new URLSearchParams(prev);
        if (next) params.set('q', next);
        else params.delete('q');
        return params;
      },
      // A new query is a new entry in the history; refining filters replaces it.
      { replace: false },
    );
  };

  let body: React.ReactNode;
  if (!q) {
    body = <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('search.idle')} data-testid="search-idle" />;
  } else if (hits.isError) {
    body = <LoadErrorResult message={errorText(hits.error)} onRetry={() => void hits.refetch()} />;
  } else if (hits.isPending) {
    body = <Skeleton active avatar paragraph={{ rows: 3 }} />;
  } else if (items.length === 0) {
    body = <Empty description={t('search.noResults', { q })} data-testid="search-empty" />;
  } else {
    body = (
      <>
        <div data-testid="search-results">
          {items.map((hit) => (
            <SearchHitCard
              key={`${hit.kind}:${hit.reportId}:${hit.itemId ?? ''}:${hit.commentId ?? ''}:${hit.week}:${hit.departmentId}`}
              hit={hit}
            />
          ))}
        </div>
        <Flex justify="center" align="center" gap={12} wrap style={{ paddingTop: 12 }}>
          <Typography.Text type="secondary" style={{ fontSize: 12 }} data-testid="search-count">
            {hits.hasNextPage ? t('search.shownMore', { n: items.length }) : t('search.shownAll', { n: items.length })}
          </Typography.Text>
          {hits.hasNextPage && (
            <Button onClick={() => void hits.fetchNextPage()} loading={hits.isFetchingNextPage} data-testid="search-more">
              {t('common.loadMore')}
            </Button>
          )}
        </Flex>
      </>
    );
  }

  return (
    <>
      <PageHeader title={t('search.title')} description={t('search.description')} />
      <Card style={{ marginBottom: 16 }}>
        <Flex vertical gap={12}>
          <Input.Search
            value={text}
            onChange={(e) => setText(e.target.value)}
            onSearch={submit}
            maxLength={SEARCH_LIMITS.query}
            allowClear
            enterButton={<SearchOutlined aria-label={t('search.submit')} />}
            placeholder={t('search.placeholder')}
            aria-label={t('search.title')}
            size="large"
            data-testid="search-input"
          />
          <SearchFilters values={filters} currentWeek={current.data?.week} onChange={changeFilters} />
        </Flex>
      </Card>
      <Card
        size="small"
        title={q ? t('search.resultsTitle') : undefined}
        extra={
          q ? (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('search.order')}
            </Typography.Text>
          ) : undefined
        }
      >
        {body}
      </Card>
    </>
  );
}
