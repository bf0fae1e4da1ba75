import { Children, isValidElement, lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { createBrowserRouter, matchRoutes, type RouteObject } from 'react-router';
import { ADMIN_ROLES } from '../shared/roles';
import { AUDIT_READER_ROLES } from '../modules/audit/audit.policy';
import { RESIDENT_ROLES, type Role } from '../shared/roles';
import { RESIDENT_STATS_ROLES } from '../modules/people/people.policy';
import { STAFFING_READER_ROLES, TEACHER_READER_ROLES } from '../modules/teachers/teachers.policy';
import { IMPORT_ROLES } from '../modules/imports/imports.policy';
import { ATTENDANCE_READER_ROLES } from '../modules/signin/signin.policy';
import { accountsScreens } from '../modules/accounts/web';
import { organisationsScreens } from '../modules/organisations/web';
import { auditScreens } from '../modules/audit/web';
import { importsScreens } from '../modules/imports/web';
import { settingsScreens } from '../modules/settings/web';
import { peopleScreens } from '../modules/people/web';
import { teachersScreens } from '../modules/teachers/web';
import { awardsScreens } from '../modules/awards/web';
import { AWARD_READER_ROLES } from '../modules/awards/awards.policy';
import { signinScreens } from '../modules/signin/web';
import { portalScreens } from '../modules/portal/web';
import { coursesScreens } from '../modules/courses/web';
import { activitiesScreens } from '../modules/activities/web';
import { plansScreens } from '../modules/plans/web';
import { creditsScreens } from '../modules/credits/web';
import { indicatorsScreens } from '../modules/indicators/web';
import { workbenchScreens } from '../modules/workbench/web';
import { reportsScreens } from '../modules/reports/web';
import { RequireAuth, RequireRole } from './auth/require-auth';
import { PageLoading } from './components/page-loading';
import { RouteError } from './pages/route-error';
import { CREDIT_STAFF_ROLES } from '../modules/credits/credits.policy';
import { REPORT_READER_ROLES } from '../modules/reports/reports.policy';
import { SURVEY_READER_ROLES } from '../modules/surveys/surveys.policy';
import { surveysScreens } from '../modules/surveys/web';
import { FUNDING_READER_ROLES } from '../modules/funding/funding.policy';
import { fundingScreens } from '../modules/funding/web';

/** A screen as its own chunk (a module's `…Screens` loader); `preload` starts loading it early. */
function lazyPage(load: () => Promise<ComponentType>) {
  let loading: Promise<{ default: ComponentType }> | undefined;
  const preload = () => (loading ??= load().then((c) => ({ default: c })));
  return Object.assign(lazy(preload), { preload });
}

/** Starts loading every lazy screen in this element tree (the layout, the guard's page…). */
function preloadElement(node: ReactNode): void {
  if (!isValidElement(node)) return;
  // A failed download is reported when the screen renders (RouteError), not here.
  (node.type as { preload?: () => Promise<unknown> }).preload?.().catch(() => {});
  Children.forEach((node.props as { children?: ReactNode }).children, preloadElement);
}

/**
 * On the first load, the screens of the address (e.g. the staff layout and the workbench) are
 * fetched at once, beside the session check, not one after the other as each renders: on a
 * slow connection that is a round trip or two less.
 */
function preloadMatched(routes: RouteObject[], pathname: string): void {
  for (const m of matchRoutes(routes, pathname) ?? []) preloadElement(m.route.element);
}

// Every screen is its own chunk: the sign-in page loads without the tree, tables and forms.
const LoginPage = lazyPage(accountsScreens.LoginPage);
const SetupPage = lazyPage(accountsScreens.SetupPage);
const ChangePasswordPage = lazyPage(accountsScreens.ChangePasswordPage);
const AppLayout = lazyPage(() => import('./layout/app-layout').then((m) => m.AppLayout));
const OrgPage = lazyPage(organisationsScreens.OrgPage);
const UsersPage = lazyPage(accountsScreens.UsersPage);
const AccountsHandoutPage = lazyPage(accountsScreens.AccountsHandoutPage);
const MyAccountPage = lazyPage(accountsScreens.MyAccountPage);
const AuditPage = lazyPage(auditScreens.AuditPage);
const NotFoundPage = lazyPage(() => import('./pages/status-pages').then((m) => m.NotFoundPage));
const ImportPage = lazyPage(importsScreens.ImportPage);
const SettingsPage = lazyPage(settingsScreens.SettingsPage);
const ResidentsPage = lazyPage(peopleScreens.ResidentsPage);
const HouseholdPage = lazyPage(peopleScreens.HouseholdPage);
const ResidentTagsPage = lazyPage(peopleScreens.ResidentTagsPage);
const TeachersPage = lazyPage(teachersScreens.TeachersPage);
const VolunteerPage = lazyPage(teachersScreens.VolunteerPage);
const StaffingPage = lazyPage(teachersScreens.StaffingPage);
const SignInDeskPage = lazyPage(signinScreens.SignInDeskPage);
const AttendancePage = lazyPage(signinScreens.AttendancePage);
const QrScreenPage = lazyPage(signinScreens.QrScreenPage);
const SheetPrintPage = lazyPage(signinScreens.SheetPrintPage);
const ResidentAccountsPage = lazyPage(portalScreens.ResidentAccountsPage);
const CoursesPage = lazyPage(coursesScreens.CoursesPage);
const ThemesPage = lazyPage(coursesScreens.ThemesPage);
const ServiceRecordPage = lazyPage(teachersScreens.ServiceRecordPage);
const ActivitiesPage = lazyPage(activitiesScreens.ActivitiesPage);
const VenuesPage = lazyPage(activitiesScreens.VenuesPage);
const PlansPage = lazyPage(plansScreens.PlansPage);
const SchedulePrintPage = lazyPage(plansScreens.SchedulePrintPage);

const CreditsPage = lazyPage(creditsScreens.CreditsPage);
const IndicatorsPage = lazyPage(indicatorsScreens.IndicatorsPage);
const WorkbenchPage = lazyPage(workbenchScreens.WorkbenchPage);
const ReportsPage = lazyPage(reportsScreens.ReportsPage);
const RecordsPage = lazyPage(indicatorsScreens.RecordsPage);
const DashboardsPage = lazyPage(indicatorsScreens.DashboardsPage);
const LearningRecordPage = lazyPage(creditsScreens.LearningRecordPage);
const SurveysPage = lazyPage(surveysScreens.SurveysPage);
const SurveyResultsPage = lazyPage(surveysScreens.SurveyResultsPage);
const SurveyPosterPage = lazyPage(surveysScreens.SurveyPosterPage);
const FundingPage = lazyPage(fundingScreens.FundingPage);
const ExpensesPage = lazyPage(fundingScreens.ExpensesPage);
const AwardSelectionsPage = lazyPage(awardsScreens.SelectionsPage);
const AwardNominationsPage = lazyPage(awardsScreens.NominationsPage);
const AwardResultsPrintPage = lazyPage(awardsScreens.ResultsPrintPage);
const AwardCertificatePrintPage = lazyPage(awardsScreens.CertificatePrintPage);

const page = (node: ReactNode) => <Suspense fallback={<PageLoading />}>{node}</Suspense>;

/** A page of its own for a signed-in user, outside the staff layout (the printed sheets, the QR screen): all of it is the main content. */
const standalone = (path: string, node: ReactNode): RouteObject => ({
  path,
  element: (
    <RequireAuth>
      <main>{page(node)}</main>
    </RequireAuth>
  ),
  errorElement: <RouteError />,
});

/** A staff page only these roles may open (the others see 无权限). */
const forRoles = (roles: readonly Role[], path: string, node: ReactNode): RouteObject => ({
  path,
  element: <RequireRole roles={roles}>{node}</RequireRole>,
});

const routes: RouteObject[] = [
  { path: '/login', element: page(<LoginPage />), errorElement: <RouteError /> },
  { path: '/setup', element: page(<SetupPage />), errorElement: <RouteError /> },
  standalone('/print/service-record/:id', <ServiceRecordPage />),
  standalone('/print/learning-record/:id', <LearningRecordPage />),
  standalone('/print/schedule', <SchedulePrintPage />),
  standalone('/print/accounts', <AccountsHandoutPage />),
  standalone('/print/sign-in/:activityId', <SheetPrintPage />),
  standalone('/sign-in/:activityId/qr', <QrScreenPage />),
  standalone('/print/survey/:id', <SurveyPosterPage />),
  standalone('/print/awards/:id', <AwardResultsPrintPage />),
  standalone('/print/award-certificate/:id', <AwardCertificatePrintPage />),
  {
    path: '/change-password',
    element: <RequireAuth allowPasswordDue>{page(<ChangePasswordPage />)}</RequireAuth>,
    errorElement: <RouteError />,
  },
  {
    path: '/',
    element: <RequireAuth>{page(<AppLayout />)}</RequireAuth>,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <WorkbenchPage /> },
      { path: 'org', element: <OrgPage /> },
      { path: 'org/:id', element: <OrgPage /> },
      forRoles(ADMIN_ROLES, 'users', <UsersPage />),
      forRoles(AUDIT_READER_ROLES, 'audit', <AuditPage />),
      forRoles(IMPORT_ROLES, 'imports', <ImportPage />),
      forRoles(['system_admin'], 'settings', <SettingsPage />),
      forRoles(RESIDENT_STATS_ROLES, 'residents', <ResidentsPage />),
      forRoles(RESIDENT_ROLES, 'residents/households/:id', <HouseholdPage />),
      forRoles(['system_admin', 'county_admin'], 'residents/tags', <ResidentTagsPage />),
      forRoles(TEACHER_READER_ROLES, 'teachers', <TeachersPage />),
      { path: 'volunteer', element: <VolunteerPage /> },
      forRoles(STAFFING_READER_ROLES, 'staffing', <StaffingPage />),
      { path: 'activities', element: <ActivitiesPage /> },
      { path: 'venues', element: <VenuesPage /> },
      { path: 'plans', element: <PlansPage /> },
      forRoles(ATTENDANCE_READER_ROLES, 'sign-in', <SignInDeskPage />),
      forRoles(ATTENDANCE_READER_ROLES, 'sign-in/:activityId', <AttendancePage />),
      forRoles(RESIDENT_ROLES, 'resident-accounts', <ResidentAccountsPage />),
      forRoles(CREDIT_STAFF_ROLES, 'credits', <CreditsPage />),
      { path: 'indicators', element: <IndicatorsPage /> },
      forRoles(REPORT_READER_ROLES, 'reports', <ReportsPage />),
      forRoles(SURVEY_READER_ROLES, 'surveys', <SurveysPage />),
      forRoles(SURVEY_READER_ROLES, 'surveys/:id/results', <SurveyResultsPage />),
      { path: 'indicators/records', element: <RecordsPage /> },
      { path: 'dashboards', element: <DashboardsPage /> },
      { path: 'courses', element: <CoursesPage /> },
      { path: 'courses/themes', element: <ThemesPage /> },
      forRoles(FUNDING_READER_ROLES, 'funding', <FundingPage />),
      forRoles(FUNDING_READER_ROLES, 'funding/expenses', <ExpensesPage />),
      forRoles(AWARD_READER_ROLES, 'awards', <AwardSelectionsPage />),
      forRoles(AWARD_READER_ROLES, 'awards/nominations', <AwardNominationsPage />),
      { path: 'account', element: <MyAccountPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
];

export const router = createBrowserRouter(routes);
preloadMatched(routes, window.location.pathname);
