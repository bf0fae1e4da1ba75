import { z } from 'zod';
import { LIMITS } from './limits';
import { isValidPhone, normalizePhone } from './phone';
import { cleanFileName, hasForbiddenChars, stripInvisible } from './text';

/**
 * Free text as a person types it: invisible characters dropped, trimmed, and no control or
 * text-direction characters (U+202E could show “txt.exe” as “exe.txt” in a list or an export).
 * One line folds tabs and line breaks into spaces; `multiline` keeps \n and \t (CR LF → LF).
 */
export const zCleanText = (opts: { multiline?: boolean } = {}) =>
  z
    .string()
    .overwrite((v) => (opts.multiline ? stripInvisible(v) : stripInvisible(v).replace(/[\t\n]+/g, ' ')))
    .trim()
    .refine((v) => !hasForbiddenChars(v, opts.multiline), { error: 'msg:control_chars' });

/** A trimmed, required one-line text of at most `max` characters. */
export const zText = (max: number) => zCleanText().min(1, { error: 'msg:required' }).max(max);
/** Optional one-line text: blank becomes null. */
export const zOptText = (max: number) =>
  zCleanText()
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));
/** Required text of several lines (notes, reasons, descriptions). */
export const zLongText = (max: number) => zCleanText({ multiline: true }).min(1, { error: 'msg:required' }).max(max);
/** Optional text of several lines: blank becomes null. */
export const zOptLongText = (max: number) =>
  zCleanText({ multiline: true })
    .max(max)
    .nullish()
    .transform((v) => (v ? v : null));
/** Text of several lines where blank stays an empty string (bodies of articles, descriptions). */
export const zBodyText = (max: number) => zCleanText({ multiline: true }).max(max).default('');
/** A search box: optional, one line, cleaned like any text. */
export const zSearch = (max: number) => zCleanText().max(max).optional();
/** A key or code (theme, tag): one line, cleaned; its own pattern is checked where it is used. */
export const zKey = (max: number) => zCleanText().max(max);
/** A phone number as typed: normalised, then checked. */
export const zPhone = z
  .string()
  .transform((v) => normalizePhone(v))
  .refine(isValidPhone, { error: 'msg:phone' });
/** Optional phone, normalised; blank becomes null. */
export const zOptPhone = z
  .string()
  .nullish()
  .transform((v) => (v ? normalizePhone(v) : null))
  .refine((v) => v === null || isValidPhone(v), { error: 'msg:phone' });
export const zId = z.uuid();
/** Ids picked in a form (teachers, units, files…): at most `max`, none by default. */
export const zIds = (max: number) => z.array(zId).max(max).default([]);
/** A yes/no filter of a query string: 'true' or 'false', or left out. */
export const zFlag = z.enum(['true', 'false']).optional();
/** Optional: left out, undefined or null, it becomes null. */
export const orNull = <T extends z.ZodType>(schema: T) => schema.nullish().transform((v) => v ?? null);
/** A calendar date, 2026-12-07. */
export const zDate = z.iso.date().describe('YYYY-MM-DD');
/** A year the system keeps, from a path or a query string (so coerced from text). */
export const zYear = z.coerce.number().int().min(LIMITS.yearMin).max(LIMITS.yearMax);
/** A password as typed (to sign in, or the current one): required, never trimmed, at most LIMITS.passwordMax. */
export const zPassword = z.string().min(1, { error: 'msg:required' }).max(LIMITS.passwordMax);
/** A password being set: the same field; its rules (shared/password-rules.ts) are checked on the server as it is set. */
export const zNewPassword = zPassword.describe('At least 8 characters, not a common password');
/** An uploaded file's original name: cleaned (no folders, controls or direction characters), never refused for them. */
export const zFileName = (max: number) =>
  z
    .string()
    .overwrite((v) => cleanFileName(v, max))
    .min(1, { error: 'msg:required' })
    .max(max);

/** The answer of a change that has nothing else to say. */
export const ZOk = z.object({ ok: z.literal(true) });
/** The answer of a creation: the new thing's id. */
export const ZCreated = z.object({ id: z.string() });
/** `:id` in a path. */
export const ZIdParams = z.object({ id: zId });
/** `:countyId` in a path: the county whose rules or lists are meant. */
export const ZCountyParams = z.object({ countyId: zId });
/** `:residentId` in a path. */
export const ZResidentIdParams = z.object({ residentId: zId });
/** `:activityId` in a path. */
export const ZActivityIdParams = z.object({ activityId: zId });
/** Another thing named in an answer: its id and name (a centre, a unit, a teacher…). */
export const ZNamedRef = z.object({ id: z.string(), name: z.string() });
