import { notifications } from '@mantine/notifications';
import { useQueryClient } from '@tanstack/react-query';
import { createContext, ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { Permission, rolesGrant } from '../../../src/tenancy/permissions';
import { api, ApiError, onAccountChanged, onSessionExpired, refreshSession, setAccessToken } from '../api/client';
import { Me, TenantProfile } from '../api/types';
import { Locale, useI18n } from '../i18n/i18n';

/*
 * Who is signed in, to which province. On start the app asks which province this host serves
 * (/api/tenant), then tries the refresh cookie: a reload keeps you signed in without the access
 * token ever touching storage. Permissions come from the same role matrix the server enforces
 * (src/tenancy/permissions.ts); the server still refuses anything a role may not do.
 */

export type SessionStatus = 'loading' | 'signed-out' | 'signed-in' | 'no-province';

/** What the platform's own host (admin.<domain>) says of itself: there the app is the operators' console. */
export interface PlatformProfile {
  kind: 'platform';
  name: string;
  domain: string;
}

export interface Session {
  status: SessionStatus;
  tenant: TenantProfile | null;
  /** Set on the platform host (no province here, but the console is). */
  platform: PlatformProfile | null;
  me: Me | null;
  /** Set when the session ended by itself (expired, revoked), to tell the user why. */
  expired: boolean;
  signIn(email: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  reloadMe(): Promise<void>;
  can(permission: Permission): boolean;
  hasRole(role: string): boolean;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const { locale, chosen, setLocale, t } = useI18n();
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<SessionStatus>('loading');
  const [tenant, setTenant] = useState<TenantProfile | null>(null);
  const [platform, setPlatform] = useState<PlatformProfile | null>(null);
  const [me, setMe] = useState<Me | null>(null);
  const [expired, setExpired] = useState(false);

  const adoptUser = useCallback(
    (user: Me) => {
      setMe(user);
      setStatus('signed-in');
      setExpired(false);
      if (user.locale === 'en' || user.locale === 'ur') setLocale(user.locale as Locale, { chosen: false });
    },
    [setLocale],
  );

  const reloadMe = useCallback(async () => {
    adoptUser(await api.get<Me>('/api/me'));
  }, [adoptUser]);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      try {
        const profile = await api.get<TenantProfile>('/api/tenant', { anonymous: true });
        if (cancelled) return;
        setTenant(profile);
      } catch (error) {
        const noProvince = error instanceof ApiError && error.status === 404;
        // No province here: the platform's own host answers for itself, and the console takes over.
        const profile = noProvince
          ? await api.get<PlatformProfile>('/api/platform/profile', { anonymous: true }).catch(() => null)
          : null;
        if (cancelled) return;
        if (profile?.kind === 'platform') setPlatform(profile);
        setStatus(noProvince ? 'no-province' : 'signed-out');
        return;
      }
      if (await refreshSession()) {
        try {
          const user = await api.get<Me>('/api/me');
          if (!cancelled) adoptUser(user);
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
    // Runs once per page load; adoptUser is stable.
  }, []);

  useEffect(
    () =>
      onSessionExpired(() => {
        setAccessToken(null);
        setMe(null);
        setExpired(true);
        setStatus('signed-out');
        queryClient.clear();
      }),
    [queryClient],
  );

  // The account changed under this session (an administrator changed its roles): the menus and
  // screens follow the new roles without a reload.
  useEffect(() => onAccountChanged(() => void reloadMe().catch(() => undefined)), [reloadMe]);

  const signIn = useCallback(
    async (email: string, password: string) => {
      const session = await api.post<{ accessToken: string }>(
        '/api/auth/login',
        { email, password },
        { anonymous: true },
      );
      setAccessToken(session.accessToken);
      const user = await api.get<Me>('/api/me');
      // A language picked on the sign-in page is a choice: it becomes the account's preference.
      // Otherwise the account's preference decides (it follows the person to any computer).
      if (chosen && user.locale !== locale) {
        await api.patch('/api/me', { locale }).catch(() => undefined);
        adoptUser({ ...user, locale });
      } else adoptUser(user);
    },
    [adoptUser, chosen, locale],
  );

  const signOut = useCallback(async () => {
    try {
      await api.post('/api/auth/logout', {}, { anonymous: true });
    } catch {
      // The server did not end the session (its cookie would sign the next visitor straight back
      // in), so the screen must not pretend it did.
      notifications.show({ color: 'red', title: t('error.title'), message: t('error.signOutFailed') });
      return;
    }
    setAccessToken(null);
    setMe(null);
    setStatus('signed-out');
    queryClient.clear();
  }, [queryClient, t]);

  const value = useMemo<Session>(
    () => ({
      status,
      tenant,
      platform,
      me,
      expired,
      signIn,
      signOut,
      reloadMe,
      can: (permission) => !!me && rolesGrant(me.roles, permission),
      hasRole: (role) => !!me?.roles.includes(role),
    }),
    [status, tenant, platform, me, expired, signIn, signOut, reloadMe],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}
