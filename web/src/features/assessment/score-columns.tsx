import type { TScoreRow } from '@zhoubao/contracts';
import { type TableColumnsType, Tag } from 'antd';
import type { TFunction } from 'i18next';

/** A table sorter by a number of the row; rows without one sort first. */
export const byNumber =
  <T,>(pick: (r: T) => number | null) =>
  (a: T, b: T) =>
    (pick(a) ?? -Infinity) - (pick(b) ?? -Infinity);

const GRADE_ORDER: Record<string, number> = { A: 4, B: 3, C: 2, D: 1 };

export const formatRating = (r: number | null): string => (r === null ? '—' : r.toFixed(2));

/**
 * The columns of a score row's figures, from weeks expected to outcome points: the same in the live
 * ranking and in a frozen snapshot.
 */
export function scoreFigureColumns<T extends TScoreRow>(t: TFunction): TableColumnsType<T> {
  return [
    {
      key: 'weeksExpected',
      title: t('assessment.col.weeksExpected'),
      dataIndex: 'weeksExpected',
      sorter: byNumber<T>((r) => r.weeksExpected),
    },
    { key: 'onTime', title: t('assessment.col.onTime'), dataIndex: 'onTime', sorter: byNumber<T>((r) => r.onTime) },
    { key: 'late', title: t('assessment.col.late'), dataIndex: 'late', sorter: byNumber<T>((r) => r.late) },
    { key: 'missing', title: t('assessment.col.missing'), dataIndex: 'missing', sorter: byNumber<T>((r) => r.missing) },
    {
      key: 'peerRating',
      title: t('assessment.col.peerRating'),
      dataIndex: 'peerRating',
      render: formatRating,
      sorter: byNumber<T>((r) => r.peerRating),
    },
    {
      key: 'grade',
      title: t('assessment.col.grade'),
      dataIndex: 'grade',
      render: (g: string | null) => (g ? <Tag color="blue">{g}</Tag> : '—'),
      sorter: byNumber<T>((r) => (r.grade ? (GRADE_ORDER[r.grade] ?? 0) : null)),
    },
    {
      key: 'outcomePoints',
      title: t('assessment.col.outcomePoints'),
      dataIndex: 'outcomePoints',
      sorter: byNumber<T>((r) => r.outcomePoints),
    },
  ];
}
