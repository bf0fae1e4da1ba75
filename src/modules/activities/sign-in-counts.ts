import type { DbOrTx } from '../../server/db/client';
import { countSignIns } from './borrowed';

/**
 * The detail of an activity shows how many have signed in. Sign-in sits above activities, so
 * activities cannot ask it: sign-in provides the count instead, from its index.ts
 * (`provideSignInCounts(countSignIns)`), which src/server/modules.ts loads before anything runs.
 */
export type SignInCounter = (db: DbOrTx, activityId: string) => Promise<{ confirmed: number; pending: number }>;

// Until signin's index.ts provides it, the count is read here (borrowed.ts).
let counter: SignInCounter = countSignIns;

export function provideSignInCounts(fn: SignInCounter): void {
  counter = fn;
}

export const signInCounts: SignInCounter = (db, activityId) => counter(db, activityId);
