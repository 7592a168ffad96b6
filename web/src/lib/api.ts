/**
 * The HTTP client of the web app: JSON over `/api/v1`, same-origin cookies, the CSRF token kept in
 * memory and sent on every state-changing request, and every non-2xx response turned into an ApiError.
 */

export const API_BASE = '/api/v1';

/** One offending field of an `invalid_input` error, as the server reports it. */
export interface FieldIssue {
  path: string;
  message: string;
  line?: number;
}

/** A failed API call: the HTTP status plus the stable error code of the envelope. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  /** Seconds from the `Retry-After` header of a 429, when present. */
  readonly retryAfter: number | null;

  constructor(status: number, code: string, message: string, details?: unknown, retryAfter?: number | null) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.details = details;
    this.retryAfter = retryAfter ?? null;
  }

  /** The field issues of an `invalid_input` error (empty for every other error). */
  get fieldIssues(): FieldIssue[] {
    if (!Array.isArray(this.details)) return [];
    return this.details.filter(
      (d): d is FieldIssue => typeof d === 'object' && d !== null && typeof d.path === 'string' && typeof d.message === 'string',
    );
  }
}

export const isApiError = (e: unknown): e is ApiError => e instanceof ApiError;

// The CSRF token lives in memory only: a page reload fetches it again through GET /me.
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

const CODE_BY_STATUS: Record<number, string> = {
  400: 'invalid_input',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  409: 'conflict',
  413: 'too_large',
  415: 'unsupported_media_type',
  429: 'rate_limited',
  503: 'unavailable',
};

type Query = Record<string, string | number | boolean | null | undefined>;

export interface RequestOptions {
  query?: Query;
  /** A plain object is sent as JSON; a string or Blob with `contentType`; FormData as multipart. */
  body?: unknown;
  contentType?: string;
  signal?: AbortSignal;
}

function buildUrl(path: string, query?: Query): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const qs = params.toString();
  return `${API_BASE}${path}${qs ? `?${qs}` : ''}`;
}

function encodeBody(options: RequestOptions, headers: Headers): BodyInit | undefined {
  const { body, contentType } = options;
  if (body === undefined) return undefined;
  if (body instanceof FormData) return body; // the browser sets the multipart boundary
  if (typeof body === 'string' || body instanceof Blob) {
    headers.set('Content-Type', contentType ?? 'text/plain; charset=utf-8');
    return body;
  }
  headers.set('Content-Type', 'application/json; charset=utf-8');
  return JSON.stringify(body);
}

function parseRetryAfter(value: string | null): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, Math.round((at - Date.now()) / 1000));
}

async function toApiError(res: Response): Promise<ApiError> {
  const retryAfter = parseRetryAfter(res.headers.get('Retry-After'));
  const fallbackCode = CODE_BY_STATUS[res.status] ?? 'internal';
  try {
    const data: unknown = await res.json();
    const error = (data as { error?: { code?: unknown; message?: unknown; details?: unknown } }).error;
    if (error && typeof error.code === 'string') {
      const message = typeof error.message === 'string' ? error.message : error.code;
      // The server also puts the wait into the details of a 429, in case a proxy strips the header.
      const detailWait = (error.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
      const wait = retryAfter ?? (typeof detailWait === 'number' ? detailWait : null);
      return new ApiError(res.status, error.code, message, error.details, wait);
    }
  } catch {
    // Not a JSON envelope (a proxy error page, for example): fall back to the status code.
  }
  return new ApiError(res.status, fallbackCode, res.statusText || fallbackCode, undefined, retryAfter);
}

/** Sends one request to the API and returns the parsed JSON body (undefined for 204). */
export async function request<T>(method: string, path: string, options: RequestOptions = {}): Promise<T> {
  const headers = new Headers({ Accept: 'application/json' });
  const body = encodeBody(options, headers);
  if (UNSAFE_METHODS.has(method) && csrfToken) headers.set('X-CSRF-Token', csrfToken);

  let res: Response;
  try {
    res = await fetch(buildUrl(path, options.query), {
      method,
      headers,
      body,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (e) {
    if (e instanceof DOMException && e.name === 'AbortError') throw e;
    throw new ApiError(0, 'network', e instanceof Error ? e.message : 'network error');
  }

  if (!res.ok) throw await toApiError(res);
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  if (!text) return undefined as T;
  const data = JSON.parse(text) as T;
  // Login, set-up and GET/PATCH /me hand out the session's CSRF token: remember the latest one.
  const token = (data as { csrfToken?: unknown } | null)?.csrfToken;
  if (typeof token === 'string') csrfToken = token;
  return data;
}

export const api = {
  get: <T>(path: string, query?: Query, signal?: AbortSignal) => request<T>('GET', path, { query, signal }),
  post: <T>(path: string, body?: unknown) => request<T>('POST', path, { body }),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, { body }),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, { body }),
  delete: <T = void>(path: string) => request<T>('DELETE', path),
};

/** The list envelopes of the API. */
export interface ListResponse<T> {
  items: T[];
}
export interface PageResponse<T> {
  items: T[];
  nextCursor: string | null;
}
