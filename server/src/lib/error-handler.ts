import { ERROR_STATUS, type ErrorCode } from '@zhoubao/contracts';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError } from './errors';

const CODE_BY_STATUS: Record<number, ErrorCode> = Object.fromEntries(
  Object.entries(ERROR_STATUS).map(([code, status]) => [status, code as ErrorCode]),
);
CODE_BY_STATUS[400] = 'invalid_input';
CODE_BY_STATUS[403] = 'forbidden';

/** Fastify's own 4xx errors, with a message fit to show (never internal detail). */
const FASTIFY_MESSAGES: Record<string, string> = {
  FST_ERR_CTP_INVALID_JSON_BODY: 'The body is not valid JSON',
  FST_ERR_CTP_EMPTY_JSON_BODY: 'The body is empty but the content type is JSON',
  FST_ERR_CTP_BODY_TOO_LARGE: 'The request body is too large',
  FST_ERR_CTP_INVALID_MEDIA_TYPE: 'Unsupported content type',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'The content length does not match the body',
  FST_REQ_FILE_TOO_LARGE: 'The uploaded file is too large',
  FST_INVALID_MULTIPART_CONTENT_TYPE: 'The request is not multipart',
};

/** A database constraint error, recognised by code on both dialects (the message is never shown). */
function constraintKind(err: unknown): 'unique' | 'foreign_key' | null {
  const code = (err as { code?: unknown }).code;
  if (code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return 'unique';
  if (code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return 'foreign_key';
  return null;
}

function send(reply: FastifyReply, status: number, code: string, message: string, details?: unknown) {
  const body: { error: { code: string; message: string; details?: unknown } } = { error: { code, message } };
  if (details !== undefined) body.error.details = details;
  return reply.code(status).type('application/json; charset=utf-8').send(body);
}

/** The one error handler: every error leaves as the API envelope; 5xx never says why. */
export function errorHandler(err: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (err instanceof AppError) {
    if (err.headers) reply.headers(err.headers);
    return send(reply, err.statusCode, err.code, err.message, err.details);
  }
  if (hasZodFastifySchemaValidationErrors(err)) {
    const details = err.validation.map((v) => ({
      path: [
        err.validationContext,
        ...String(v.instancePath ?? '')
          .split('/')
          .filter(Boolean),
      ]
        .filter(Boolean)
        .join('.'),
      message: v.message ?? 'invalid',
    }));
    return send(reply, 400, 'invalid_input', 'The request does not match the schema', details);
  }
  const kind = constraintKind(err);
  if (kind === 'unique') return send(reply, 409, 'conflict', 'A record with these values already exists');
  if (kind === 'foreign_key') return send(reply, 409, 'conflict', 'A referenced record is missing or still in use');
  const status = err.statusCode ?? 500;
  if (status >= 400 && status < 500 && !isResponseSerializationError(err)) {
    const code = CODE_BY_STATUS[status] ?? 'invalid_input';
    const message = FASTIFY_MESSAGES[err.code] ?? (err.code?.startsWith('FST_') ? err.message : 'Bad request');
    return send(reply, status, code, message);
  }
  request.log.error({ err }, 'request failed');
  return send(reply, 500, 'internal', 'Something went wrong on the server; it has been logged');
}
