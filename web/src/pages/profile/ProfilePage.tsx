import { Alert, Badge, Button, Group, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation } from '@tanstack/react-query';
import { FormEvent, ReactNode, useEffect, useState } from 'react';
import { api, ApiError } from '../../api/client';
import { Me } from '../../api/types';
import { useSession } from '../../auth/session';
import { Ltr } from '../../components/Ltr';
import { useErrorText } from '../../components/QueryState';
import { Locale, useI18n } from '../../i18n/i18n';
import { MailDeliveryCard } from '../../notifications/MailDeliveryCard';
import { PasswordRules, RULES_AS_DESCRIPTION, usePasswordMessage, usePasswordRules } from '../auth/PasswordRules';
import { fieldErrorsOf } from '../shared/fieldErrors';
import { useDepartmentName } from '../shared/names';
import { SecretInput } from '../auth/SecretInput';
import { ChoiceCard, ProfileSection, SaveOutcome, useMeChange } from './profileCard';

const ROLE_KEYS: Record<string, string> = {
  tenant_admin: 'profile.role.tenantAdmin',
  preparer: 'profile.role.preparer',
  reviewer: 'profile.role.reviewer',
  approver: 'profile.role.approver',
  viewer: 'profile.role.viewer',
};

/** One's own account: who one is here, the language the app speaks, and the password. */
export default function ProfilePage() {
  const { t } = useI18n();
  const { me } = useSession();
  useDocumentTitle(`${t('profile.title')} · ${t('app.name')}`);
  if (!me) return null;
  return (
    <Stack gap="lg" maw={960} data-testid="profile">
      <Title order={1}>{t('profile.title')}</Title>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Stack gap="lg">
          <AccountCard me={me} />
          <LanguageCard />
          <MailDeliveryCard me={me} />
        </Stack>
        <PasswordCard email={me.email} />
      </SimpleGrid>
    </Stack>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="sm" c="dimmed" component="dt">
        {label}
      </Text>
      <Text component="dd" m={0}>
        {children}
      </Text>
    </div>
  );
}

function AccountCard({ me }: { me: Me }) {
  const { t } = useI18n();
  const departmentName = useDepartmentName();
  const [name, setName] = useState(me.name);
  const { mutation, saved, save, clearSaved } = useMeChange((next: string) => ({ name: next }));
  const nameError = !name.trim() ? t('profile.account.nameRequired') : fieldErrorsOf(mutation.error, ['name']).name;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (name.trim()) save(name.trim());
    else clearSaved();
  };

  return (
    <ProfileSection id="profile-account" title={t('profile.account.title')}>
      <Stack gap="md">
        <Stack gap="sm" component="dl" m={0}>
          <Fact label={t('profile.account.email')}>
            <Ltr>{me.email}</Ltr>
          </Fact>
          <Fact label={t('profile.account.roles')}>
            <Group gap={6} component="span">
              {me.roles.map((role) => (
                <Badge key={role} variant="light" color="gray" style={{ textTransform: 'none' }}>
                  {ROLE_KEYS[role] ? t(ROLE_KEYS[role]) : role}
                </Badge>
              ))}
            </Group>
          </Fact>
          <Fact label={t('profile.account.department')}>
            {departmentName(me.departmentId, me.departmentName) || t('profile.account.noDepartment')}
          </Fact>
        </Stack>
        <form onSubmit={submit} noValidate>
          <Group align="flex-start" gap="sm" wrap="wrap">
            <TextInput
              className="field"
              label={t('profile.account.name')}
              name="name"
              autoComplete="name"
              maxLength={200}
              value={name}
              onChange={(e) => {
                setName(e.currentTarget.value);
                clearSaved();
              }}
              error={mutation.isError || !name.trim() ? nameError : undefined}
              style={{ flex: '1 1 220px' }}
            />
            <Button
              type="submit"
              variant="light"
              loading={mutation.isPending}
              mt={25}
              disabled={name.trim() === me.name}
            >
              {t('profile.account.saveName')}
            </Button>
          </Group>
          <SaveOutcome
            saved={saved}
            savedText={t('profile.account.nameSaved')}
            failed={mutation.isError && !nameError}
            error={mutation.error}
            alertMt="xs"
          />
        </form>
      </Stack>
    </ProfileSection>
  );
}

