import { z } from 'zod';
import { ZPassword } from './auth';
import { ZId, ZLocale, ZRole, zName } from './common';

export const ZDepartment = z.object({
  id: ZId,
  name: z.string(),
  parentId: ZId.nullable(),
  sortOrder: z.number().int(),
});
export type TDepartment = z.infer<typeof ZDepartment>;

export const ZCreateDepartmentRequest = z.object({
  name: zName(100),
  parentId: ZId.nullable().optional(),
  sortOrder: z.number().int().min(0).max(1_000_000).optional(),
});
export type TCreateDepartmentRequest = z.infer<typeof ZCreateDepartmentRequest>;

export const ZUpdateDepartmentRequest = z
  .object({
    name: zName(100).optional(),
    parentId: ZId.nullable().optional(),
    sortOrder: z.number().int().min(0).max(1_000_000).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'nothing to change' });
export type TUpdateDepartmentRequest = z.infer<typeof ZUpdateDepartmentRequest>;

export const USERNAME_PATTERN = /^[A-Za-z0-9._@-]+$/;
export const ZUsername = z.string().trim().min(1).max(64).regex(USERNAME_PATTERN, 'letters, digits and . _ @ - only');

const ZEmail = z.string().trim().max(254).email();

export const ZCreateUserRequest = z.object({
  username: ZUsername,
  displayName: zName(64),
  password: ZPassword,
  departmentId: ZId,
  title: z.string().trim().max(64).nullable().optional(),
  email: ZEmail.nullable().optional(),
  roles: z.array(ZRole).max(6).optional(),
  supervises: z.array(ZId).max(500).optional(),
  sortOrder: z.number().int().min(0).max(1_000_000).optional(),
});
export type TCreateUserRequest = z.infer<typeof ZCreateUserRequest>;

export const ZUpdateUserRequest = z
  .object({
    username: ZUsername.optional(),
    displayName: zName(64).optional(),
    password: ZPassword.optional(),
    departmentId: ZId.optional(),
    title: z.string().trim().max(64).nullable().optional(),
    email: ZEmail.nullable().optional(),
    roles: z.array(ZRole).max(6).optional(),
    supervises: z.array(ZId).max(500).optional(),
    sortOrder: z.number().int().min(0).max(1_000_000).optional(),
    active: z.boolean().optional(),
    locale: ZLocale.nullable().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'nothing to change' });
export type TUpdateUserRequest = z.infer<typeof ZUpdateUserRequest>;

export const ZListUsersQuery = z.object({
  departmentId: ZId.optional(),
  /** Also list the users of every department below `departmentId`. */
  includeSubdepartments: z.enum(['true', 'false']).optional(),
  q: z.string().trim().max(100).optional(),
  /** Admins only: also list disabled users. */
  includeInactive: z.enum(['true', 'false']).optional(),
  cursor: z.string().max(50).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
});
export type TListUsersQuery = z.infer<typeof ZListUsersQuery>;

export const ZImportError = z.object({ line: z.number().int(), message: z.string() });
export const ZImportResult = z.object({
  created: z.number().int(),
  updated: z.number().int(),
  errors: z.array(ZImportError),
});
export type TImportResult = z.infer<typeof ZImportResult>;

/** The columns of a user import file, in their documented order. */
export const IMPORT_COLUMNS = ['username', 'displayName', 'department', 'title', 'email', 'roles'] as const;

export const ZAuditEntry = z.object({
  id: ZId,
  at: z.string(),
  actorId: ZId.nullable(),
  actorName: z.string().nullable(),
  action: z.string(),
  targetType: z.string().nullable(),
  targetId: z.string().nullable(),
  ip: z.string().nullable(),
  data: z.record(z.string(), z.unknown()).nullable(),
});
export type TAuditEntry = z.infer<typeof ZAuditEntry>;

export const ZAuditQuery = z.object({
  from: z.string().datetime({ offset: true }).optional(),
  to: z.string().datetime({ offset: true }).optional(),
  actorId: ZId.optional(),
  action: z.string().max(64).optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
});
export type TAuditQuery = z.infer<typeof ZAuditQuery>;
