// The public surface of activities: what other modules (sign-in, portal, plans) may call.
// The routes plugin is not here: src/server/modules.ts imports activities.routes.ts itself.

export { countyThemes } from './activities.service';
export {
  findActivityFacts,
  heldPerMonth,
  liveRegistrations,
  pageActivityFacts,
  type ActivityFacts,
} from './activity-facts.service';
export { cancelRegistration, countRegistered, registerResident, type RegistrationStatus } from './registration.service';
export { provideSignInCounts, type SignInCounter } from './sign-in-counts';
