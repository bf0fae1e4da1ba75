import type { DbOrTx } from '../../server/db/client';
import type { Actor } from '../../shared/actor';
import { forbidden } from '../../shared/app-error';
import { auditChange, diffFields } from '../../server/audit';
import { loadCounty as loadCountyNode } from '../../server/tree-scope';
import type { Ctx } from '../../server/types';
import type { SignInRules, SignInRulesUpdate } from './signin.contract';
import { canEditSignInRules, canReadSignInRules } from './signin.policy';
import { signInRules } from './signin.table';
import { forgetWindow, windowMinutes } from './signin-window';

const loadCounty = (db: DbOrTx, actor: Actor, countyId: string) =>
  loadCountyNode(db, actor, countyId, canReadSignInRules);

/** The county's sign-in window (minutes before the start, after the end) and whether the actor may change it. */
export async function getSignInRules({
  db,
  actor,
  countyId,
}: {
  db: DbOrTx;
  actor: Actor;
  countyId: string;
}): Promise<SignInRules> {
  const node = await loadCounty(db, actor, countyId);
  forgetWindow(countyId);
  const m = await windowMinutes(db, countyId);
  return {
    countyId,
    countyName: node.name,
    opensBeforeMinutes: m.before,
    closesAfterMinutes: m.after,
    isDefault: m.isDefault,
    canEdit: canEditSignInRules(actor, node),
  };
}

/** A county admin sets the window; audited with the change. */
export async function setSignInRules({
  db,
  actor,
  countyId,
  input,
}: Ctx & { countyId: string; input: SignInRulesUpdate }): Promise<SignInRules> {
  await db.transaction(async (tx) => {
    const node = await loadCounty(tx, actor, countyId);
    if (!canEditSignInRules(actor, node)) throw forbidden();
    const before = await getSignInRules({ db: tx, actor, countyId });
    const set = { ...input, updatedAt: new Date() };
    await tx
      .insert(signInRules)
      .values({ countyId, ...set })
      .onConflictDoUpdate({ target: signInRules.countyId, set });
    await auditChange(tx, actor, { id: node.id, path: node.path }, 'sign_in_rules.update', ['node', countyId], {
      node: node.name,
      ...diffFields(before, input),
    });
  });
  forgetWindow(countyId);
  return getSignInRules({ db, actor, countyId });
}
