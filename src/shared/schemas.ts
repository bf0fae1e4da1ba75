import { z } from 'zod';
import { isValidPhone, normalizePhone } from './phone';

/** A trimmed, required text of at most `max` characters. */
export const zText = (max: number) => z.string().trim().min(1, { error: 'msg:required' }).max(max);
/** Optional text: blank becomes null. */
export const zOptText = (max: number) =>
  z.string().trim().max(max).nullish().transform((v) => (v ? v : null));
/** Optional phone, normalised; blank becomes null. */
export const zOptPhone = z
  .string()
  .nullish()
  .transform((v) => (v ? normalizePhone(v) : null))
  .refine((v) => v === null || isValidPhone(v), { error: 'msg:phone' });
export const zId = z.uuid();
