import { z } from 'zod';
import { ZWeekId } from './weeks';

/** A wall-clock time `HH:mm` in the organisation's time zone. */
export const ZClockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:mm');

/** The scheduled jobs, by the name their runs are recorded under. */
export const JOB_NAMES = ['reminder', 'morning_reminder', 'missing_list', 'digest', 'auto_publish'] as const;
export const ZJobName = z.enum(JOB_NAMES);
export type TJobName = z.infer<typeof ZJobName>;

/** Bounds of the schedule settings, in minutes. */
export const SCHEDULE_LIMITS = {
  /** The reminder goes between 15 minutes and 3 days before the deadline. */
  leadMinutes: { min: 15, max: 3 * 24 * 60 },
  /** The missing list goes up to a day after the deadline. */
  missingDelayMinutes: { min: 0, max: 24 * 60 },
  /** Automatic publishing happens up to 3 days after the deadline. */
  publishDelayMinutes: { min: 0, max: 3 * 24 * 60 },
} as const;

const minutes = (b: { min: number; max: number }) => z.number().int().min(b.min).max(b.max);

/** The organisation's schedules: reminders, the missing list, the leaders' digest and automatic publishing. */
export const ZScheduleSettings = z.object({
  /** A reminder to everyone who still owes the week, this long before the deadline. */
  reminder: z.object({ enabled: z.boolean(), leadMinutes: minutes(SCHEDULE_LIMITS.leadMinutes) }),
  /** A second reminder on the morning of the deadline day, at this time (only when it is before the deadline). */
  morningReminder: z.object({ enabled: z.boolean(), time: ZClockTime }),
  /** Each head's list of their department's missing people, this long after the deadline. */
  missingList: z.object({ enabled: z.boolean(), delayMinutes: minutes(SCHEDULE_LIMITS.missingDelayMinutes) }),
  /** Last week's figures to leaders and assessors, on this weekday (1 Monday … 7 Sunday) and time. */
  digest: z.object({ enabled: z.boolean(), weekday: z.number().int().min(1).max(7), time: ZClockTime }),
  /** Publishes every department's bulletin not yet published, this long after the deadline. */
  autoPublish: z.object({ enabled: z.boolean(), delayMinutes: minutes(SCHEDULE_LIMITS.publishDelayMinutes) }),
});
export type TScheduleSettings = z.infer<typeof ZScheduleSettings>;

/** What a new organisation starts with. */
export const DEFAULT_SCHEDULE_SETTINGS: TScheduleSettings = {
  reminder: { enabled: true, leadMinutes: 240 },
  morningReminder: { enabled: false, time: '09:00' },
  missingList: { enabled: true, delayMinutes: 30 },
  digest: { enabled: true, weekday: 1, time: '09:00' },
  autoPublish: { enabled: false, delayMinutes: 120 },
};

/** One coming run of a job, computed from the calendar. */
export const ZNextRun = z.object({
  job: ZJobName,
  /** The report week the run is for (the digest's is the week before the one it is sent in). */
  week: ZWeekId,
  /** When it runs, ISO 8601 with the organisation's offset. */
  at: z.string(),
  /** True when the run was moved off a day off to a working day. */
  moved: z.boolean(),
});
export type TNextRun = z.infer<typeof ZNextRun>;

/** `GET /integrations/schedules`. */
export const ZSchedulesState = z.object({
  settings: ZScheduleSettings,
  timezone: z.string(),
  /** Whether this server runs the schedules (`ZHOUBAO_SCHEDULER`). */
  schedulerEnabled: z.boolean(),
  /** The next runs of the enabled jobs, soonest first. */
  nextRuns: z.array(ZNextRun),
});
export type TSchedulesState = z.infer<typeof ZSchedulesState>;

export const JOB_RUN_STATUSES = ['running', 'succeeded', 'failed'] as const;

/** One recorded run of a scheduled job. */
export const ZJobRun = z.object({
  job: z.string(),
  runKey: z.string(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  status: z.enum(JOB_RUN_STATUSES),
  error: z.string().nullable(),
  /** The process that ran it (`host#pid#id`). */
  owner: z.string(),
  attempts: z.number().int(),
  /** What it did: counts such as `{notified: 12, emails: 5}`. */
  result: z.record(z.string(), z.unknown()).nullable(),
});
export type TJobRun = z.infer<typeof ZJobRun>;

export const ZJobRunsQuery = z.object({
  cursor: z.string().max(300).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  job: ZJobName.optional(),
});
export type TJobRunsQuery = z.infer<typeof ZJobRunsQuery>;

export const ZJobRunsPage = z.object({ items: z.array(ZJobRun), nextCursor: z.string().nullable() });
export type TJobRunsPage = z.infer<typeof ZJobRunsPage>;
