import { z } from 'zod';
import { ZLocale } from './common';

export const ZDeadline = z.object({
  weekday: z.number().int().min(1).max(7),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'HH:mm'),
});

export const ZSettings = z.object({
  orgName: z.string(),
  timezone: z.string(),
  deadline: ZDeadline,
  categories: z.array(z.string()),
  locale: ZLocale,
  /** Whether authors see who rated their reports (`raters`) or only the average. */
  ratingsVisibility: z.enum(['average', 'raters']),
});
export type TSettings = z.infer<typeof ZSettings>;

/** Returns true when `tz` is an IANA time zone this runtime knows. */
export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

export const ZUpdateSettingsRequest = z
  .object({
    orgName: z.string().trim().min(1).max(100).optional(),
    timezone: z.string().max(64).refine(isValidTimeZone, 'unknown time zone').optional(),
    deadline: ZDeadline.optional(),
    categories: z.array(z.string().trim().min(1).max(32)).max(50).optional(),
    locale: ZLocale.optional(),
    ratingsVisibility: z.enum(['average', 'raters']).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'nothing to change' });
export type TUpdateSettingsRequest = z.infer<typeof ZUpdateSettingsRequest>;
