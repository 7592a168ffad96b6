import {
  EVALUATION_LIMITS,
  type TComment,
  type TCreateCommentRequest,
  type TPersonRef,
  type TUpdateCommentRequest,
} from '@zhoubao/contracts';
import type { AppContext } from '../../context';
import type { Executor } from '../../db/database';
import { type Actor, authorize } from '../../lib/actor';
import { invalidInput, notFound } from '../../lib/errors';
import { newId } from '../../lib/ids';
import { auditBy } from '../audit/audit.service';
import { loadTree } from '../departments/departments.repository';
import { indexComment } from '../search/search.indexer';
import * as repo from './comments.repository';
import { canEditComment, commentKindFor } from './evaluation.policy';
import { readableReport, submittedReport } from './evaluation.service';

/** A comment as it leaves the server: whitelisted fields, never the row as is. */
function presentComment(row: repo.CommentRecord, mentions: TPersonRef[]): TComment {
  return {
    id: row.id,
    authorId: row.author_id,
    authorName: row.author_name,
    body: row.body,
    kind: row.kind as TComment['kind'],
    mentions,
    createdAt: row.created_at,
    editedAt: row.edited_at,
  };
}

async function presentOne(db: Executor, reportId: string, id: string): Promise<TComment> {
  const row = (await repo.findComment(db, reportId, id)) as repo.CommentRecord;
  return presentComment(row, (await repo.mentionsOf(db, [id])).get(id) ?? []);
}

/** The live comments of a report, for whoever may read the report. */
export async function listComments(ctx: AppContext, actor: Actor, reportId: string): Promise<TComment[]> {
  await readableReport(ctx.db, actor, reportId);
  const rows = await repo.listCommentRows(ctx.db, reportId);
  const mentions = await repo.mentionsOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => presentComment(r, mentions.get(r.id) ?? []));
}

/** The mentioned users, once each; 400 unless every one is an active user. */
async function validMentions(db: Executor, mentions: readonly string[] | undefined): Promise<string[]> {
  const unique = [...new Set(mentions ?? [])];
  const active = await repo.activeUserIds(db, unique);
  const unknown = unique.filter((id) => !active.has(id));
  if (unknown.length > 0) {
    throw invalidInput('Mentions must name active users', [{ path: 'body.mentions', message: `unknown: ${unknown.join(', ')}` }]);
  }
  return unique;
}

/**
 * Comments on a submitted report: `feedback` when the author oversees the report's owner, else
 * `comment`. Audited, then `comment.created` tells the owner and the people mentioned.
 */
export async function createComment(
  ctx: AppContext,
  actor: Actor,
  reportId: string,
  input: TCreateCommentRequest,
  now = new Date(),
): Promise<TComment> {
  const at = now.toISOString();
  const report = await submittedReport(ctx.db, actor, reportId);
  const kind = commentKindFor(actor, { userId: report.user_id, departmentId: report.department_id }, await loadTree(ctx.db));
  const id = newId(now.getTime());
  const mentions = await ctx.db.transaction().execute(async (trx) => {
    const valid = await validMentions(trx, input.mentions);
    const row = {
      id,
      report_id: reportId,
      author_id: actor.id,
      body: input.body,
      kind,
      created_at: at,
      edited_at: null,
      deleted_at: null,
    };
    await repo.insertComment(trx, row, valid);
    await indexComment(trx, id);
    await auditBy(trx, actor, 'comment.created', {
      targetType: 'comment',
      targetId: id,
      data: { reportId, kind, mentions: valid },
    });
    return valid;
  });
  ctx.events.emit('comment.created', {
    commentId: id,
    reportId,
    reportOwnerId: report.user_id,
    week: report.week,
    authorId: actor.id,
    authorName: actor.displayName,
    kind,
    excerpt: input.body.slice(0, EVALUATION_LIMITS.excerpt),
    mentions,
    at,
  });
  return presentOne(ctx.db, reportId, id);
}

/** A live comment of a readable report that the actor wrote; 404 when missing, 403 when not theirs. */
async function ownComment(db: Executor, actor: Actor, reportId: string, commentId: string): Promise<repo.CommentRecord> {
  await readableReport(db, actor, reportId);
  const comment = await repo.findComment(db, reportId, commentId);
  if (!comment) throw notFound('Comment');
  authorize(canEditComment(actor, { authorId: comment.author_id }), 'Only its author edits or deletes a comment');
  return comment;
}

/** Edits one's own comment; the earlier text is kept in the audit log. */
export async function updateComment(
  ctx: AppContext,
  actor: Actor,
  reportId: string,
  commentId: string,
  input: TUpdateCommentRequest,
  now = new Date(),
): Promise<TComment> {
  await ctx.db.transaction().execute(async (trx) => {
    const comment = await ownComment(trx, actor, reportId, commentId);
    if (comment.body === input.body) return;
    await repo.updateCommentRow(trx, commentId, { body: input.body, edited_at: now.toISOString() });
    await indexComment(trx, commentId);
    await auditBy(trx, actor, 'comment.edited', {
      targetType: 'comment',
      targetId: commentId,
      data: { reportId, before: comment.body },
    });
  });
  return presentOne(ctx.db, reportId, commentId);
}

/** Deletes one's own comment (soft): it leaves every list; its text stays in the audit log. */
export async function deleteComment(ctx: AppContext, actor: Actor, reportId: string, commentId: string, now = new Date()) {
  await ctx.db.transaction().execute(async (trx) => {
    const comment = await ownComment(trx, actor, reportId, commentId);
    await repo.updateCommentRow(trx, commentId, { deleted_at: now.toISOString() });
    await indexComment(trx, commentId);
    // The comment's own text only: restricted report text never goes into audit data.
    await auditBy(trx, actor, 'comment.deleted', {
      targetType: 'comment',
      targetId: commentId,
      data: { reportId, kind: comment.kind, body: comment.body },
    });
  });
}
