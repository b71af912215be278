import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@fontsource/noto-sans/latin-400.css';
import '@fontsource/noto-sans/latin-700.css';
import '@fontsource/noto-nastaliq-urdu/400.css';
import '@fontsource/noto-nastaliq-urdu/700.css';
import './app/app.css';
import { DirectionProvider, MantineProvider, useDirection } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, StrictMode, Suspense, useEffect } from 'react';
import { createRoot } from 'react-dom/client';
import { RouterProvider } from 'react-router';
import { ApiError } from './api/client';
import { themeFor } from './app/theme';
import { SessionProvider, useSession } from './auth/session';
import { Loading } from './components/QueryState';
import { I18nProvider, useI18n } from './i18n/i18n';
import { router } from './app/routes';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // A 4xx will not change by asking again; a dropped connection might.
      retry: (count, error) => count < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
      refetchOnWindowFocus: false,
      staleTime: 10_000,
    },
  },
});

/** Keeps Mantine's direction in step with the language, without remounting anything below. */
function DirectionSync() {
  const { dir } = useI18n();
  const { setDirection } = useDirection();
  useEffect(() => setDirection(dir), [dir, setDirection]);
  return null;
}

/* The operators' console is its own chunk: province users never download it. */
const ConsoleApp = lazy(() => import('./console/ConsoleApp'));

/** A province's host gets the province app; the platform's own host (admin.<domain>) the console. */
function HostApp() {
  const { platform } = useSession();
  if (platform) {
    return (
      <Suspense fallback={<Loading />}>
        <ConsoleApp profile={platform} />
      </Suspense>
    );
  }
  return <RouterProvider router={router} />;
}

function Themed() {
  const { locale, dir } = useI18n();
  // Switching language must not remount the app: a half-typed document would be lost.
  return (
    <DirectionProvider initialDirection={dir} detectDirection={false}>
      <DirectionSync />
      <MantineProvider theme={themeFor(locale)} defaultColorScheme="light">
        <Notifications position={dir === 'rtl' ? 'top-left' : 'top-right'} />
        <SessionProvider>
          <HostApp />
        </SessionProvider>
      </MantineProvider>
    </DirectionProvider>
  );
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <QueryClientProvider client={queryClient}>
      <I18nProvider>
        <Themed />
      </I18nProvider>
    </QueryClientProvider>
  </StrictMode>,
);
