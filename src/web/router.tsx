import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter, Navigate } from 'react-router';
import { ADMIN_ROLES } from '../shared/roles';
import { AUDIT_READER_ROLES } from '../modules/audit/audit.policy';
import { RESIDENT_ROLES } from '../shared/roles';
import { RESIDENT_STATS_ROLES } from '../modules/people/people.policy';
import { STAFFING_READER_ROLES, TEACHER_READER_ROLES } from '../modules/teachers/teachers.policy';
import { IMPORT_ROLES } from '../modules/imports/imports.policy';
import { ATTENDANCE_READER_ROLES } from '../modules/signin/signin.policy';
import { RequireAuth, RequireRole } from './auth/require-auth';
import { PageLoading } from './components/page-loading';
import { RouteError } from './pages/route-error';
import { CREDIT_STAFF_ROLES } from '../modules/credits/credits.policy';

// Every screen is its own chunk: the sign-in page loads without the tree, tables and forms.
const LoginPage = lazy(() => import('../modules/accounts/web/login-page').then((m) => ({ default: m.LoginPage })));
const SetupPage = lazy(() => import('../modules/accounts/web/setup-page').then((m) => ({ default: m.SetupPage })));
const ChangePasswordPage = lazy(() =>
  import('../modules/accounts/web/change-password-page').then((m) => ({ default: m.ChangePasswordPage })),
);
const AppLayout = lazy(() => import('./layout/app-layout').then((m) => ({ default: m.AppLayout })));
const OrgPage = lazy(() => import('../modules/organisations/web/org-page').then((m) => ({ default: m.OrgPage })));
const UsersPage = lazy(() => import('../modules/accounts/web/users-page').then((m) => ({ default: m.UsersPage })));
const MyAccountPage = lazy(() =>
  import('../modules/accounts/web/my-account-page').then((m) => ({ default: m.MyAccountPage })),
);
const AuditPage = lazy(() => import('../modules/audit/web/audit-page').then((m) => ({ default: m.AuditPage })));
const NotFoundPage = lazy(() => import('./pages/not-found-page').then((m) => ({ default: m.NotFoundPage })));
const ImportPage = lazy(() => import('../modules/imports/web/import-page').then((m) => ({ default: m.ImportPage })));
const SettingsPage = lazy(() =>
  import('../modules/settings/web/settings-page').then((m) => ({ default: m.SettingsPage })),
);
const ResidentsPage = lazy(() =>
  import('../modules/people/web/residents-page').then((m) => ({ default: m.ResidentsPage })),
);
const HouseholdPage = lazy(() =>
  import('../modules/people/web/household-page').then((m) => ({ default: m.HouseholdPage })),
);
const ResidentTagsPage = lazy(() =>
  import('../modules/people/web/resident-tags-page').then((m) => ({ default: m.ResidentTagsPage })),
);
const TeachersPage = lazy(() =>
  import('../modules/teachers/web/teachers-page').then((m) => ({ default: m.TeachersPage })),
);
const VolunteerPage = lazy(() =>
  import('../modules/teachers/web/volunteer-page').then((m) => ({ default: m.VolunteerPage })),
);
const StaffingPage = lazy(() =>
  import('../modules/teachers/web/staffing-page').then((m) => ({ default: m.StaffingPage })),
);
const SignInDeskPage = lazy(() =>
  import('../modules/signin/web/sign-in-desk-page').then((m) => ({ default: m.SignInDeskPage })),
);
const AttendancePage = lazy(() =>
  import('../modules/signin/web/attendance-page').then((m) => ({ default: m.AttendancePage })),
);
const QrScreenPage = lazy(() =>
  import('../modules/signin/web/qr-screen-page').then((m) => ({ default: m.QrScreenPage })),
);
const SheetPrintPage = lazy(() =>
  import('../modules/signin/web/sheet-print-page').then((m) => ({ default: m.SheetPrintPage })),
);
const ResidentAccountsPage = lazy(() =>
  import('../modules/portal/web/resident-accounts-page').then((m) => ({ default: m.ResidentAccountsPage })),
);
const PortalShell = lazy(() => import('../modules/portal/web/portal-shell').then((m) => ({ default: m.PortalShell })));
const PortalActivitiesPage = lazy(() =>
  import('../modules/portal/web/portal-activities-page').then((m) => ({ default: m.PortalActivitiesPage })),
);
const PortalRecordPage = lazy(() =>
  import('../modules/portal/web/portal-record-page').then((m) => ({ default: m.PortalRecordPage })),
);
const PortalCreditsPage = lazy(() =>
  import('../modules/portal/web/portal-credits-page').then((m) => ({ default: m.PortalCreditsPage })),
);
const PortalMePage = lazy(() =>
  import('../modules/portal/web/portal-me-page').then((m) => ({ default: m.PortalMePage })),
);
const CoursesPage = lazy(() => import('../modules/courses/web/courses-page').then((m) => ({ default: m.CoursesPage })));
const ThemesPage = lazy(() => import('../modules/courses/web/themes-page').then((m) => ({ default: m.ThemesPage })));
const ServiceRecordPage = lazy(() =>
  import('../modules/teachers/web/service-record-page').then((m) => ({ default: m.ServiceRecordPage })),
);
const ActivitiesPage = lazy(() =>
  import('../modules/activities/web/activities-page').then((m) => ({ default: m.ActivitiesPage })),
);
const VenuesPage = lazy(() => import('../modules/activities/web/venues-page').then((m) => ({ default: m.VenuesPage })));
const PlansPage = lazy(() => import('../modules/plans/web/plans-page').then((m) => ({ default: m.PlansPage })));
const SchedulePrintPage = lazy(() =>
  import('../modules/plans/web/schedule-print-page').then((m) => ({ default: m.SchedulePrintPage })),
);

