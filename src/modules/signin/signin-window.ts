import { eq } from 'drizzle-orm';
import type { DbOrTx } from '../../server/db/client';
import { SIGN_IN_WINDOW, type SignInWindow } from './signin.contract';
import { signInRules } from './signin.table';

export type WindowMinutes = { before: number; after: number; isDefault: boolean };

/**
 * A crowd scans at once: a county's window is kept a few seconds (a change is seen within
 * that on this node; the service that saves it forgets it at once).
 */
const CACHE_MS = 5_000;
const cache = new Map<string, { at: number; value: Promise<WindowMinutes> }>();

/** The county's sign-in window in minutes around an activity (defaults 30 and 30). */
export function windowMinutes(db: DbOrTx, countyId: string): Promise<WindowMinutes> {
  const hit = cache.get(countyId);
  if (hit && Date.now() - hit.at < CACHE_MS) return hit.value;
  const value = db
    .select()
    .from(signInRules)
    .where(eq(signInRules.countyId, countyId))
    .then(([r]) => ({
      before: r?.opensBeforeMinutes ?? SIGN_IN_WINDOW.opensBeforeDefault,
      after: r?.closesAfterMinutes ?? SIGN_IN_WINDOW.closesAfterDefault,
      isDefault: r?.opensBeforeMinutes == null && r?.closesAfterMinutes == null,
    }));
  if (cache.size > 1000) cache.clear();
  cache.set(countyId, { at: Date.now(), value });
  value.catch(() => cache.delete(countyId));
  return value;
}

export const forgetWindow = (countyId: string) => cache.delete(countyId);

/** When residents may sign in to an activity, and where `now` is against it. */
export function windowOf(
  a: { startsAt: Date; endsAt: Date },
  m: { before: number; after: number },
  nowMs = Date.now(),
): SignInWindow {
  const opens = a.startsAt.getTime() - m.before * 60_000;
  const closes = a.endsAt.getTime() + m.after * 60_000;
  return {
    opensAt: new Date(opens).toISOString(),
    closesAt: new Date(closes).toISOString(),
    state: nowMs < opens ? 'early' : nowMs > closes ? 'late' : 'open',
  };
}
