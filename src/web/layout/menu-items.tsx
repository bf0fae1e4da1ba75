import type { ReactNode } from 'react';
import {
  ApartmentOutlined,
  AuditOutlined,
  HeartOutlined,
  SettingOutlined,
  SolutionOutlined,
  TeamOutlined,
  UserOutlined,
} from '@ant-design/icons';
import { ADMIN_ROLES, type Role } from '../../shared/roles';
import { AUDIT_READER_ROLES } from '../../modules/audit/audit.policy';
import { ImportOutlined } from '@ant-design/icons';
import { IMPORT_ROLES } from '../../modules/imports/imports.policy';
import { importsMenu as IMPORTS } from '../../modules/imports/web';
import type { Msg } from '../i18n/i18n';
import { M } from '../i18n/messages';
import { ContactsOutlined } from '@ant-design/icons';
import { RESIDENT_STATS_ROLES } from '../../modules/people/people.policy';
import { peopleMenu as PEOPLE } from '../../modules/people/web';
import { teachersMenu as TEACHERS } from '../../modules/teachers/web';
import { TEACHER_READER_ROLES } from '../../modules/teachers/teachers.policy';
import { ReadOutlined } from '@ant-design/icons';
import { coursesMenu as COURSES } from '../../modules/courses/web';
import { CalendarOutlined, ScheduleOutlined } from '@ant-design/icons';
import { activitiesMenu as ACTIVITIES } from '../../modules/activities/web';
import { plansMenu as PLANS } from '../../modules/plans/web';

import { CheckSquareOutlined } from '@ant-design/icons';
import { ATTENDANCE_READER_ROLES } from '../../modules/signin/signin.policy';
import { signinMenu as SIGNIN } from '../../modules/signin/web';

import { TrophyOutlined } from '@ant-design/icons';
import { CREDIT_STAFF_ROLES } from '../../modules/credits/credits.policy';
import { creditsMenu as CREDITS } from '../../modules/credits/web';

import { FundOutlined, LineChartOutlined } from '@ant-design/icons';
import { indicatorsMenu as INDICATORS } from '../../modules/indicators/web';
import { FileTextOutlined } from '@ant-design/icons';
import { REPORT_READER_ROLES } from '../../modules/reports/reports.policy';
import { reportsMenu as REPORTS } from '../../modules/reports/web';

import { FormOutlined } from '@ant-design/icons';
import { SURVEY_READER_ROLES } from '../../modules/surveys/surveys.policy';
import { surveysMenu as SURVEYS } from '../../modules/surveys/web';

import { DashboardOutlined } from '@ant-design/icons';
import { workbenchMenu as WORKBENCH } from '../../modules/workbench/web';

import { AccountBookOutlined } from '@ant-design/icons';
import { FUNDING_READER_ROLES } from '../../modules/funding/funding.policy';
import { fundingMenu as FUNDING } from '../../modules/funding/web';

import { StarOutlined } from '@ant-design/icons';
import { AWARD_READER_ROLES } from '../../modules/awards/awards.policy';
import { awardsMenu as AWARDS } from '../../modules/awards/web';

type Entry = { key: string; path: string; label: Msg; icon: ReactNode; roles?: readonly Role[] };

/** The side menu. `roles` absent: everyone signed in. The routes check the same roles. */
export const MENU: Entry[] = [
  { key: 'workbench', path: '/', label: WORKBENCH.menu, icon: <DashboardOutlined /> },
  { key: 'org', path: '/org', label: M.menuOrg, icon: <ApartmentOutlined /> },
  { key: 'indicators', path: '/indicators', label: INDICATORS.menu, icon: <FundOutlined /> },
  { key: 'reports', path: '/reports', label: REPORTS.menu, icon: <FileTextOutlined />, roles: REPORT_READER_ROLES },
  { key: 'dashboards', path: '/dashboards', label: INDICATORS.dashMenu, icon: <LineChartOutlined /> },
  { key: 'residents', path: '/residents', label: PEOPLE.menu, icon: <ContactsOutlined />, roles: RESIDENT_STATS_ROLES },
  { key: 'users', path: '/users', label: M.menuUsers, icon: <TeamOutlined />, roles: ADMIN_ROLES },
  { key: 'audit', path: '/audit', label: M.menuAudit, icon: <AuditOutlined />, roles: AUDIT_READER_ROLES },
  { key: 'settings', path: '/settings', label: M.menuSettings, icon: <SettingOutlined />, roles: ['system_admin'] },
  {
    key: 'teachers',
    path: '/teachers',
    label: TEACHERS.menuTeachers,
    icon: <SolutionOutlined />,
    roles: TEACHER_READER_ROLES,
  },
  { key: 'courses', path: '/courses', label: COURSES.menu, icon: <ReadOutlined /> },
  { key: 'activities', path: '/activities', label: ACTIVITIES.menu, icon: <CalendarOutlined /> },
  { key: 'plans', path: '/plans', label: PLANS.menu, icon: <ScheduleOutlined /> },
  { key: 'volunteer', path: '/volunteer', label: TEACHERS.menuVolunteer, icon: <HeartOutlined /> },
  { key: 'imports', path: '/imports', label: IMPORTS.menu, icon: <ImportOutlined />, roles: IMPORT_ROLES },
  {
    key: 'sign-in',
    path: '/sign-in',
    label: SIGNIN.menu,
    icon: <CheckSquareOutlined />,
    roles: ATTENDANCE_READER_ROLES,
  },
  { key: 'credits', path: '/credits', label: CREDITS.menu, icon: <TrophyOutlined />, roles: CREDIT_STAFF_ROLES },
  { key: 'surveys', path: '/surveys', label: SURVEYS.menu, icon: <FormOutlined />, roles: SURVEY_READER_ROLES },
  { key: 'funding', path: '/funding', label: FUNDING.menu, icon: <AccountBookOutlined />, roles: FUNDING_READER_ROLES },
  { key: 'awards', path: '/awards', label: AWARDS.menu, icon: <StarOutlined />, roles: AWARD_READER_ROLES },
  { key: 'account', path: '/account', label: M.menuAccount, icon: <UserOutlined /> },
];

export function visibleMenu(hasRole: (roles: readonly Role[]) => boolean): Entry[] {
  return MENU.filter((e) => !e.roles || hasRole(e.roles));
}

/** Pages below a menu page that do not sit under its path: the page they are reached from. */
const REACHED_FROM: Record<string, string> = {
  '/venues': 'activities',
  '/staffing': 'teachers',
  '/resident-accounts': 'sign-in',
};

/**
 * The menu page a deeper page sits below (its breadcrumb's first step): `/residents/tags` →
 * 居民; null for a menu page itself (and for `/org/<id>`, the organisation page with a node chosen).
 */
export function parentEntry(pathname: string): Entry | null {
  const key = REACHED_FROM[pathname];
  if (key) return MENU.find((e) => e.key === key) ?? null;
  if (pathname.startsWith('/org/')) return null;
  return MENU.find((e) => e.path !== '/' && pathname.startsWith(`${e.path}/`)) ?? null;
}
