// The people module's public surface: what other modules may use (docs/ARCHITECTURE.md, "Module map").
export { residentNames, residentRef, type ResidentRef } from './resident-ref';
export { ensureTagDefs, DEFAULT_TAGS, type TagDefRow } from './resident-write';
export { matchResidents, residentContacts, residentDirectory, residentPhone } from './resident-directory';
export {
  analyzeRoster,
  classifyRow,
  matchRoster,
  rosterExportReader,
  rosterFingerprint,
  writeRoster,
  type ExportedResident,
  type RosterEntry,
  type RosterPlan,
} from './roster-port';

// Its routes, registered by src/server/modules.ts.
export { peopleRoutes } from './people.routes';

// Households and residents under a node, for the awards' nominee pickers and a family's members.
export { householdRef, householdsUnder, residentsUnder, type HouseholdRef } from './household-ref';
