// What the roster import (src/modules/imports) does with people's data: it matches a file's rows
// with the stored residents, writes them in bulk inside its own transaction, and exports the roster
// with the masks of the reader's rights. The import keeps the pipeline (upload, parse, preview,
// mapping, commit, workbooks); the tables stay here.
export {
  classifyRow,
  matchRoster,
  rosterFingerprint,
  type PlanAction,
  type RosterEntry,
  type RosterPlan,
  type StoredResident,
} from './roster-match';
export { analyzeRoster, writeRoster } from './roster-write';
export { rosterExportReader, type ExportedResident } from './roster-export-rows';
