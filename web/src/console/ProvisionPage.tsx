import { Alert, Button, Checkbox, Group, SimpleGrid, Stack, TagsInput, Text, TextInput, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, ApiError } from '../api/client';
import { useErrorText } from '../components/QueryState';
import { useI18n } from '../i18n/i18n';
import { SecretInput } from '../pages/auth/SecretInput';
import { consoleKeys } from './api';
import { ImportArchiveCard } from './ImportArchiveCard';

/*
 * /provinces/new — register a province and queue its provisioning (POST /api/platform/tenants),
 * then go to its page to watch the steps. The server checks everything; the form only says which
 * field a refusal is about. Below it, a province restored from its archive instead (ImportArchiveCard).
 */

interface ProvisionForm {
  slug: string;
  name: string;
  nameUr: string;
  adminEmail: string;
  adminName: string;
  adminPassword: string;
  locales: string[];
  domains: string[];
}

const EMPTY: ProvisionForm = {
  slug: '',
  name: '',
  nameUr: '',
  adminEmail: '',
  adminName: '',
  adminPassword: '',
  locales: ['en', 'ur'],
  domains: [],
};

/** The request as the API takes it: optional fields left out when empty. */
function requestOf(form: ProvisionForm) {
  return {
    slug: form.slug.trim(),
    name: form.name.trim(),
    ...(form.nameUr.trim() ? { nameUr: form.nameUr.trim() } : {}),
    adminEmail: form.adminEmail.trim(),
    ...(form.adminName.trim() ? { adminName: form.adminName.trim() } : {}),
    adminPassword: form.adminPassword,
    locales: form.locales,
    domains: form.domains.map((d) => d.trim().toLowerCase()).filter(Boolean),
  };
}

export default function ProvisionPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const [form, setForm] = useState<ProvisionForm>(EMPTY);
  useDocumentTitle(`${t('console.provision.title')} · ${t('app.name')}`);
  const set = <K extends keyof ProvisionForm>(key: K, value: ProvisionForm[K]) =>
    setForm((f) => ({ ...f, [key]: value }));

  const create = useMutation({
    mutationFn: () => api.post<{ tenant: { slug: string } }>('/api/platform/tenants', requestOf(form)),
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: consoleKeys.tenants });
      navigate(`/provinces/${result.tenant.slug}`);
    },
  });
  const fields = create.error instanceof ApiError ? create.error.fields : {};
  const fieldError = (key: keyof ProvisionForm) => fields[key]?.join(' ');
  // Refusals not about one field (a taken slug, a domain in use) are shown under the button.
  const aboutFields = create.error instanceof ApiError && Object.keys(fields).length > 0;
  const general = create.error && !aboutFields ? errorText(create.error) : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };

  return (
    <Stack gap="lg" maw={760} data-testid="console-provision">
      <Title order={1}>{t('console.provision.title')}</Title>
      <Text size="sm">{t('console.provision.intro')}</Text>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('console.provision.slug')}
              description={t('console.provision.slugHelp')}
              dir="ltr"
              required
              value={form.slug}
              onChange={(e) => set('slug', e.currentTarget.value)}
              error={fieldError('slug')}
            />
            <TextInput
              label={t('console.provision.name')}
              required
              value={form.name}
              onChange={(e) => set('name', e.currentTarget.value)}
              error={fieldError('name')}
            />
            <TextInput
              label={t('console.provision.nameUr')}
              description={t('console.optional')}
              dir="rtl"
              lang="ur"
              value={form.nameUr}
              onChange={(e) => set('nameUr', e.currentTarget.value)}
              error={fieldError('nameUr')}
            />
          </SimpleGrid>
          <Title order={2} size="h4">
            {t('console.provision.firstAdmin')}
          </Title>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput
              label={t('console.provision.adminEmail')}
              type="email"
              dir="ltr"
              required
              value={form.adminEmail}
              onChange={(e) => set('adminEmail', e.currentTarget.value)}
              error={fieldError('adminEmail')}
            />
            <TextInput
              label={t('console.provision.adminName')}
              description={t('console.optional')}
              value={form.adminName}
              onChange={(e) => set('adminName', e.currentTarget.value)}
              error={fieldError('adminName')}
            />
            <SecretInput
              label={t('console.provision.adminPassword')}
              description={t('console.provision.passwordHelp')}
              autoComplete="new-password"
              value={form.adminPassword}
              onChange={(e) => set('adminPassword', e.currentTarget.value)}
              error={fieldError('adminPassword')}
            />
          </SimpleGrid>
          <Title order={2} size="h4">
            {t('console.provision.settings')}
          </Title>
          <Checkbox.Group
            label={t('console.provision.locales')}
            description={t('console.provision.localesHelp')}
            value={form.locales}
            onChange={(v) => set('locales', v)}
            error={fieldError('locales')}
          >
            <Group mt="xs">
              <Checkbox value="en" label={<span lang="en">English</span>} />
              <Checkbox value="ur" label={<span lang="ur">اردو</span>} />
            </Group>
          </Checkbox.Group>
          <TagsInput
            label={t('console.provision.domains')}
            description={t('console.provision.domainsHelp')}
            dir="ltr"
            value={form.domains}
            onChange={(v) => set('domains', v)}
            error={fieldError('domains')}
            splitChars={[',', ' ']}
          />
          <Group>
            <Button type="submit" loading={create.isPending}>
              {t('console.provision.submit')}
            </Button>
            <Button variant="default" component={Link} to="/provinces">
              {t('common.cancel')}
            </Button>
          </Group>
          {general ? (
            <Alert color="red" role="alert" title={t('console.provision.refused')}>
              {general}
            </Alert>
          ) : null}
        </Stack>
      </form>
      <ImportArchiveCard />
    </Stack>
  );
}
