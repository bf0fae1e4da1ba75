// The people module's public surface: what other modules may use (docs/ARCHITECTURE.md, "Module map").
export { residentNames, residentRef, type ResidentRef } from './resident-ref';
export { ensureTagDefs, DEFAULT_TAGS, type TagDefRow } from './resident-write';
// For now only: credits, sign-in, activities and teachers still join these tables in their
// services (and imports writes the roster in bulk); each should move to the functions above.
export { households, residents, residentTagDefs, residentTags } from './people.table';
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
