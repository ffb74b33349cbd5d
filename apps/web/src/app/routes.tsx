import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { RequireAuth } from '../modules/shell/components/RequireAuth';
import { RequireRole } from '../modules/shell/components/RequireRole';
import { ACCESS } from '../modules/shell/utils/access';
import { RequireDesk } from '../modules/desk/components/RequireDesk';

// Each page is its own chunk: a person downloads only what they open.
const LoginPage = lazy(() => import('../modules/auth/components/LoginPage'));
const HomePage = lazy(() => import('../modules/shell/components/HomePage'));
const NotFoundPage = lazy(() => import('../modules/shell/components/NotFoundPage'));
const PeopleDirectoryPage = lazy(() => import('../modules/people/components/PeopleDirectoryPage'));
const PersonPage = lazy(() => import('../modules/people/components/PersonPage'));
const TeamsPage = lazy(() => import('../modules/teams/components/TeamsPage'));
const TeamPage = lazy(() => import('../modules/teams/components/TeamPage'));
const OrgChartPage = lazy(() => import('../modules/org-chart/components/OrgChartPage'));
const MyProfilePage = lazy(() => import('../modules/profile/components/MyProfilePage'));
const MyTeamPage = lazy(() => import('../modules/profile/components/MyTeamPage'));
const PeopleImportPage = lazy(() => import('../modules/admin/components/PeopleImportPage'));
const OrganizationSettingsPage = lazy(() => import('../modules/admin/components/OrganizationSettingsPage'));
const AuditLogPage = lazy(() => import('../modules/admin/components/AuditLogPage'));
const MySurveysPage = lazy(() => import('../modules/surveys/components/MySurveysPage'));
const AnswerSurveyPage = lazy(() => import('../modules/surveys/components/AnswerSurveyPage'));
const ResultSurveysPage = lazy(() => import('../modules/surveys/components/ResultSurveysPage'));
const SurveyResultsPage = lazy(() => import('../modules/surveys/components/SurveyResultsPage'));
const SurveysPage = lazy(() => import('../modules/surveys/components/SurveysPage'));
const NewSurveyPage = lazy(() => import('../modules/surveys/components/NewSurveyPage'));
const SurveyDetailPage = lazy(() => import('../modules/surveys/components/SurveyDetailPage'));
const MyRequestsPage = lazy(() => import('../modules/desk/components/MyRequestsPage'));
const NotificationsPage = lazy(() => import('../modules/notifications/components/NotificationsPage'));
const NewRequestPage = lazy(() => import('../modules/desk/components/NewRequestPage'));
const RequestPage = lazy(() => import('../modules/desk/components/RequestPage'));
const DeskPage = lazy(() => import('../modules/desk/components/DeskPage'));
const DeskDashboardPage = lazy(() => import('../modules/desk/components/DeskDashboardPage'));
const MirrorPage = lazy(() => import('../modules/mirror/components/MirrorPage'));
const MirrorIntakePage = lazy(() => import('../modules/mirror/components/IntakePage'));
const MyDevelopmentPage = lazy(() => import('../modules/development/components/MyDevelopmentPage'));
const DecisionsPage = lazy(() => import('../modules/development/components/DecisionsPage'));
const TrainingPage = lazy(() => import('../modules/development/components/TrainingPage'));
const SkillsPage = lazy(() => import('../modules/development/components/SkillsPage'));
const PlansPage = lazy(() => import('../modules/development/components/PlansPage'));
const TeamReviewPage = lazy(() => import('../modules/development/components/TeamReviewPage'));
const HeatmapsPage = lazy(() => import('../modules/development/components/HeatmapsPage'));
const RightsPage = lazy(() => import('../modules/development/components/RightsPage'));
const MyPayPage = lazy(() => import('../modules/pay/components/MyPayPage'));
const TeamPayPage = lazy(() => import('../modules/pay/components/TeamPayPage'));
const SchemesPage = lazy(() => import('../modules/pay/components/SchemesPage'));
const SchemePage = lazy(() => import('../modules/pay/components/SchemePage'));
const DisputesPage = lazy(() => import('../modules/pay/components/DisputesPage'));

