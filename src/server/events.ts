import type { DbOrTx } from './db/client';

/**
 * Domain events: how a lower module lets a higher one act inside its transaction without
 * importing it (activities → "an activity is done" → sign-in pays the credits it owes).
 * A module that listens registers in its `index.ts`; `src/server/modules.ts` imports every
 * module's index, so every listener is registered before the app runs anything (a test that
 * calls a service without the app imports the listening module's index itself).
 * Listeners run in registration order inside the emitter's transaction: a failure rolls back
 * the whole change.
 */
export class DomainEvent<E> {
  private readonly listeners: ((tx: DbOrTx, e: E) => Promise<void>)[] = [];
  constructor(readonly name: string) {}

  listen(fn: (tx: DbOrTx, e: E) => Promise<void>): void {
    if (!this.listeners.includes(fn)) this.listeners.push(fn);
  }

  async emit(tx: DbOrTx, e: E): Promise<void> {
    for (const fn of this.listeners) await fn(tx, e);
  }
}

/** An activity has been marked done (activities emits; sign-in pays credits that wait for it). */
export const activityDone = new DomainEvent<{ activityId: string; actorId: string | null }>('activity-done');
