// The surveys module's public surface (docs/ARCHITECTURE.md, "Module map").
// The three rates under each node for a year (the indicators read them).
export { surveyRates, type RateCount, type SurveyRates } from './survey-results.service';
// The surveys open to a resident (the portal's home lists them; also GET /api/resident/surveys).
export { openSurveysFor } from './survey-responses.service';

// Its routes, registered by src/server/modules.ts.
export { surveyRoutes } from './surveys.routes';
