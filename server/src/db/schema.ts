import type { Generated } from 'kysely';

/**
 * Table types as Kysely sees them. Times are ISO 8601 strings in UTC on both dialects
 * (PostgreSQL `timestamptz` is parsed to an ISO string in database.ts); flags are 0/1 integers.
 */
export interface SettingsTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface DepartmentsTable {
  id: string;
  name: string;
  parent_id: string | null;
  sort_order: number;
  created_at: string;
  updated_at: string;
}

export interface UsersTable {
  id: string;
  username: string;
  username_key: string;
  display_name: string;
  department_id: string | null;
  title: string | null;
  email: string | null;
  password_hash: string | null;
  active: number;
  sort_order: number;
  locale: string | null;
  created_at: string;
  updated_at: string;
}

/** A person's department and active flag over time, kept by triggers on `users` (see its migration). */
export interface UserMembershipsTable {
  id: Generated<number>;
  user_id: string;
  department_id: string | null;
  active: number;
  valid_from: string;
  valid_to: string | null;
}

export interface UserRolesTable {
  user_id: string;
  role: string;
}

export interface UserSupervisesTable {
  user_id: string;
  department_id: string;
}

export interface SessionsTable {
  id_hash: string;
  user_id: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface LoginThrottleTable {
  key: string;
  window_start: string;
  failures: number;
}

export interface AuditLogTable {
  id: string;
  at: string;
  actor_id: string | null;
  action: string;
  target_type: string | null;
  target_id: string | null;
  ip: string | null;
  data: string | null;
}

export interface CalendarOverridesTable {
  /** `YYYY-MM-DD`. */
  date: string;
  /** 1 forces a working day, 0 a day off. */
  workday: number;
  note: string | null;
  updated_at: string;
  updated_by: string | null;
}

/** An imported State Council holiday notice, one per year. */
export interface CalendarNoticesTable {
  year: number;
  text: string;
  applied_at: string;
  applied_by: string | null;
}

export interface AbsencesTable {
  id: string;
  user_id: string;
  /** First day of leave, `YYYY-MM-DD`. */
  from_date: string;
  /** Last day of leave (included), `YYYY-MM-DD`. */
  to_date: string;
  reason: string | null;
  created_by: string | null;
  created_at: string;
  deleted_at: string | null;
}

export interface ReportsTable {
  id: string;
  user_id: string;
  week: string;
  department_id: string | null;
  status: string;
  summary: string;
  version: number;
  submitted_at: string | null;
  late: number;
  similar_to_previous: number | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface ReportItemsTable {
  id: string;
  report_id: string;
  position: number;
  kind: string;
  category: string | null;
  content: string;
  outcome: string | null;
  visibility: string;
  /** JSON array of strings. */
  tags: string;
  goal_id: string | null;
}

export interface ReportVersionsTable {
  report_id: string;
  version: number;
  saved_at: string;
  saved_by: string | null;
  summary: string;
  /** JSON array of items, as saved. */
  items: string;
  similar_to_previous: number | null;
}

export interface ReportReadsTable {
  report_id: string;
  user_id: string;
  first_read_at: string;
  last_read_at: string;
}

export interface DepartmentSummariesTable {
  department_id: string;
  week: string;
  summary: string;
  /** JSON array of items. */
  items: string;
  version: number;
  updated_at: string;
  updated_by: string | null;
}

export interface BulletinVersionsTable {
  id: string;
  department_id: string;
  week: string;
  version: number;
  published_at: string;
  published_by: string | null;
  /** JSON: summary, compiled report versions, missing, absent and stats. */
  snapshot: string;
}

export interface CommentsTable {
  id: string;
  report_id: string;
  author_id: string;
  body: string;
  /** `comment` or `feedback`. */
  kind: string;
  created_at: string;
  edited_at: string | null;
  deleted_at: string | null;
}

export interface CommentMentionsTable {
  comment_id: string;
  user_id: string;
}

export interface LikesTable {
  report_id: string;
  user_id: string;
  created_at: string;
}

export interface RatingsTable {
  report_id: string;
  rater_id: string;
  score: number;
  reason: string | null;
  created_at: string;
  updated_at: string;
}

export interface ReportGradesTable {
  id: string;
  report_id: string;
  /** `A`…`D`. */
  grade: string;
  note: string | null;
  graded_by: string;
  graded_at: string;
}

export interface NotificationsTable {
  id: string;
  user_id: string;
  type: string;
  /** JSON object: ids, week, names and excerpts. */
  data: string;
  created_at: string;
  read_at: string | null;
}

export interface ScoringRulesTable {
  version: number;
  /** JSON: the rule set (contracts `ZScoringRules`). */
  rules: string;
  created_at: string;
  created_by: string | null;
}

export interface AssessmentsTable {
  id: string;
  name: string;
  from_week: string;
  to_week: string;
  rules_version: number;
  /** JSON: the rule set used (contracts `ZScoringRules`). */
  rules: string;
  /** JSON: the score rows of the snapshot (contracts `ZScoreRow[]`). */
  items: string;
  created_at: string;
  created_by: string | null;
  locked_at: string | null;
}

export interface AssessmentCandidatesTable {
  assessment_id: string;
  user_id: string;
  note: string | null;
  marked_by: string | null;
  marked_at: string;
}

export interface WebhooksTable {
  id: string;
  name: string;
  /** `dingtalk` | `wecom` | `feishu` | `slack` | `generic`. */
  kind: string;
  url: string;
  secret: string | null;
  department_id: string | null;
  /** JSON array of event names. */
  events: string;
  enabled: number;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface DeliveriesTable {
  id: string;
  channel: string;
  /** `webhook:<id>` or `email`; unique with `dedupe_key`. */
  target: string;
  webhook_id: string | null;
  /** The e-mail address, for e-mail deliveries. */
  recipient: string | null;
  user_id: string | null;
  event: string;
  dedupe_key: string;
  /** JSON: the neutral message and the event's data. */
  payload: string;
  /** `pending` | `sending` | `sent` | `skipped` | `failed`. */
  status: string;
  attempts: number;
  parts_sent: number;
  next_attempt_at: string;
  claimed_until: string | null;
  last_attempt_at: string | null;
  last_error: string | null;
  response_code: number | null;
  response_body: string | null;
  created_at: string;
  sent_at: string | null;
}

export interface ObjectionsTable {
  id: string;
  user_id: string;
  /** The person's department when the objection was raised. */
  department_id: string | null;
  week: string;
  reason: string;
  /** `open` | `answered`. */
  status: string;
  /** The week's points when the objection was raised. */
  points: number;
  /** JSON: the week's breakdown when the objection was raised (contracts `ZScorePart[]`). */
  breakdown: string;
  rules_version: number;
  created_at: string;
  answer: string | null;
  /** `upheld` | `rejected`, once answered. */
  outcome: string | null;
  answered_by: string | null;
  answered_at: string | null;
}

export interface JobRunsTable {
  job: string;
  /** What the run is for, e.g. the week `2026-W40`; unique with `job`. */
  run_key: string;
  started_at: string;
  finished_at: string | null;
  /** `running` | `succeeded` | `failed`. */
  status: string;
  error: string | null;
  /** The process that holds (or held) the run. */
  owner: string;
  /** Until when the owner holds a running run; past it, another process may take the run over. */
  lease_until: string | null;
  attempts: number;
  /** JSON: what the run did (counts). */
  result: string | null;
}

export interface NotificationPreferencesTable {
  user_id: string;
  /** A notification type (`reminder`, `comment`, …). */
  type: string;
  in_app: number;
  email: number;
  updated_at: string;
}

export interface GoalsTable {
  id: string;
  user_id: string;
  title: string;
  description: string | null;
  /** `YYYY-MM-DD`, or null. */
  due: string | null;
  /** `active` | `done` | `dropped`. */
  status: string;
  created_at: string;
  updated_at: string;
  /** Set while the goal is done. */
  completed_at: string | null;
}

/** The search index (ADR 0005); PostgreSQL adds a `tsv` column, SQLite an FTS5 table `search_fts`. */
export interface SearchEntriesTable {
  /** Week-major: the week's ordinal times 2^32 plus a sequence number. */
  id: number;
  /** What the entry was made from, for replacing and removing: `report:<id>`, `comment:<id>`, `summary:<department>:<week>`. */
  source: string;
  /** `item` | `report` | `summary` | `comment`. */
  kind: string;
  report_id: string | null;
  item_id: string | null;
  comment_id: string | null;
  /** The report's author (visibility of drafts and restricted items); null for department summaries. */
  owner_id: string | null;
  /** Who wrote the text: the report's author, the comment's author, the summary's last writer. */
  author_id: string | null;
  department_id: string | null;
  week: string;
  restricted: number;
  /** `draft` | `submitted` | `published`. */
  status: string;
  /** The plain text, for snippets. */
  text: string;
}

export interface DB {
  settings: SettingsTable;
  departments: DepartmentsTable;
  users: UsersTable;
  user_memberships: UserMembershipsTable;
  user_roles: UserRolesTable;
  user_supervises: UserSupervisesTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  login_throttle: LoginThrottleTable;
  audit_log: AuditLogTable;
  calendar_overrides: CalendarOverridesTable;
  calendar_notices: CalendarNoticesTable;
  absences: AbsencesTable;
  reports: ReportsTable;
  report_items: ReportItemsTable;
  report_versions: ReportVersionsTable;
  report_reads: ReportReadsTable;
  department_summaries: DepartmentSummariesTable;
  bulletin_versions: BulletinVersionsTable;
  comments: CommentsTable;
  comment_mentions: CommentMentionsTable;
  likes: LikesTable;
  ratings: RatingsTable;
  report_grades: ReportGradesTable;
  notifications: NotificationsTable;
  scoring_rules: ScoringRulesTable;
  assessments: AssessmentsTable;
  assessment_candidates: AssessmentCandidatesTable;
  goals: GoalsTable;
  objections: ObjectionsTable;
  webhooks: WebhooksTable;
  deliveries: DeliveriesTable;
  job_runs: JobRunsTable;
  notification_preferences: NotificationPreferencesTable;
  search_entries: SearchEntriesTable;
}
