import type { Migration } from 'kysely';
import * as m20261124_000001 from './2026_11_24_000001_foundation';
import * as m20261125_000001 from './2026_11_25_000001_calendar_absences';
import * as m20261125_000002 from './2026_11_25_000002_reports';
import * as m20261125_000003 from './2026_11_25_000003_evaluation';
import * as m20261125_000004 from './2026_11_25_000004_scoring';
import * as m20261125_000005 from './2026_11_25_000005_assessments';
import * as m20261126_000001 from './2026_11_26_000001_objections';
import * as m20261126_000002 from './2026_11_26_000002_search';
import * as m20261126_000003 from './2026_11_26_000003_goals';
import * as m20261126_000004 from './2026_11_26_000004_integrations';
import * as m20261126_000005 from './2026_11_26_000005_scheduler';
import * as m20261126_000006 from './2026_11_26_000006_scoring_indexes';
import * as m20261202_000001 from './2026_12_02_000001_user_memberships';
import * as m20261202_000002 from './2026_12_02_000002_calendar_notices';

/** Every migration, by name; names sort in the order they run. */
export const migrations: Record<string, Migration> = {
  '2026_11_24_000001_foundation': m20261124_000001,
  '2026_11_25_000001_calendar_absences': m20261125_000001,
  '2026_11_25_000002_reports': m20261125_000002,
  '2026_11_25_000003_evaluation': m20261125_000003,
  '2026_11_25_000004_scoring': m20261125_000004,
  '2026_11_25_000005_assessments': m20261125_000005,
  '2026_11_26_000001_objections': m20261126_000001,
  '2026_11_26_000002_search': m20261126_000002,
  '2026_11_26_000003_goals': m20261126_000003,
  '2026_11_26_000004_integrations': m20261126_000004,
  '2026_11_26_000005_scheduler': m20261126_000005,
  '2026_11_26_000006_scoring_indexes': m20261126_000006,
  '2026_12_02_000001_user_memberships': m20261202_000001,
  '2026_12_02_000002_calendar_notices': m20261202_000002,
};
