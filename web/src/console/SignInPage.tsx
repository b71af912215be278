import { useDocumentTitle } from '@mantine/hooks';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useI18n } from '../i18n/i18n';
import { safeNext } from '../pages/auth/safeNext';
import { SignInForm } from '../pages/auth/SignInForm';
import { useConsoleSession } from './session';

/** An operator signs in with e-mail and password; the session lives in an httpOnly cookie. */
export default function SignInPage() {
  const { t } = useI18n();
  const session = useConsoleSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  useDocumentTitle(`${t('console.signIn.title')} · ${t('app.name')}`);

  if (session.status === 'signed-in') return <Navigate to={next} replace />;
  return (
    <SignInForm
      title={t('console.signIn.title')}
      expired={session.expired}
      signIn={session.signIn}
      onSignedIn={() => navigate(next, { replace: true })}
    />
  );
}
