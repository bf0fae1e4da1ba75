import { lazy, Suspense, type ComponentType, type ReactNode } from 'react';
import { createBrowserRouter, type RouteObject } from 'react-router';
import { ADMIN_ROLES } from '../shared/roles';
import { AUDIT_READER_ROLES } from '../modules/audit/audit.policy';
import { RESIDENT_ROLES, type Role } from '../shared/roles';
import { RESIDENT_STATS_ROLES } from '../modules/people/people.policy';
import { STAFFING_READER_ROLES, TEACHER_READER_ROLES } from '../modules/teachers/teachers.policy';
import { IMPORT_ROLES } from '../modules/imports/imports.policy';
import { ATTENDANCE_READER_ROLES } from '../modules/signin/signin.policy';
import { RequireAuth, RequireRole } from './auth/require-auth';
import { PageLoading } from './components/page-loading';
import { RouteError } from './pages/route-error';
import { CREDIT_STAFF_ROLES } from '../modules/credits/credits.policy';
import { REPORT_READER_ROLES } from '../modules/reports/reports.policy';

/** A screen as its own chunk, from the named export of its module. */
function lazyPage<M extends Record<K, ComponentType>, K extends string>(load: () => Promise<M>, name: K) {
  return lazy(() => load().then((m) => ({ default: m[name] })));
}

// Every screen is its own chunk: the sign-in page loads without the tree, tables and forms.
const LoginPage = lazyPage(() => import('../modules/accounts/web/login-page'), 'LoginPage');
const SetupPage = lazyPage(() => import('../modules/accounts/web/setup-page'), 'SetupPage');
const ChangePasswordPage = lazyPage(() => import('../modules/accounts/web/change-password-page'), 'ChangePasswordPage');
const AppLayout = lazyPage(() => import('./layout/app-layout'), 'AppLayout');
const OrgPage = lazyPage(() => import('../modules/organisations/web/org-page'), 'OrgPage');
const UsersPage = lazyPage(() => import('../modules/accounts/web/users-page'), 'UsersPage');
const MyAccountPage = lazyPage(() => import('../modules/accounts/web/my-account-page'), 'MyAccountPage');
const AuditPage = lazyPage(() => import('../modules/audit/web/audit-page'), 'AuditPage');
const NotFoundPage = lazyPage(() => import('./pages/status-pages'), 'NotFoundPage');
const ImportPage = lazyPage(() => import('../modules/imports/web/import-page'), 'ImportPage');
const SettingsPage = lazyPage(() => import('../modules/settings/web/settings-page'), 'SettingsPage');
const ResidentsPage = lazyPage(() => import('../modules/people/web/residents-page'), 'ResidentsPage');
const HouseholdPage = lazyPage(() => import('../modules/people/web/household-page'), 'HouseholdPage');
const ResidentTagsPage = lazyPage(() => import('../modules/people/web/resident-tags-page'), 'ResidentTagsPage');
const TeachersPage = lazyPage(() => import('../modules/teachers/web/teachers-page'), 'TeachersPage');
const VolunteerPage = lazyPage(() => import('../modules/teachers/web/volunteer-page'), 'VolunteerPage');
const StaffingPage = lazyPage(() => import('../modules/teachers/web/staffing-page'), 'StaffingPage');
const SignInDeskPage = lazyPage(() => import('../modules/signin/web/sign-in-desk-page'), 'SignInDeskPage');
const AttendancePage = lazyPage(() => import('../modules/signin/web/attendance-page'), 'AttendancePage');
const QrScreenPage = lazyPage(() => import('../modules/signin/web/qr-screen-page'), 'QrScreenPage');
const SheetPrintPage = lazyPage(() => import('../modules/signin/web/sheet-print-page'), 'SheetPrintPage');
const ResidentAccountsPage = lazyPage(
  () => import('../modules/portal/web/resident-accounts-page'),
  'ResidentAccountsPage',
);
const PortalShell = lazyPage(() => import('../modules/portal/web/portal-shell'), 'PortalShell');
const PortalActivitiesPage = lazyPage(
  () => import('../modules/portal/web/portal-activities-page'),
  'PortalActivitiesPage',
);
const PortalRecordPage = lazyPage(() => import('../modules/portal/web/portal-record-page'), 'PortalRecordPage');
const PortalCreditsPage = lazyPage(() => import('../modules/portal/web/portal-credits-page'), 'PortalCreditsPage');
const PortalMePage = lazyPage(() => import('../modules/portal/web/portal-me-page'), 'PortalMePage');
const CoursesPage = lazyPage(() => import('../modules/courses/web/courses-page'), 'CoursesPage');
const ThemesPage = lazyPage(() => import('../modules/courses/web/themes-page'), 'ThemesPage');
const ServiceRecordPage = lazyPage(() => import('../modules/teachers/web/service-record-page'), 'ServiceRecordPage');
const ActivitiesPage = lazyPage(() => import('../modules/activities/web/activities-page'), 'ActivitiesPage');
const VenuesPage = lazyPage(() => import('../modules/activities/web/venues-page'), 'VenuesPage');
const PlansPage = lazyPage(() => import('../modules/plans/web/plans-page'), 'PlansPage');
const SchedulePrintPage = lazyPage(() => import('../modules/plans/web/schedule-print-page'), 'SchedulePrintPage');

const CreditsPage = lazyPage(() => import('../modules/credits/web/credits-page'), 'CreditsPage');
const IndicatorsPage = lazyPage(() => import('../modules/indicators/web/indicators-page'), 'IndicatorsPage');
const WorkbenchPage = lazyPage(() => import('../modules/workbench/web/workbench-page'), 'WorkbenchPage');
const ReportsPage = lazyPage(() => import('../modules/reports/web/reports-page'), 'ReportsPage');
const RecordsPage = lazyPage(() => import('../modules/indicators/web/records-page'), 'RecordsPage');
const DashboardsPage = lazyPage(() => import('../modules/indicators/web/dashboards-page'), 'DashboardsPage');
const LearningRecordPage = lazyPage(() => import('../modules/credits/web/learning-record-page'), 'LearningRecordPage');

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

export const router = createBrowserRouter([
  { path: '/login', element: page(<LoginPage />), errorElement: <RouteError /> },
  { path: '/setup', element: page(<SetupPage />), errorElement: <RouteError /> },
  standalone('/print/service-record/:id', <ServiceRecordPage />),
  standalone('/print/learning-record/:id', <LearningRecordPage />),
  standalone('/print/schedule', <SchedulePrintPage />),
  standalone('/print/sign-in/:activityId', <SheetPrintPage />),
  standalone('/sign-in/:activityId/qr', <QrScreenPage />),
  {
    // The resident's phone pages: their own shell and sign-in, not the staff layout.
    path: '/m',
    element: page(<PortalShell />),
    errorElement: <RouteError />,
    children: [
      { index: true, element: page(<PortalActivitiesPage />) },
      { path: 'record', element: page(<PortalRecordPage />) },
      { path: 'credits', element: page(<PortalCreditsPage />) },
      { path: 'me', element: page(<PortalMePage />) },
    ],
  },
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
      { path: 'indicators/records', element: <RecordsPage /> },
      { path: 'dashboards', element: <DashboardsPage /> },
      { path: 'courses', element: <CoursesPage /> },
      { path: 'courses/themes', element: <ThemesPage /> },
      { path: 'account', element: <MyAccountPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