function LanguageCard() {
  const { t, locale, setLocale } = useI18n();
  const [choice, setChoice] = useState<Locale>(locale);
  // The header's switch changes the language too; the radio follows it.
  useEffect(() => setChoice(locale), [locale]);
  const change = useMeChange((next: Locale) => ({ locale: next }), setLocale);

  // Saved with a button, not on each arrow key: a whole page changing language while someone
  // moves through the radios would lose their place.
  return (
    <ChoiceCard
      id="profile-language"
      title={t('profile.language.title')}
      label={t('profile.language.label')}
      description={t('profile.language.description')}
      name="locale"
      options={[
        { value: 'en', label: <span lang="en">English</span> },
        { value: 'ur', label: <span lang="ur">اردو</span> },
      ]}
      value={choice}
      onChange={setChoice}
      change={change}
      saveLabel={t('profile.language.save')}
      savedText={t('profile.language.saved')}
    />
  );
}

interface PasswordErrors {
  current?: string;
  next?: string;
  confirmation?: string;
}

function PasswordCard({ email }: { email: string }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const passwordMessage = usePasswordMessage();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirmation, setConfirmation] = useState('');
  const [errors, setErrors] = useState<PasswordErrors>({});
  const [changed, setChanged] = useState(false);
  const { rules, problem, mismatch } = usePasswordRules(next, confirmation, email);
  const session = useSession();
  const change = useMutation({
    mutationFn: async () => {
      await api.post<void>('/api/me/password', { currentPassword: current, newPassword: next });
      // The change ends every session of the account, this browser's too; start a fresh one here
      // with the new password, so "you stay signed in here" holds after the next refresh.
      await session.signIn(email, next);
    },
    onSuccess: () => {
      setChanged(true);
      setCurrent('');
      setNext('');
      setConfirmation('');
    },
    onError: (error) => {
      const fields = error instanceof ApiError ? error.fields : {};
      if (fields.currentPassword) setErrors({ current: t('profile.password.currentWrong') });
      else if (fields.newPassword) setErrors({ next: passwordMessage(fields.newPassword[0]) });
    },
  });
  const unexplained = change.isError && !errors.current && !errors.next;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setChanged(false);
    const found: PasswordErrors = {
      current: current ? undefined : t('profile.password.currentRequired'),
      next: problem() ?? undefined,
      confirmation: mismatch() ?? undefined,
    };
    setErrors(found);
    if (found.current || found.next || found.confirmation) return;
    change.reset();
    change.mutate();
  };

  return (
    <ProfileSection id="profile-password" title={t('profile.password.title')}>
      <form onSubmit={submit} noValidate>
        <Stack gap={4}>
          <Text size="sm" mb="xs">
            {t('profile.password.intro')}
          </Text>
          <SecretInput
            label={t('profile.password.current')}
            name="current-password"
            autoComplete="current-password"
            value={current}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            error={errors.current}
          />
          <SecretInput
            label={t('profile.password.new')}
            name="new-password"
            autoComplete="new-password"
            value={next}
            onChange={(e) => setNext(e.currentTarget.value)}
            error={errors.next}
            description={<PasswordRules rules={rules} />}
            {...RULES_AS_DESCRIPTION}
            visibilityToggleButtonProps={{ 'aria-label': t('auth.showTyped') }}
          />
          <SecretInput
            label={t('profile.password.confirm')}
            name="confirm-password"
            autoComplete="new-password"
            value={confirmation}
            onChange={(e) => setConfirmation(e.currentTarget.value)}
            error={errors.confirmation}
          />
          <Group mt="xs">
            <Button type="submit" loading={change.isPending}>
              {t('profile.password.submit')}
            </Button>
          </Group>
          {changed ? (
            <Alert color="green" role="status" mt="sm" data-testid="password-changed">
              {t('profile.password.changed')}
            </Alert>
          ) : null}
          {unexplained ? (
            <Alert color="red" role="alert" mt="sm">
              {errorText(change.error)}
            </Alert>
          ) : null}
        </Stack>
      </form>
    </ProfileSection>
  );
}
