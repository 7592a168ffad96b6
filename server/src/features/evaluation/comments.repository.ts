import type { TPersonRef } from '@zhoubao/contracts';
import type { Selectable } from 'kysely';
import type { Executor } from '../../db/database';
import type { CommentsTable } from '../../db/schema';

export type CommentRow = Selectable<CommentsTable>;

/** A comment with its author's display name. */
export interface CommentRecord extends CommentRow {
  author_name: string;
}

function commentsWithNames(db: Executor) {
  return db
    .selectFrom('comments as c')
    .innerJoin('users as u', 'u.id', 'c.author_id')
    .selectAll('c')
    .select('u.display_name as author_name')
    .where('c.deleted_at', 'is', null);
}

/** Inserts a comment and its mentions. */
export async function insertComment(db: Executor, row: CommentRow, mentions: readonly string[]): Promise<void> {
  await db.insertInto('comments').values(row).execute();
  if (mentions.length > 0) {
    await db
      .insertInto('comment_mentions')
      .values(mentions.map((userId) => ({ comment_id: row.id, user_id: userId })))
      .execute();
  }
}

/** One live comment of a report, or undefined. */
export async function findComment(db: Executor, reportId: string, id: string): Promise<CommentRecord | undefined> {
  return commentsWithNames(db).where('c.report_id', '=', reportId).where('c.id', '=', id).executeTakeFirst();
}

/** The live comments of a report, oldest first. */
export async function listCommentRows(db: Executor, reportId: string): Promise<CommentRecord[]> {
  return commentsWithNames(db).where('c.report_id', '=', reportId).orderBy('c.created_at').orderBy('c.id').execute();
}

/** Updates some columns of a comment. */
export async function updateCommentRow(db: Executor, id: string, patch: Partial<CommentRow>): Promise<void> {
  await db.updateTable('comments').set(patch).where('id', '=', id).execute();
}

/** The people mentioned in each of the given comments, by comment id. */
export async function mentionsOf(db: Executor, commentIds: readonly string[]): Promise<Map<string, TPersonRef[]>> {
  const out = new Map<string, TPersonRef[]>(commentIds.map((id) => [id, []]));
  if (commentIds.length === 0) return out;
  const rows = await db
    .selectFrom('comment_mentions as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.comment_id', 'm.user_id', 'u.display_name'])
    .where('m.comment_id', 'in', commentIds)
    .orderBy('u.display_name')
    .execute();
  for (const r of rows) out.get(r.comment_id)?.push({ userId: r.user_id, displayName: r.display_name });
  return out;
}

/** Which of the given user ids belong to active users. */
export async function activeUserIds(db: Executor, ids: readonly string[]): Promise<Set<string>> {
  if (ids.length === 0) return new Set();
  const rows = await db.selectFrom('users').select('id').where('id', 'in', ids).where('active', '=', 1).execute();
  return new Set(rows.map((r) => r.id));
}
