// The public surface of the surveys module's web code: its screens (lazy) and its words for the menu.
import type { Msg } from '../../../web/i18n/i18n';
export const surveysScreens = {
  SurveysPage: () => import('./surveys-page').then((m) => m.SurveysPage),
  SurveyResultsPage: () => import('./survey-results-page').then((m) => m.SurveyResultsPage),
  SurveyPosterPage: () => import('./survey-poster-page').then((m) => m.SurveyPosterPage),
};

/** The side menu's names for this module's pages (not its whole message table: the menu is on every page). */
export const surveysMenu = { menu: ['问卷调查', 'Surveys'] } satisfies Record<string, Msg>;
