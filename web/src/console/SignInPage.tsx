import { Alert, Button, Stack, TextInput, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { FormEvent, useRef, useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../api/client';
import { useErrorText } from '../components/QueryState';
import { useI18n } from '../i18n/i18n';
import { safeNext } from '../pages/auth/safeNext';
import { SecretInput } from '../pages/auth/SecretInput';
import { useConsoleSession } from './session';

/** An operator signs in with e-mail and password; the session lives in an httpOnly cookie. */
export default function SignInPage() {
  const { t } = useI18n();
  const session = useConsoleSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const errorText = useErrorText();
  const passwordRef = useRef<HTMLInputElement>(null);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ email?: string; password?: string }>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useDocumentTitle(`${t('console.signIn.title')} · ${t('app.name')}`);

  if (session.status === 'signed-in') return <Navigate to={next} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing = {
      email: email.trim() ? undefined : t('auth.signIn.emailRequired'),
      password: password ? undefined : t('auth.signIn.passwordRequired'),
    };
    setErrors(missing);
    setFailure(null);
    if (missing.email || missing.password) return;
    setBusy(true);
    try {
      await session.signIn(email.trim(), password);
      navigate(next, { replace: true });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        setFailure(t('auth.signIn.wrong'));
        setPassword('');
        passwordRef.current?.focus();
      } else if (error instanceof ApiError && error.status === 429) {
        setFailure(t('auth.signIn.tooManyLater'));
      } else if (error instanceof ApiError && error.status === 400) {
        setFailure(t('auth.signIn.checkEmail'));
      } else {
        setFailure(errorText(error));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="md">
      <Title order={2}>{t('console.signIn.title')}</Title>
      {session.expired ? (
        <Alert color="yellow" role="status">
          {t('error.sessionExpired')}
        </Alert>
      ) : null}
      <form onSubmit={submit} noValidate aria-describedby={failure ? 'sign-in-failure' : undefined}>
        <Stack gap={4}>
          <TextInput className="field" label={t('auth.email')} type="email" name="email" autoComplete="username"
            inputMode="email" dir="ltr" required withAsterisk={false} value={email}
            onChange={(e) => setEmail(e.currentTarget.value)} error={errors.email} />
          <SecretInput ref={passwordRef} label={t('auth.password')} name="password" autoComplete="current-password"
            value={password} onChange={(e) => setPassword(e.currentTarget.value)} error={errors.password} />
          <Button type="submit" loading={busy} mt="xs">
            {t('auth.signIn.submit')}
          </Button>
          {failure ? (
            <Alert id="sign-in-failure" color="red" role="alert" mt="sm">
              {failure}
            </Alert>
          ) : null}
        </Stack>
      </form>
    </Stack>
  );
}