const CreditsPage = lazy(() => import('../modules/credits/web/credits-page').then((m) => ({ default: m.CreditsPage })));
const LearningRecordPage = lazy(() =>
  import('../modules/credits/web/learning-record-page').then((m) => ({ default: m.LearningRecordPage })),
);

const page = (node: ReactNode) => <Suspense fallback={<PageLoading />}>{node}</Suspense>;

export const router = createBrowserRouter([
  { path: '/login', element: page(<LoginPage />), errorElement: <RouteError /> },
  { path: '/setup', element: page(<SetupPage />), errorElement: <RouteError /> },
  {
    path: '/print/service-record/:id',
    element: <RequireAuth>{page(<ServiceRecordPage />)}</RequireAuth>,
    errorElement: <RouteError />,
  },
  {
    path: '/print/learning-record/:id',
    element: <RequireAuth>{page(<LearningRecordPage />)}</RequireAuth>,
    errorElement: <RouteError />,
  },
  {
    path: '/print/schedule',
    element: <RequireAuth>{page(<SchedulePrintPage />)}</RequireAuth>,
    errorElement: <RouteError />,
  },
  {
    path: '/print/sign-in/:activityId',
    element: <RequireAuth>{page(<SheetPrintPage />)}</RequireAuth>,
    errorElement: <RouteError />,
  },
  {
    path: '/sign-in/:activityId/qr',
    element: <RequireAuth>{page(<QrScreenPage />)}</RequireAuth>,
    errorElement: <RouteError />,
  },
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
      { index: true, element: <Navigate to="/org" replace /> },
      { path: 'org', element: <OrgPage /> },
      { path: 'org/:id', element: <OrgPage /> },
      {
        path: 'users',
        element: (
          <RequireRole roles={ADMIN_ROLES}>
            <UsersPage />
          </RequireRole>
        ),
      },
      {
        path: 'audit',
        element: (
          <RequireRole roles={AUDIT_READER_ROLES}>
            <AuditPage />
          </RequireRole>
        ),
      },
      {
        path: 'imports',
        element: (
          <RequireRole roles={IMPORT_ROLES}>
            <ImportPage />
          </RequireRole>
        ),
      },
      {
        path: 'settings',
        element: (
          <RequireRole roles={['system_admin']}>
            <SettingsPage />
          </RequireRole>
        ),
      },
      {
        path: 'residents',
        element: (
          <RequireRole roles={RESIDENT_STATS_ROLES}>
            <ResidentsPage />
          </RequireRole>
        ),
      },
      {
        path: 'residents/households/:id',
        element: (
          <RequireRole roles={RESIDENT_ROLES}>
            <HouseholdPage />
          </RequireRole>
        ),
      },
      {
        path: 'residents/tags',
        element: (
          <RequireRole roles={['system_admin', 'county_admin']}>
            <ResidentTagsPage />
          </RequireRole>
        ),
      },
      {
        path: 'teachers',
        element: (
          <RequireRole roles={TEACHER_READER_ROLES}>
            <TeachersPage />
          </RequireRole>
        ),
      },
      { path: 'volunteer', element: <VolunteerPage /> },
      {
        path: 'staffing',
        element: (
          <RequireRole roles={STAFFING_READER_ROLES}>
            <StaffingPage />
          </RequireRole>
        ),
      },
      { path: 'activities', element: <ActivitiesPage /> },
      { path: 'venues', element: <VenuesPage /> },
      { path: 'plans', element: <PlansPage /> },
      {
        path: 'sign-in',
        element: (
          <RequireRole roles={ATTENDANCE_READER_ROLES}>
            <SignInDeskPage />
          </RequireRole>
        ),
      },
      {
        path: 'sign-in/:activityId',
        element: (
          <RequireRole roles={ATTENDANCE_READER_ROLES}>
            <AttendancePage />
          </RequireRole>
        ),
      },
      {
        path: 'resident-accounts',
        element: (
          <RequireRole roles={RESIDENT_ROLES}>
            <ResidentAccountsPage />
          </RequireRole>
        ),
      },
      {
        path: 'credits',
        element: (
          <RequireRole roles={CREDIT_STAFF_ROLES}>
            <CreditsPage />
          </RequireRole>
        ),
      },
      { path: 'courses', element: <CoursesPage /> },
      { path: 'courses/themes', element: <ThemesPage /> },
      { path: 'account', element: <MyAccountPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
