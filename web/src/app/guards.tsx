import { Alert, Center, Container } from '@mantine/core';
import { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import { useSession } from '../auth/session';
import { Loading } from '../components/QueryState';
import { useI18n } from '../i18n/i18n';

/** Screens behind sign-in: anyone else goes to the sign-in page and comes back afterwards. */
export function RequireSession({ children }: { children: ReactNode }) {
  const session = useSession();
  const location = useLocation();
  if (session.status === 'loading') return <Loading />;
  if (session.status === 'no-province') return <NoProvince />;
  if (session.status !== 'signed-in') {
    const next = location.pathname + location.search;
    return <Navigate to={next === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(next)}`} replace />;
  }
  return <>{children}</>;
}

export function NoProvince() {
  const { t } = useI18n();
  return (
    <Container size="xs" py="xl">
      <Center>
        <Alert color="red" role="alert">
          {t('error.noProvince')}
        </Alert>
      </Center>
    </Container>
  );
}

export function NotFoundPage() {
  const { t } = useI18n();
  return (
    <Alert color="gray" role="alert" m="md">
      {t('error.pageNotFound')}
    </Alert>
  );
}
