import { lazy } from 'react';
import { createBrowserRouter } from 'react-router';
import { AppLayout } from './AppLayout';
import { NotFoundPage, RequireSession } from './guards';
import { PublicLayout } from './PublicLayout';

/*
 * Every screen is its own chunk (route-level code splitting): the sign-in page does not wait for
 * the form renderer, and the editor's Ajv and rules load only when a document is opened.
 */
const SignInPage = lazy(() => import('../pages/auth/SignInPage'));
const SetPasswordPage = lazy(() => import('../pages/auth/SetPasswordPage'));
const MyWorkPage = lazy(() => import('../pages/work/MyWorkPage'));
const ProjectsPage = lazy(() => import('../pages/projects/ProjectsPage'));
const NewProjectPage = lazy(() => import('../pages/projects/NewProjectPage'));
const ProjectPage = lazy(() => import('../pages/projects/ProjectPage'));
const ProfilePage = lazy(() => import('../pages/profile/ProfilePage'));
const ImportPage = lazy(() => import('../imports/ImportPage'));
const EditionsPage = lazy(() => import('../editions/EditionsPage'));
const UsersPage = lazy(() => import('../admin/people/UsersPage'));
const DepartmentsPage = lazy(() => import('../admin/people/DepartmentsPage'));
const MasterDataPage = lazy(() => import('../admin/people/MasterDataPage'));
const AuditPage = lazy(() => import('../admin/people/AuditPage'));
const FormStudioPage = lazy(() => import('../admin/studio/FormStudioPage'));
const WorkflowPage = lazy(() => import('../admin/workflow/WorkflowPage'));
const ForumRulesPage = lazy(() => import('../admin/forum-rules/ForumRulesPage'));
const PortfolioSharingPage = lazy(() => import('../admin/portfolio/PortfolioSharingPage'));
const TrainingPage = lazy(() => import('../admin/training/TrainingPage'));
const loadDocumentPage = () => import('../editor/DocumentPage');
const DocumentPage = lazy(loadDocumentPage);
// Opened straight on a document (a reload, a shared link): fetch the editor's code while the
// session starts, instead of after it.
if (globalThis.location?.pathname.startsWith('/documents/')) void loadDocumentPage();
const DocumentHistoryPage = lazy(() => import('../editor/DocumentHistoryPage'));

export const router = createBrowserRouter([
  {
    element: <PublicLayout />,
    children: [
      { path: '/sign-in', element: <SignInPage /> },
      { path: '/accept-invitation', element: <SetPasswordPage purpose="invitation" /> },
      { path: '/reset-password', element: <SetPasswordPage purpose="password-reset" /> },
    ],
  },
  {
    element: (
      <RequireSession>
        <AppLayout />
      </RequireSession>
    ),
    children: [
      { path: '/', element: <MyWorkPage /> },
      { path: '/projects', element: <ProjectsPage /> },
      { path: '/projects/new', element: <NewProjectPage /> },
      { path: '/projects/:projectId', element: <ProjectPage /> },
      { path: '/documents/:documentId', element: <DocumentPage /> },
      { path: '/documents/:documentId/history', element: <DocumentHistoryPage /> },
      { path: '/profile', element: <ProfilePage /> },
      { path: '/admin/import', element: <ImportPage /> },
      { path: '/admin/editions', element: <EditionsPage /> },
      { path: '/admin/users', element: <UsersPage /> },
      { path: '/admin/departments', element: <DepartmentsPage /> },
      { path: '/admin/master-data', element: <MasterDataPage /> },
      { path: '/admin/forms', element: <FormStudioPage /> },
      { path: '/admin/forms/:formKey', element: <FormStudioPage /> },
      { path: '/admin/workflow', element: <WorkflowPage /> },
      { path: '/admin/forum-rules', element: <ForumRulesPage /> },
      { path: '/admin/portfolio', element: <PortfolioSharingPage /> },
      { path: '/admin/audit', element: <AuditPage /> },
      { path: '/admin/training', element: <TrainingPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
