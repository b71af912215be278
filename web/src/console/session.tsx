import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { createContext, ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { api, onSessionExpired, refreshSession, setAccessToken, setRefreshPath } from '../api/client';
import { useI18n } from '../i18n/i18n';
import { CurrentOperator } from './api';

/*
 * The operator's session, with the same design as a province's (auth/session.tsx): the access
 * token in memory only, the refresh token an httpOnly cookie that only /api/platform/auth sees,
 * so a reload keeps the operator signed in. The cookie is host-only: it never reaches a province.
 */

export type ConsoleStatus = 'loading' | 'signed-out' | 'signed-in';

export interface ConsoleSession {
  status: ConsoleStatus;
  operator: CurrentOperator | null;
  /** The session ended by itself (expired, revoked, operator disabled): the sign-in page says so. */
  expired: boolean;
  signIn(email: string, password: string): Promise<void>;
  signOut(): Promise<void>;
}

const ConsoleSessionContext = createContext<ConsoleSession | null>(null);

export const PLATFORM_REFRESH_PATH = '/api/platform/auth/refresh';

export function ConsoleSessionProvider({ children }: { children: ReactNode }) {
  const { t } = useI18n();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<ConsoleStatus>('loading');
  const [operator, setOperator] = useState<CurrentOperator | null>(null);
  const [expired, setExpired] = useState(false);

  useEffect(() => {
    let cancelled = false;
    setRefreshPath(PLATFORM_REFRESH_PATH);
    (async () => {
      if (await refreshSession()) {
        try {
          const me = await api.get<CurrentOperator>('/api/platform/me');
          if (cancelled) return;
          setOperator(me);
          setStatus('signed-in');
          return;
        } catch {
          /* fall through: signed out */
        }
      }
      if (!cancelled) setStatus('signed-out');
    })();
    return () => {
      cancelled = true;
    };
  }, []);

  useEffect(
    () =>
      onSessionExpired(() => {
        setAccessToken(null);
        setOperator(null);
        setExpired(true);
        setStatus('signed-out');
        queryClient.clear();
      }),
    [queryClient],
  );

  const signIn = useCallback(async (email: string, password: string) => {
    const session = await api.post<{ accessToken: string }>(
      '/api/platform/auth/login',
      { email, password },
      { anonymous: true },
    );
    setAccessToken(session.accessToken);
    setOperator(await api.get<CurrentOperator>('/api/platform/me'));
    setExpired(false);
    setStatus('signed-in');
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api.post('/api/platform/auth/logout', {}, { anonymous: true });
    } catch {
      // The cookie would sign the next person at this computer straight back in: say so.
      notifications.show({
        color: 'red',
        title: t('error.title'),
        message: t('error.signOutFailed'),
        closeButtonProps: { 'aria-label': t('common.close') },
      });
      return;
    }
    setAccessToken(null);
    setOperator(null);
    setStatus('signed-out');
    queryClient.clear();
  }, [queryClient, t]);

  const value = useMemo<ConsoleSession>(
    () => ({ status, operator, expired, signIn, signOut }),
    [status, operator, expired, signIn, signOut],
  );
  return <ConsoleSessionContext.Provider value={value}>{children}</ConsoleSessionContext.Provider>;
}

export function useConsoleSession(): ConsoleSession {
  const value = useContext(ConsoleSessionContext);
  if (!value) throw new Error('useConsoleSession outside ConsoleSessionProvider');
  return value;
}
