/**
 * Credits' public surface: what other modules call, inside their own transaction, to pay or
 * take back credits. Credits sits low (below teachers, courses, activities, signin): callers
 * gather the facts, credits reads only its own tables (and the county's themes).
 */
export {
  payAttendance,
  payAttendances,
  reverseAttendance,
  payVolunteerHours,
  type AttendanceFacts,
  type PayOptions,
} from './credit-grants';
