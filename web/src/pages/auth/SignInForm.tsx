import { Alert, Button, Stack, TextInput, Title } from '@mantine/core';
import { FormEvent, ReactNode, useRef, useState } from 'react';
import { ApiError } from '../../api/client';
import { useErrorText } from '../../components/QueryState';
import { useI18n } from '../../i18n/i18n';
import { SecretInput } from './SecretInput';

/*
 * The sign-in form of the province app and of the operators' console: the same fields, checks and
 * refusals (wrong password, throttled with the time to wait, malformed email); each page gives its
 * own session's signIn and says where to go next.
 */

interface FieldErrors {
  email?: string;
  password?: string;
}

/** When a throttled sign-in may be tried again, as a clock time the user can wait for. */
function useRetryText() {
  const { t, locale } = useI18n();
  return (seconds: number | null): string => {
    if (!seconds) return t('auth.signIn.tooManyLater');
    const at = new Date(Date.now() + seconds * 1000);
    const time = new Intl.DateTimeFormat(locale === 'ur' ? 'ur-PK' : 'en-PK', {
      hour: '2-digit',
      minute: '2-digit',
      numberingSystem: 'latn',
    }).format(at);
    return seconds < 90
      ? t('auth.signIn.tooManySeconds', { seconds, time })
      : t('auth.signIn.tooManyMinutes', { minutes: Math.ceil(seconds / 60), time });
  };
}

export interface SignInFormProps {
  title: string;
  /** The previous session ended by itself: say so above the form. */
  expired: boolean;
  signIn(email: string, password: string): Promise<void>;
  onSignedIn(): void;
  /** Below the form (e.g. who to ask for an account). */
  footer?: ReactNode;
}

export function SignInForm({ title, expired, signIn, onSignedIn, footer }: SignInFormProps) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const retryText = useRetryText();
  const passwordRef = useRef<HTMLInputElement>(null);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing: FieldErrors = {
      email: email.trim() ? undefined : t('auth.signIn.emailRequired'),
      password: password ? undefined : t('auth.signIn.passwordRequired'),
    };
    setErrors(missing);
    setFailure(null);
    if (missing.email || missing.password) return;
    setBusy(true);
    try {
      await signIn(email.trim(), password);
      onSignedIn();
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        setFailure(t('auth.signIn.wrong'));
        setPassword('');
        passwordRef.current?.focus();
      } else if (error instanceof ApiError && error.status === 429 && !error.provinceRateLimited) {
        setFailure(retryText(error.retryAfterSeconds));
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
      <Title order={2}>{title}</Title>
      {expired ? (
        <Alert color="yellow" role="status">
          {t('error.sessionExpired')}
        </Alert>
      ) : null}
      <form onSubmit={submit} noValidate aria-describedby={failure ? 'sign-in-failure' : undefined}>
        <Stack gap={4}>
          <TextInput
            className="field"
            label={t('auth.email')}
            type="email"
            name="email"
            autoComplete="username"
            inputMode="email"
            dir="ltr"
            required
            withAsterisk={false}
            value={email}
            onChange={(e) => setEmail(e.currentTarget.value)}
            error={errors.email}
          />
          <SecretInput
            ref={passwordRef}
            label={t('auth.password')}
            name="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            error={errors.password}
          />
          <Button type="submit" loading={busy} mt="xs">
            {t('auth.signIn.submit')}
          </Button>
          {/* Below the button, so an error never moves the fields someone is typing in. */}
          {failure ? (
            <Alert id="sign-in-failure" color="red" role="alert" mt="sm">
              {failure}
            </Alert>
          ) : null}
        </Stack>
      </form>
      {footer}
    </Stack>
  );
}
