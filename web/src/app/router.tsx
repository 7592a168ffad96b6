import { lazy, type ReactNode, Suspense } from 'react';
import { createBrowserRouter } from 'react-router';
import { FullPageSpin } from '../components/FullPageSpin';
import { canUseSnapshots } from '../features/assessment/snapshots.api';
import { canHandleObjections } from '../features/objections/objections.api';
import { access } from '../lib/roles';
import { AppLayout } from './AppLayout';
import { HomeRedirect, RequireSession, RoleGate } from './guards';
import { canReadTo } from './nav';
import { RouteError } from './RouteError';

// One chunk per page: the first load carries only the frame.
const LoginPage = lazy(() => import('../features/auth/LoginPage'));
const SetupPage = lazy(() => import('../features/setup/SetupPage'));
const AccountPage = lazy(() => import('../features/account/AccountPage'));
const MyWeekPage = lazy(() => import('../features/my-week/MyWeekPage'));
const WallPage = lazy(() => import('../features/wall/WallPage'));
const DepartmentPage = lazy(() => import('../features/department/DepartmentPage'));
const ReportPage = lazy(() => import('../features/report/ReportPage'));
const PeoplePage = lazy(() => import('../features/people/PeoplePage'));
const PersonPage = lazy(() => import('../features/person/PersonPage'));
const AssessmentPage = lazy(() => import('../features/assessment/AssessmentPage'));
const AssessmentSnapshotPage = lazy(() => import('../features/assessment/AssessmentSnapshotPage'));
const MyScorePage = lazy(() => import('../features/my-score/MyScorePage'));
const ObjectionsPage = lazy(() => import('../features/objections/ObjectionsPage'));
const DepartmentsAdminPage = lazy(() => import('../features/admin-departments/DepartmentsAdminPage'));
const UsersAdminPage = lazy(() => import('../features/admin-users/UsersAdminPage'));
const ImportPage = lazy(() => import('../features/admin-import/ImportPage'));
const AdminSettingsPage = lazy(() => import('../features/admin-settings/AdminSettingsPage'));
const IntegrationsPage = lazy(() => import('../features/admin-integrations/IntegrationsPage'));
const AuditPage = lazy(() => import('../features/audit/AuditPage'));
const ToReadPage = lazy(() => import('../features/to-read/ToReadPage'));
const SearchPage = lazy(() => import('../features/search/SearchPage'));
const AlbumPrintPage = lazy(() => import('../features/album/AlbumPrintPage'));
const NotFoundPage = lazy(() => import('./NotFoundPage'));

const standalone = (page: ReactNode) => <Suspense fallback={<FullPageSpin minHeight="100vh" />}>{page}</Suspense>;

export const router = createBrowserRouter([
  {
    errorElement: <RouteError />,
    children: [
      { path: '/login', element: standalone(<LoginPage />) },
      { path: '/setup', element: standalone(<SetupPage />) },
      {
        element: <RequireSession />,
        children: [
          // Standalone (no app frame): the printable growth album.
          {
            path: '/people/:id/album',
            element: standalone(
              <RoleGate allow={access.staff}>
                <AlbumPrintPage />
              </RoleGate>,
            ),
          },
          {
            element: <AppLayout />,
            children: [
              { index: true, element: <HomeRedirect /> },
              {
                path: 'my-week',
                element: (
                  <RoleGate allow={access.staff}>
                    <MyWeekPage />
                  </RoleGate>
                ),
              },
              {
                path: 'my-week/:week',
                element: (
                  <RoleGate allow={access.staff}>
                    <MyWeekPage />
                  </RoleGate>
                ),
              },
              {
                path: 'wall',
                element: (
                  <RoleGate allow={access.staff}>
                    <WallPage />
                  </RoleGate>
                ),
              },
              {
                path: 'wall/:week',
                element: (
                  <RoleGate allow={access.staff}>
                    <WallPage />
                  </RoleGate>
                ),
              },
              {
                path: 'reports/:id',
                element: (
                  <RoleGate allow={access.staff}>
                    <ReportPage />
                  </RoleGate>
                ),
              },
              {
                path: 'department',
                element: (
                  <RoleGate allow={access.department}>
                    <DepartmentPage />
                  </RoleGate>
                ),
              },
              {
                path: 'to-read',
                element: (
                  <RoleGate allow={canReadTo}>
                    <ToReadPage />
                  </RoleGate>
                ),
              },
              {
                path: 'search',
                element: (
                  <RoleGate allow={access.staff}>
                    <SearchPage />
                  </RoleGate>
                ),
              },
              {
                path: 'people',
                element: (
                  <RoleGate allow={access.staff}>
                    <PeoplePage />
                  </RoleGate>
                ),
              },
              {
                path: 'people/:id',
                element: (
                  <RoleGate allow={access.staff}>
                    <PersonPage />
                  </RoleGate>
                ),
              },
              {
                path: 'assessment',
                element: (
                  <RoleGate allow={access.assessment}>
                    <AssessmentPage />
                  </RoleGate>
                ),
              },
              {
                path: 'assessment/snapshots/:id',
                element: (
                  <RoleGate allow={canUseSnapshots}>
                    <AssessmentSnapshotPage />
                  </RoleGate>
                ),
              },
              {
                path: 'my-score',
                element: (
                  <RoleGate allow={access.staff}>
                    <MyScorePage />
                  </RoleGate>
                ),
              },
              {
                path: 'objections',
                element: (
                  <RoleGate allow={canHandleObjections}>
                    <ObjectionsPage />
                  </RoleGate>
                ),
              },
              { path: 'account', element: <AccountPage /> },
              { path: 'admin', element: <HomeRedirect /> },
              {
                path: 'admin/departments',
                element: (
                  <RoleGate allow={access.admin}>
                    <DepartmentsAdminPage />
                  </RoleGate>
                ),
              },
              {
                path: 'admin/users',
                element: (
                  <RoleGate allow={access.admin}>
                    <UsersAdminPage />
                  </RoleGate>
                ),
              },
              {
                path: 'admin/import',
                element: (
                  <RoleGate allow={access.admin}>
                    <ImportPage />
                  </RoleGate>
                ),
              },
              {
                path: 'admin/settings',
                element: (
                  <RoleGate allow={access.admin}>
                    <AdminSettingsPage />
                  </RoleGate>
                ),
              },
              {
                path: 'admin/integrations',
                element: (
                  <RoleGate allow={access.admin}>
                    <IntegrationsPage />
                  </RoleGate>
                ),
              },
              {
                path: 'audit',
                element: (
                  <RoleGate allow={access.audit}>
                    <AuditPage />
                  </RoleGate>
                ),
              },
              { path: '*', element: <NotFoundPage /> },
            ],
          },
        ],
      },
    ],
  },
]);
