import {
  IconAddressBook,
  IconChartBar,
  IconClipboardCheck,
  IconClipboardList,
  IconForms,
  IconFileImport,
  IconHierarchy2,
  IconHome,
  IconSettings,
  IconUserCircle,
  IconUsersGroup,
  IconUsers,
  IconArrowsLeftRight,
  IconDatabaseImport,
  IconChartLine,
  IconHeadset,
  IconLifebuoy,
  IconSchool,
  IconStairsUp,
  IconGavel,
  IconReportAnalytics,
  IconCoin,
  IconAdjustmentsDollar,
  IconMessageReport,
  type Icon,
} from '@tabler/icons-react';
import { matchPath } from 'react-router';
import type { Role } from '../../../gql/graphql';
import { ACCESS, hasAnyRole } from './access';

export type NavLabelKey =
  | 'nav.home'
  | 'nav.people'
  | 'nav.teams'
  | 'nav.orgChart'
  | 'nav.myProfile'
  | 'nav.myTeam'
  | 'nav.mySurveys'
  | 'nav.surveyResults'
  | 'nav.surveys'
  | 'nav.peopleImport'
  | 'nav.organizationSettings'
  | 'nav.auditLog'
  | 'mirror.nav.dashboard'
  | 'mirror.nav.intake'
  | 'desk.nav.requests'
  | 'desk.nav.desk'
  | 'desk.nav.dashboard'
  | 'development.nav.me'
  | 'development.nav.decisions'
  | 'development.nav.training'
  | 'development.nav.review'
  | 'pay.nav.mine'
  | 'pay.nav.team'
  | 'pay.nav.schemes'
  | 'pay.nav.disputes';

/** Entries shown from what the API says about the viewer rather than from roles. */
export type NavFeature = 'desk' | 'deskDashboard';

export interface NavItem {
  to: string;
  label: NavLabelKey;
  icon: Icon;
  /** Only the exact path makes the entry active. */
  end?: boolean;
  /** Other paths (and what lies below them) that make the entry active. */
  alsoActiveOn?: readonly string[];
  /** Paths below `to` that belong to another entry. */
  notActiveOn?: readonly string[];
  roles?: readonly Role[];
  /** Shown only when the viewer has this feature (e.g. works a service desk). */
  feature?: NavFeature;
  testId: string;
}

export interface NavSection {
  title:
    | 'nav.sections.everyone'
    | 'nav.sections.surveys'
    | 'desk.nav.section'
    | 'development.nav.section'
    | 'pay.nav.section'
    | 'nav.sections.management'
    | 'nav.sections.administration';
  items: NavItem[];
}

