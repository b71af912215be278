import { Alert, Anchor, Button, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { FormEvent, useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api, ApiError } from '../../api/client';
import { useErrorText } from '../../components/QueryState';
import { useI18n } from '../../i18n/i18n';
import { PasswordRules, RULES_AS_DESCRIPTION, usePasswordMessage, usePasswordRules } from './PasswordRules';
import { SecretInput } from './SecretInput';

type Purpose = 'invitation' | 'password-reset';

const ENDPOINT: Record<Purpose, string> = {
  invitation: '/api/auth/accept-invitation',
  'password-reset': '/api/auth/reset-password',
};

/** Where a one-time link lands: an invitation or a password reset, both ending in a new password. */
export default function SetPasswordPage({ purpose }: { purpose: Purpose }) {
  const { t } = useI18n();
  const [params] = useSearchParams();
  // Read once, then dropped from the address bar: the secret should not stay in the history.
  const [token] = useState(() => params.get('token')?.trim() ?? '');
  useEffect(() => {
    if (token && window.location.search.includes('token='))
      window.history.replaceState(window.history.state, '', window.location.pathname);
  }, [token]);
  const title = purpose === 'invitation' ? t('auth.setPassword.invitationTitle') : t('auth.setPassword.resetTitle');
  useDocumentTitle(`${title} · ${t('app.name')}`);
  const [done, setDone] = useState(false);

  return (
    <Stack gap="md">
      <Title order={2}>{title}</Title>
      {!token ? (
        <Alert color="yellow" role="alert">
          {purpose === 'invitation' ? t('auth.setPassword.noTokenInvitation') : t('auth.setPassword.noTokenReset')}
        </Alert>
      ) : done ? (
        <PasswordSet />
      ) : (
        <>
          <Text size="sm">
            {purpose === 'invitation' ? t('auth.setPassword.invitationIntro') : t('auth.setPassword.resetIntro')}
          </Text>
          <NewPasswordForm endpoint={ENDPOINT[purpose]} token={token} onDone={() => setDone(true)} />
        </>
      )}
    </Stack>
  );
}

function PasswordSet() {
  const { t } = useI18n();
  const ref = useRef<HTMLDivElement>(null);
  // The form the keyboard was in is gone: the message takes the focus, so it is read out.
  useEffect(() => ref.current?.focus(), []);
  return (
    <Alert color="green" role="status" ref={ref} tabIndex={-1} data-testid="password-set">
      <Stack gap="xs" align="flex-start">
        <span>{t('auth.setPassword.done')}</span>
        <Anchor component={Link} to="/sign-in" fw={600}>
          {t('auth.setPassword.toSignIn')}
        </Anchor>
      </Stack>
    </Alert>
  );
}

function NewPasswordForm({ endpoint, token, onDone }: { endpoint: string; token: string; onDone: () => void }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const passwordMessage = usePasswordMessage();
  const [password, setPassword] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [errors, setErrors] = useState<{ password?: string; confirmation?: string }>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const { rules, problem, mismatch } = usePasswordRules(password, confirmation);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const found = { password: problem() ?? undefined, confirmation: mismatch() ?? undefined };
    setErrors(found);
    setFailure(null);
    if (found.password || found.confirmation) return;
    setBusy(true);
    try {
      await api.post<void>(endpoint, { token, password }, { anonymous: true });
      onDone();
    } catch (error) {
      if (error instanceof ApiError && error.status === 400 && error.fields.password) {
        setErrors({ password: passwordMessage(error.fields.password[0]) });
      } else if (
        error instanceof ApiError &&
        (error.status === 400 || error.status === 401 || error.status === 404 || error.status === 410)
      ) {
        // A malformed, used or expired token: only a new link helps.
        setFailure(t('auth.setPassword.linkInvalid'));
      } else {
        setFailure(errorText(error));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap={4}>
        <SecretInput
          label={t('auth.newPassword')}
          name="new-password"
          autoComplete="new-password"
          value={password}
          onChange={(e) => setPassword(e.currentTarget.value)}
          error={errors.password}
          description={<PasswordRules rules={rules} />}
          {...RULES_AS_DESCRIPTION}
          visibilityToggleButtonProps={{ 'aria-label': t('auth.showTyped') }}
        />
        <SecretInput
          label={t('auth.confirmPassword')}
          name="confirm-password"
          autoComplete="new-password"
          value={confirmation}
          onChange={(e) => setConfirmation(e.currentTarget.value)}
          error={errors.confirmation}
        />
        <Button type="submit" loading={busy} mt="md">
          {t('auth.setPassword.submit')}
        </Button>
        {failure ? (
          <Alert color="red" role="alert" mt="sm">
            {failure}
          </Alert>
        ) : null}
      </Stack>
    </form>
  );
}
