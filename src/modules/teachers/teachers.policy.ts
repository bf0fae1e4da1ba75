import { holdsRoleOver, type Actor } from '../../shared/actor';
import { ADMIN_ROLES, ROLES, TEACHER_BANK_ROLES, type Role } from '../../shared/roles';

// The role lists of the module live here, beside the rules that use them; this file imports
// only src/shared, so the app shell (menu, router) and the contract read it without zod.

/** Roles that may open the teacher bank at all (the bank read rule still decides per bank). */
export const TEACHER_READER_ROLES: readonly Role[] = [...TEACHER_BANK_ROLES, 'dept_coordinator', 'inspector', 'leader'];
/** Roles that see the staffing-norm page (each for the centres in their reach). */
export const STAFFING_READER_ROLES: readonly Role[] = [...TEACHER_BANK_ROLES, 'inspector', 'leader'];
/** Who sets a county's staffing norm. */
export const NORM_ROLES: readonly Role[] = ['system_admin', 'county_admin'];

type BankRef = { path: string };

/** Path prefixes of every node at or above the actor's scopes (the banks they live under). */
export function ancestorPaths(actor: Actor): string[] {
  const out = new Set<string>();
  for (const s of actor.scopes) {
    const parts = s.path.split('/').filter(Boolean);
    for (let i = 1; i <= parts.length; i++) out.add(`/${parts.slice(0, i).join('/')}/`);
  }
  return [...out];
}

/**
 * A bank is read by anyone with a role over its node, and by everyone living under it:
 * a centre manager picks teachers from their town's bank.
 */
export const canReadBank = (actor: Actor, bank: BankRef) =>
  holdsRoleOver(actor, ROLES, bank.path) || actor.scopes.some((s) => s.path.startsWith(bank.path));

/** Town banks are kept by admins; a centre's bank also by its centre manager. */
export const canKeepBank = (actor: Actor, bank: BankRef) => holdsRoleOver(actor, TEACHER_BANK_ROLES, bank.path);

/** Linking an account to a teacher is an admin's act, over the bank and over the account's home node. */
export const canLinkUser = (actor: Actor, bank: BankRef, userHome: BankRef | null) =>
  holdsRoleOver(actor, ADMIN_ROLES, bank.path) &&
  (userHome === null || holdsRoleOver(actor, ADMIN_ROLES, userHome.path));

/** Full phone numbers for those who keep the bank, and for bank keepers under it (who pick teachers from it). */
export const canSeePhone = (actor: Actor, bank: BankRef) =>
  canKeepBank(actor, bank) ||
  actor.scopes.some((s) => TEACHER_BANK_ROLES.includes(s.role) && s.path.startsWith(bank.path));

/** Hours are reviewed by the centre manager or an admin over the centre where they were served. */
export const canReviewHours = (actor: Actor, place: BankRef) => holdsRoleOver(actor, TEACHER_BANK_ROLES, place.path);

/** A county's staffing norm is set by its county admins. */
export const canSetNorm = (actor: Actor, county: BankRef) => holdsRoleOver(actor, NORM_ROLES, county.path);

/** Words of a refused teaching fee. */
export type FeeRefusal = { zh: string; en: string };

/**
 * The bank's fee rule: volunteers and government or community staff are never paid a teaching
 * fee. Null when the rule allows one; else why not (the bank's form and the funding module say it).
 */
export function feeRefusal(t: { category: string; isGovernmentStaff: boolean }): FeeRefusal | null {
  if (t.category === 'volunteer') return { zh: '志愿者不能领取授课费', en: 'Volunteers are never paid a teaching fee' };
  if (t.isGovernmentStaff)
    return {
      zh: '政府或社区工作人员不能领取授课费',
      en: 'Government or community staff are never paid a teaching fee',
    };
  return null;
}

/** Whether a teaching fee may be paid to this bank entry: the fee rule, and the bank's own “fee may be paid”. */
export function teachingFeeRefusal(t: {
  category: string;
  isGovernmentStaff: boolean;
  feeEligible: boolean;
}): FeeRefusal | null {
  return (
    feeRefusal(t) ??
    (t.feeEligible
      ? null
      : {
          zh: '该教师在师资库中未标为“可支付授课费”',
          en: 'This teacher is not marked “fee may be paid” in the teacher bank',
        })
  );
}