export const NAV_SECTIONS: readonly NavSection[] = [
  {
    title: 'nav.sections.everyone',
    items: [
      { to: '/', label: 'nav.home', icon: IconHome, end: true, testId: 'nav-home' },
      { to: '/people', label: 'nav.people', icon: IconAddressBook, testId: 'nav-people' },
      { to: '/teams', label: 'nav.teams', icon: IconUsersGroup, testId: 'nav-teams' },
      { to: '/org-chart', label: 'nav.orgChart', icon: IconHierarchy2, testId: 'nav-org-chart' },
      { to: '/me', label: 'nav.myProfile', icon: IconUserCircle, testId: 'nav-my-profile' },
    ],
  },
  {
    title: 'nav.sections.surveys',
    items: [
      { to: '/surveys/mine', label: 'nav.mySurveys', icon: IconClipboardCheck, testId: 'nav-my-surveys' },
      {
        to: '/surveys/results',
        label: 'nav.surveyResults',
        icon: IconChartBar,
        alsoActiveOn: ['/surveys/:surveyId/results'],
        testId: 'nav-results',
      },
      {
        to: '/surveys',
        label: 'nav.surveys',
        icon: IconForms,
        roles: ACCESS.surveys,
        notActiveOn: ['/surveys/mine', '/surveys/results', '/surveys/:surveyId/results'],
        testId: 'nav-surveys',
      },
    ],
  },
  {
    title: 'desk.nav.section',
    items: [
      { to: '/requests', label: 'desk.nav.requests', icon: IconLifebuoy, testId: 'nav-requests' },
      {
        to: '/desk',
        label: 'desk.nav.desk',
        icon: IconHeadset,
        feature: 'desk',
        notActiveOn: ['/desk/dashboard'],
        testId: 'nav-desk',
      },
      {
        to: '/desk/dashboard',
        label: 'desk.nav.dashboard',
        icon: IconChartLine,
        feature: 'deskDashboard',
        testId: 'nav-desk-dashboard',
      },
    ],
  },
  {
    title: 'development.nav.section',
    items: [
      {
        to: '/development/me',
        label: 'development.nav.me',
        icon: IconStairsUp,
        testId: 'nav-development-me',
      },
      {
        to: '/development/decisions',
        label: 'development.nav.decisions',
        icon: IconGavel,
        testId: 'nav-development-decisions',
      },
      {
        to: '/development/training',
        label: 'development.nav.training',
        icon: IconSchool,
        alsoActiveOn: ['/development/skills', '/development/plans'],
        testId: 'nav-development-training',
      },
      {
        to: '/development/review',
        label: 'development.nav.review',
        icon: IconReportAnalytics,
        roles: ACCESS.developmentReview,
        alsoActiveOn: ['/development/heatmaps', '/development/rights'],
        testId: 'nav-development-review',
      },
    ],
  },
  {
    title: 'pay.nav.section',
    items: [
      {
        to: '/pay',
        label: 'pay.nav.mine',
        icon: IconCoin,
        end: true,
        alsoActiveOn: ['/pay/people/:personId'],
        testId: 'nav-pay',
      },
      {
        to: '/pay/team',
        label: 'pay.nav.team',
        icon: IconUsersGroup,
        roles: ACCESS.teamPay,
        testId: 'nav-pay-team',
      },
      {
        to: '/pay/schemes',
        label: 'pay.nav.schemes',
        icon: IconAdjustmentsDollar,
        roles: ACCESS.paySchemes,
        testId: 'nav-pay-schemes',
      },
      {
        to: '/pay/disputes',
        label: 'pay.nav.disputes',
        icon: IconMessageReport,
        roles: ACCESS.paySchemes,
        testId: 'nav-pay-disputes',
      },
    ],
  },
  {
    title: 'nav.sections.management',
    items: [
      { to: '/my-team', label: 'nav.myTeam', icon: IconUsers, roles: ACCESS.myTeam, testId: 'nav-my-team' },
      {
        to: '/mirror',
        label: 'mirror.nav.dashboard',
        icon: IconArrowsLeftRight,
        roles: ACCESS.mirror,
        notActiveOn: ['/mirror/intake'],
        testId: 'nav-mirror',
      },
      {
        to: '/mirror/intake',
        label: 'mirror.nav.intake',
        icon: IconDatabaseImport,
        roles: ACCESS.mirrorIntake,
        testId: 'nav-mirror-intake',
      },
    ],
  },
  {
    title: 'nav.sections.administration',
    items: [
      {
        to: '/admin/import',
        label: 'nav.peopleImport',
        icon: IconFileImport,
        roles: ACCESS.peopleImport,
        testId: 'nav-people-import',
      },
      {
        to: '/admin/organization',
        label: 'nav.organizationSettings',
        icon: IconSettings,
        roles: ACCESS.organizationSettings,
        testId: 'nav-organization-settings',
      },
      {
        to: '/admin/audit',
        label: 'nav.auditLog',
        icon: IconClipboardList,
        roles: ACCESS.auditLog,
        testId: 'nav-audit-log',
      },
    ],
  },
];

function matches(pattern: string, pathname: string, end: boolean): boolean {
  return matchPath({ path: pattern, end }, pathname) !== null;
}

/** Whether the entry is the current page (or the section it leads to). */
export function isNavItemActive(item: NavItem, pathname: string): boolean {
  if (item.notActiveOn?.some((pattern) => matches(pattern, pathname, false))) return false;
  return (
    matches(item.to, pathname, item.end ?? false) ||
    (item.alsoActiveOn?.some((pattern) => matches(pattern, pathname, false)) ?? false)
  );
}

/** The sections and entries a person with these roles can see; empty sections are dropped. */
export function visibleSections(
  roles: readonly Role[],
  features: ReadonlySet<NavFeature> = new Set(),
): NavSection[] {
  return NAV_SECTIONS.map((section) => ({
    ...section,
    items: section.items.filter(
      (item) => hasAnyRole(roles, item.roles) && (!item.feature || features.has(item.feature)),
    ),
  })).filter((section) => section.items.length > 0);
}
