import type { DbOrTx } from '../../server/db/client';

/**
 * The detail of an activity shows how many have signed in. Sign-in sits above activities, so
 * activities cannot ask it: sign-in provides the count instead, from its index.ts
 * (`provideSignInCounts(countSignIns)`), which src/server/modules.ts loads before anything runs.
 */
export type SignInCounter = (db: DbOrTx, activityId: string) => Promise<{ confirmed: number; pending: number }>;

let counter: SignInCounter | null = null;

export function provideSignInCounts(fn: SignInCounter): void {
  counter = fn;
}

export const signInCounts: SignInCounter = (db, activityId) => {
  if (!counter) throw new Error('No sign-in counter: src/server/modules.ts must load signin/index.ts');
  return counter(db, activityId);
};
