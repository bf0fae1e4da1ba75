import { z } from 'zod';
import { LIMITS } from './limits';

export const ZPageQuery = z.object({
  page: z.coerce.number().int().min(1).default(1).describe('1-based page number'),
  pageSize: z.coerce.number().int().min(1).max(LIMITS.pageSizeMax).default(20),
});
export type PageQuery = z.infer<typeof ZPageQuery>;

/** A page of a server-side list. */
export const zPage = <T extends z.ZodType>(item: T) =>
  z.object({ items: z.array(item), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() });
export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

/** A whole list, not paged (a short one: an activity's registrations, roster hits). */
export const zList = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
