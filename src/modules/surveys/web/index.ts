// The public surface of the surveys module's web code: its screens (lazy) and its words for the menu.
export const surveysScreens = {
  SurveysPage: () => import('./surveys-page').then((m) => m.SurveysPage),
  SurveyResultsPage: () => import('./survey-results-page').then((m) => m.SurveyResultsPage),
  SurveyPosterPage: () => import('./survey-poster-page').then((m) => m.SurveyPosterPage),
};

export { M as surveysMessages } from './surveys.messages';
