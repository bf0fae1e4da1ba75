/**
 * Credits' public surface. Credits sits low (below teachers, courses, activities, signin):
 * callers gather the facts of an earning, credits reads only its own tables (and the
 * county's themes). The resident's own pages (portal) read their account through here too.
 */
export {
  attendancePreview,
  earnedBySignIn,
  payAttendance,
  payAttendances,
  reverseAttendance,
  payVolunteerHours,
  type AttendanceFacts,
  type PayOptions,
} from './credit-grants';
export { round1 } from './credit-ledger';
export { awardPaid, earnedInYear, payAward } from './credit-awards';
export { themesOf } from './credit-rules';
export { keptResident, loadResident, pageOfEntries, totalsOf, type ResidentRow } from './credit-accounts.service';
export { myRedemptions, redeemForSelf } from './redemption.service';
export { rewardsFor } from './rewards.service';

// Its routes, registered by src/server/modules.ts.
export { creditRoutes } from './credits.routes';
