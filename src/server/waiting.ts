import type { Ctx } from './types';

/**
 * What is waiting for a user (the workbench's 待办): each module that holds work someone must do
 * registers a provider in its `index.ts` under a key the web knows how to label (courses to
 * review, volunteer hours to approve, monthly reports due or returned…). A provider answers for
 * the actor's reach only, and with null (or a count of 0) when nothing waits or the role has no
 * part in it. The workbench asks every provider; no module imports the workbench.
 */
export type WaitingItem = {
  /** Stable key, labelled by the web (`workbench.messages`), e.g. `courses.review`. */
  key: string;
  count: number;
  /** Where the user does the work (a web path with its query). */
  path: string;
  /** The nearest deadline, if the work has one (yyyy-mm-dd, China time). */
  due?: string | null;
};

export type WaitingProvider = (ctx: Ctx) => Promise<WaitingItem | WaitingItem[] | null>;

const providers = new Map<string, WaitingProvider>();

/** Register (once per name; registering again replaces it, so a reloaded module does not double). */
export function registerWaiting(name: string, provider: WaitingProvider): void {
  providers.set(name, provider);
}

/** Everything waiting for the actor, in registration order, without the empty ones. */
export async function collectWaiting(ctx: Ctx): Promise<WaitingItem[]> {
  const out: WaitingItem[] = [];
  for (const provider of providers.values()) {
    const got = await provider(ctx);
    for (const item of got === null ? [] : Array.isArray(got) ? got : [got]) {
      if (item.count > 0) out.push(item);
    }
  }
  return out;
}
