import { z } from 'zod';
import { ZId, ZLocale, ZRole } from './common';

export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 200;
export const ZPassword = z.string().min(PASSWORD_MIN).max(PASSWORD_MAX);

export const ZUser = z.object({
  id: ZId,
  username: z.string(),
  displayName: z.string(),
  departmentId: ZId.nullable(),
  title: z.string().nullable(),
  email: z.string().nullable(),
  roles: z.array(ZRole),
  supervises: z.array(ZId),
  active: z.boolean(),
  sortOrder: z.number().int(),
  locale: ZLocale.nullable(),
  hasPassword: z.boolean(),
  createdAt: z.string(),
});
export type TUser = z.infer<typeof ZUser>;

export const ZLoginRequest = z.object({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(PASSWORD_MAX),
});
export type TLoginRequest = z.infer<typeof ZLoginRequest>;

export const ZSessionResponse = z.object({ user: ZUser, csrfToken: z.string() });
export type TSessionResponse = z.infer<typeof ZSessionResponse>;

export const ZChangePasswordRequest = z.object({
  currentPassword: z.string().min(1).max(PASSWORD_MAX),
  newPassword: ZPassword,
});
export type TChangePasswordRequest = z.infer<typeof ZChangePasswordRequest>;

export const ZUpdateMeRequest = z.object({ locale: ZLocale.nullable().optional() });
export type TUpdateMeRequest = z.infer<typeof ZUpdateMeRequest>;

export const ZCreateApiTokenRequest = z.object({ name: z.string().trim().min(1).max(100) });
export type TCreateApiTokenRequest = z.infer<typeof ZCreateApiTokenRequest>;

export const ZApiToken = z.object({
  id: ZId,
  name: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});
export type TApiToken = z.infer<typeof ZApiToken>;

export const ZCreatedApiToken = z.object({ id: ZId, name: z.string(), token: z.string() });
export type TCreatedApiToken = z.infer<typeof ZCreatedApiToken>;

/** First-run set-up: creates the first admin when the database has no user. */
export const ZSetupStatus = z.object({ needsSetup: z.boolean() });
export type TSetupStatus = z.infer<typeof ZSetupStatus>;

export const ZSetupRequest = z.object({
  orgName: z.string().trim().min(1).max(100).optional(),
  username: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .regex(/^[A-Za-z0-9._@-]+$/, 'letters, digits and . _ @ - only'),
  displayName: z.string().trim().min(1).max(64),
  password: ZPassword,
});
export type TSetupRequest = z.infer<typeof ZSetupRequest>;

export const ZHealth = z.object({
  status: z.literal('ok'),
  database: z.enum(['sqlite', 'postgres']),
  version: z.string(),
});
