import { Button } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/** How many cards a phone list shows at first and adds per tap: thousands of cards would stall a phone. */
export const CARDS_PER_PAGE = 50;

/** The number of cards to show, growing by a page per tap, back to one page when `resetKey` changes. */
export function useShowMore(resetKey: unknown): [number, () => void] {
  const [state, setState] = useState({ key: resetKey, limit: CARDS_PER_PAGE });
  const limit = state.key === resetKey ? state.limit : CARDS_PER_PAGE;
  return [limit, () => setState({ key: resetKey, limit: limit + CARDS_PER_PAGE })];
}

/** "Load more" under a phone list, with how many are left. */
export function ShowMoreButton({ shown, total, onMore }: { shown: number; total: number; onMore: () => void }) {
  const { t } = useTranslation();
  if (shown >= total) return null;
  return (
    <Button type="link" block onClick={onMore} style={{ margin: '8px 0' }} data-testid="cards-more">
      {t('common.loadMore')} ({shown}/{total})
    </Button>
  );
}
