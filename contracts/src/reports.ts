import { z } from 'zod';
import { ZId } from './common';
import { ZWeekId } from './weeks';

/** How much one report, summary or item may hold. */
export const REPORT_LIMITS = {
  items: 50,
  content: 2000,
  summary: 5000,
  outcome: 1000,
  tags: 10,
  tag: 20,
  category: 32,
} as const;

/** The UI flags a report as copy-paste from this similarity up. */
export const SIMILARITY_FLAG = 0.8;

export const ITEM_KINDS = ['work', 'study', 'plan'] as const;
export const ZItemKind = z.enum(ITEM_KINDS);
export type TItemKind = z.infer<typeof ZItemKind>;

export const VISIBILITIES = ['public', 'restricted'] as const;
export const ZVisibility = z.enum(VISIBILITIES);
export type TVisibility = z.infer<typeof ZVisibility>;

export const REPORT_STATUSES = ['draft', 'submitted'] as const;
export const ZReportStatus = z.enum(REPORT_STATUSES);
export type TReportStatus = z.infer<typeof ZReportStatus>;

const L = REPORT_LIMITS;

/** One item as a client writes it; `id` keeps an existing item's identity across saves. */
export const ZReportItemInput = z.object({
  id: ZId.optional(),
  kind: ZItemKind,
  category: z.string().trim().max(L.category).nullable().optional(),
  content: z.string().trim().min(1).max(L.content),
  outcome: z.string().trim().max(L.outcome).nullable().optional(),
  visibility: ZVisibility.optional(),
  tags: z.array(z.string().trim().min(1).max(L.tag)).max(L.tags).optional(),
  goalId: ZId.nullable().optional(),
});
export type TReportItemInput = z.infer<typeof ZReportItemInput>;

/** A draft save of a personal report or a department summary: `PUT /me/reports/:week`. */
export const ZSaveReportRequest = z.object({
  summary: z.string().trim().max(L.summary).nullable().optional(),
  items: z.array(ZReportItemInput).max(L.items),
});
export type TSaveReportRequest = z.infer<typeof ZSaveReportRequest>;

/** An item the viewer may read in full. */
export const ZReportItem = z.object({
  id: ZId,
  kind: ZItemKind,
  category: z.string().nullable(),
  content: z.string(),
  outcome: z.string().nullable(),
  visibility: ZVisibility,
  tags: z.array(z.string()),
  goalId: ZId.nullable(),
});
export type TReportItem = z.infer<typeof ZReportItem>;

/** What a viewer who may not see a restricted item gets in its place. */
export const ZRedactedItem = z.object({
  id: ZId,
  kind: ZItemKind,
  visibility: z.literal('restricted'),
  redacted: z.literal(true),
});
export type TRedactedItem = z.infer<typeof ZRedactedItem>;

export const ZPresentedItem = z.union([ZReportItem, ZRedactedItem]);
export type TPresentedItem = z.infer<typeof ZPresentedItem>;

/** A personal weekly report as a viewer may see it (`displayName` and `departmentId` are extensions). */
export const ZReport = z.object({
  id: ZId,
  userId: ZId,
  displayName: z.string(),
  departmentId: ZId.nullable(),
  week: ZWeekId,
  status: ZReportStatus,
  summary: z.string(),
  items: z.array(ZPresentedItem),
  submittedAt: z.string().nullable(),
  late: z.boolean(),
  version: z.number().int(),
  updatedAt: z.string(),
  similarToPrevious: z.number().min(0).max(1).nullable(),
});
export type TReport = z.infer<typeof ZReport>;

/** One saved version of a submitted report. */
export const ZReportVersion = z.object({
  version: z.number().int(),
  savedAt: z.string(),
  summary: z.string(),
  items: z.array(ZPresentedItem),
});
export type TReportVersion = z.infer<typeof ZReportVersion>;

/** A read receipt: `readAt` is the first read, `lastReadAt` (extension) the latest. */
export const ZReportReader = z.object({
  userId: ZId,
  displayName: z.string(),
  readAt: z.string(),
  lastReadAt: z.string(),
});
export type TReportReader = z.infer<typeof ZReportReader>;

export const ZListReportsQuery = z.object({
  week: ZWeekId.optional(),
  departmentId: ZId.optional(),
  userId: ZId.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
});
export type TListReportsQuery = z.infer<typeof ZListReportsQuery>;

export const ZDepartmentWeekParams = z.object({ id: ZId, week: ZWeekId });

/** A department's own report for a week (部门小结). */
export const ZDepartmentSummary = z.object({
  departmentId: ZId,
  week: ZWeekId,
  summary: z.string(),
  items: z.array(ZPresentedItem),
  updatedAt: z.string().nullable(),
  updatedBy: ZId.nullable(),
});
export type TDepartmentSummary = z.infer<typeof ZDepartmentSummary>;

export const ZPersonRef = z.object({ userId: ZId, displayName: z.string() });
export type TPersonRef = z.infer<typeof ZPersonRef>;

export const ZBulletinStats = z.object({
  members: z.number().int(),
  submitted: z.number().int(),
  late: z.number().int(),
});
export type TBulletinStats = z.infer<typeof ZBulletinStats>;

/**
 * The compiled bulletin: the summary, then every member's submitted report in department order.
 * Extensions: `version` (null for a preview), `absent` (people on leave the whole week, not missing),
 * `preview` (true when compiled live rather than published).
 */
export const ZBulletin = z.object({
  department: z.object({ id: ZId, name: z.string() }),
  week: ZWeekId,
  version: z.number().int().nullable(),
  publishedAt: z.string().nullable(),
  preview: z.boolean(),
  summary: z.object({ summary: z.string(), items: z.array(ZPresentedItem) }),
  reports: z.array(ZReport),
  missing: z.array(ZPersonRef),
  absent: z.array(ZPersonRef),
  stats: ZBulletinStats,
});
export type TBulletin = z.infer<typeof ZBulletin>;

export const ZBulletinQuery = z.object({
  preview: z.enum(['true', 'false']).optional(),
  version: z.coerce.number().int().min(1).max(1_000_000).optional(),
});
export type TBulletinQuery = z.infer<typeof ZBulletinQuery>;

export const ZWallDepartment = z.object({
  id: ZId,
  name: z.string(),
  members: z.number().int(),
  submitted: z.number().int(),
  late: z.number().int(),
  published: z.boolean(),
});
export type TWallDepartment = z.infer<typeof ZWallDepartment>;

/** All departments' progress for a week and their published bulletins (晾晒台). */
export const ZWall = z.object({
  week: ZWeekId,
  departments: z.array(ZWallDepartment),
  bulletins: z.array(ZBulletin),
});
export type TWall = z.infer<typeof ZWall>;

/** A department summary is written like a report: `{summary?, items}`. */
export const ZSaveSummaryRequest = ZSaveReportRequest;
export type TSaveSummaryRequest = TSaveReportRequest;