export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  {
    element: <RequireAuth />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'people', element: <PeopleDirectoryPage /> },
      { path: 'people/:personId', element: <PersonPage /> },
      { path: 'teams', element: <TeamsPage /> },
      { path: 'teams/:teamId', element: <TeamPage /> },
      { path: 'org-chart', element: <OrgChartPage /> },
      { path: 'me', element: <MyProfilePage /> },
      {
        element: <RequireRole roles={ACCESS.myTeam} />,
        children: [{ path: 'my-team', element: <MyTeamPage /> }],
      },
      {
        path: 'surveys',
        children: [
          { path: 'mine', element: <MySurveysPage /> },
          { path: 'mine/:invitationId', element: <AnswerSurveyPage /> },
          // Results: the API decides what each person may see (HR, their line for managers, published).
          { path: 'results', element: <ResultSurveysPage /> },
          { path: ':surveyId/results', element: <SurveyResultsPage /> },
          {
            element: <RequireRole roles={ACCESS.surveys} />,
            children: [
              { index: true, element: <SurveysPage /> },
              { path: 'new', element: <NewSurveyPage /> },
              { path: ':surveyId', element: <SurveyDetailPage /> },
            ],
          },
        ],
      },
      {
        path: 'mirror',
        children: [
          {
            element: <RequireRole roles={ACCESS.mirror} />,
            children: [{ index: true, element: <MirrorPage /> }],
          },
          {
            element: <RequireRole roles={ACCESS.mirrorIntake} />,
            children: [{ path: 'intake', element: <MirrorIntakePage /> }],
          },
        ],
      },
      {
        path: 'development',
        children: [
          { path: 'me', element: <MyDevelopmentPage /> },
          { path: 'decisions', element: <DecisionsPage /> },
          { path: 'training', element: <TrainingPage /> },
          { path: 'skills', element: <SkillsPage /> },
          { path: 'plans', element: <PlansPage /> },
          {
            element: <RequireRole roles={ACCESS.developmentReview} />,
            children: [
              { path: 'review', element: <TeamReviewPage /> },
              { path: 'heatmaps', element: <HeatmapsPage /> },
              { path: 'rights', element: <RightsPage /> },
            ],
          },
        ],
      },
      {
        path: 'pay',
        children: [
          { index: true, element: <MyPayPage /> },
          // Someone's statement: the API lets their managers and HR read it, nobody else.
          { path: 'people/:personId', element: <MyPayPage /> },
          {
            element: <RequireRole roles={ACCESS.teamPay} />,
            children: [{ path: 'team', element: <TeamPayPage /> }],
          },
          {
            element: <RequireRole roles={ACCESS.paySchemes} />,
            children: [
              { path: 'schemes', element: <SchemesPage /> },
              { path: 'schemes/:schemeId', element: <SchemePage /> },
              { path: 'disputes', element: <DisputesPage /> },
            ],
          },
        ],
      },
      { path: 'notifications', element: <NotificationsPage /> },
      {
        path: 'requests',
        children: [
          { index: true, element: <MyRequestsPage /> },
          { path: 'new', element: <NewRequestPage /> },
          { path: ':requestId', element: <RequestPage /> },
        ],
      },
      {
        path: 'desk',
        children: [
          // Whoever works the service's queue (the API checks each request and service again).
          {
            element: <RequireDesk />,
            children: [
              { index: true, element: <DeskPage /> },
              { path: 'requests/:requestId', element: <RequestPage desk /> },
            ],
          },
          {
            element: <RequireDesk dashboard />,
            children: [{ path: 'dashboard', element: <DeskDashboardPage /> }],
          },
        ],
      },
      {
        path: 'admin',
        children: [
          {
            element: <RequireRole roles={ACCESS.peopleImport} />,
            children: [{ path: 'import', element: <PeopleImportPage /> }],
          },
          {
            element: <RequireRole roles={ACCESS.organizationSettings} />,
            children: [{ path: 'organization', element: <OrganizationSettingsPage /> }],
          },
          {
            element: <RequireRole roles={ACCESS.auditLog} />,
            children: [{ path: 'audit', element: <AuditLogPage /> }],
          },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
