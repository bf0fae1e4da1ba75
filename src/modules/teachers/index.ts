// The teachers module's public surface: what other modules may call (docs/ARCHITECTURE.md, "Module map").
// Its endpoints are in the contracts; its role lists and bank rules in teachers.policy.ts.
export {
  activeTeachersOfBanks,
  staffingOfCentres,
  teacherFeeFacts,
  teacherRefs,
  volunteerHoursInYear,
  type CentreStaff,
  type TeacherFeeFacts,
  type TeacherRef,
} from './teachers.public';
import './teachers.waiting';

// Its routes, registered by src/server/modules.ts.
export { teacherRoutes } from './teachers.routes';

// Whose teacher banks a user may read (a course's teachers are chosen from them).
export { ancestorPaths, canReadBank } from './teachers.policy';

// The bank's teaching-fee rule (the funding module refuses a fee it forbids, with its words).
export { feeRefusal, teachingFeeRefusal, type FeeRefusal } from './teachers.policy';
