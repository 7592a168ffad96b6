import { z } from 'zod';

/** Opaque identifier. */
export const ZId = z.string().min(1).max(64);

/** A trimmed, non-empty single-line name. */
export const zName = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine((s) => ![...s].some((c) => c.charCodeAt(0) < 32 || c.charCodeAt(0) === 127), {
      message: 'must not contain control characters',
    });

export const ZIdParams = z.object({ id: ZId });

export const ROLES = ['member', 'head', 'leader', 'assessor', 'admin', 'auditor'] as const;
export const ZRole = z.enum(ROLES);
export type TRole = z.infer<typeof ZRole>;

export const LOCALES = ['zh-CN', 'en'] as const;
export const ZLocale = z.enum(LOCALES);
export type TLocale = z.infer<typeof ZLocale>;

/** Wraps an item schema in the list envelope `{items}`. */
export const zList = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });

/** Wraps an item schema in the cursor list envelope `{items, nextCursor}`. */
export const zPage = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), nextCursor: z.string().nullable() });
