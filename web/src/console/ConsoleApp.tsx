import { useMemo } from 'react';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { PlatformProfile } from '../auth/session';
import { NotFoundPage } from '../app/guards';
import AuditPage from './AuditPage';
import { ConsoleLayout, ConsolePublicLayout, RequireOperator } from './ConsoleLayout';
import MigrationsPage from './MigrationsPage';
import MonitoringPage from './MonitoringPage';
import OperatorsPage from './OperatorsPage';
import PortfolioPage from './PortfolioPage';
import ProvincePage from './province/ProvincePage';
import ProvincesPage from './ProvincesPage';
import ProvisionPage from './ProvisionPage';
import QueuesPage from './QueuesPage';
import { ConsoleSessionProvider } from './session';
import SignInPage from './SignInPage';

/*
 * The operators' console on admin.<domain>: the same web app (language, theme, API client), its
 * own session, router and layout. It is one lazily loaded chunk, fetched only on the platform host.
 * No path here may be a server path: /metrics, /health and /api/* belong to the API.
 */
function createConsoleRouter(profile: PlatformProfile) {
  return createBrowserRouter([
    { element: <ConsolePublicLayout profile={profile} />, children: [{ path: '/sign-in', element: <SignInPage /> }] },
    {
      element: (
        <RequireOperator>
          <ConsoleLayout profile={profile} />
        </RequireOperator>
      ),
      children: [
        { path: '/', element: <Navigate to="/provinces" replace /> },
        { path: '/provinces', element: <ProvincesPage /> },
        { path: '/provinces/new', element: <ProvisionPage /> },
        { path: '/provinces/:slug', element: <ProvincePage /> },
        { path: '/portfolio', element: <PortfolioPage /> },
        { path: '/migrations', element: <MigrationsPage /> },
        { path: '/queues', element: <QueuesPage /> },
        { path: '/monitoring', element: <MonitoringPage /> },
        { path: '/operators', element: <OperatorsPage /> },
        { path: '/audit', element: <AuditPage /> },
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}

export default function ConsoleApp({ profile }: { profile: PlatformProfile }) {
  // One router for the life of the page (the profile never changes once known).
  const router = useMemo(() => createConsoleRouter(profile), [profile]);
  return (
    <ConsoleSessionProvider>
      <RouterProvider router={router} />
    </ConsoleSessionProvider>
  );
}
