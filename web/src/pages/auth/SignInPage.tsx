import { Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { useSession } from '../../auth/session';
import { useI18n } from '../../i18n/i18n';
import { safeNext } from './safeNext';
import { SignInForm } from './SignInForm';

export default function SignInPage() {
  const { t } = useI18n();
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  useDocumentTitle(`${t('auth.signIn.title')} · ${t('app.name')}`);

  // Already signed in (another tab, or the reload kept the session): straight on.
  if (session.status === 'signed-in') return <Navigate to={next} replace />;
  return (
    <SignInForm
      title={t('auth.signIn.title')}
      expired={session.expired}
      signIn={session.signIn}
      onSignedIn={() => navigate(next, { replace: true })}
      footer={
        <Text size="sm" c="dimmed">
          {t('auth.signIn.help')}
        </Text>
      }
    />
  );
}
