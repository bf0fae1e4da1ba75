// The public surface of activities: what other modules (sign-in, portal, plans) may call.
// The routes plugin is not here: src/server/modules.ts imports activities.routes.ts itself.
import { registerUploadPurpose } from '../files';
import { ACTIVITY_KEEPER_ROLES, canKeepActivity } from './activities.policy';

export {
  findActivityFacts,
  heldPerMonth,
  liveRegistrations,
  pageActivityFacts,
  type ActivityFacts,
} from './activity-facts.service';
export { cancelRegistration, countRegistered, registerResident, type RegistrationStatus } from './registration.service';
export { provideSignInCounts, type SignInCounter } from './sign-in-counts';

// Who may upload an activity's photos (files sits below activities and asks the owner).
registerUploadPurpose('activity_photo', { roles: ACTIVITY_KEEPER_ROLES, canUpload: canKeepActivity });

export { activityDirectory, registrationDirectory } from './activity-directory';
import './activities.waiting';

// Its routes, registered by src/server/modules.ts.
export { activityRoutes } from './activities.routes';

// Who may read activities (the workbench lists the week's activities to them).
export { ACTIVITY_READER_ROLES } from './activities.policy';

// What a teacher led in a year (the awards' evidence).
export { activitiesLedInYear } from './activity-led';
