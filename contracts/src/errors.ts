import { z } from 'zod';

/** Stable error codes of the API and the HTTP status each one maps to. */
export const ERROR_STATUS = {
  invalid_input: 400,
  unauthenticated: 401,
  csrf_failed: 403,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  too_large: 413,
  unsupported_media_type: 415,
  rate_limited: 429,
  internal: 500,
  unavailable: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export const ZFieldIssue = z.object({
  path: z.string(),
  message: z.string(),
  line: z.number().int().optional(),
  /** A stable snake_case domain code (`report_empty`, `duplicate_username`) the web translates. */
  code: z.string().optional(),
});
export type TFieldIssue = z.infer<typeof ZFieldIssue>;

export const ZErrorResponse = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});
export type TErrorResponse = z.infer<typeof ZErrorResponse>;
