import type { TGradeValue } from '@zhoubao/contracts';

/** The tag colour of each grade: A green through D red. */
export const GRADE_COLORS: Record<TGradeValue, string> = { A: 'green', B: 'blue', C: 'orange', D: 'red' };
