import { Alert, Button, Card, Group, MultiSelect, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { FormEvent, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { api, ApiError } from '../../api/client';
import { useDepartments, useForms } from '../../api/queries';
import { DocumentSummary } from '../../api/types';
import { useSession } from '../../auth/session';
import { useErrorText } from '../../components/QueryState';
import { useI18n } from '../../i18n/i18n';
import { EditionField } from '../../editions/EditionField';
import { STARTING_FORMS } from '../shared/documentLabels';
import { fieldErrorsOf, otherMessages } from '../shared/fieldErrors';
import { useDepartmentName, useMasterOptions } from '../shared/names';

const FIELDS = ['title', 'formKey', 'edition', 'departmentId', 'sector', 'districts'] as const;
type Field = (typeof FIELDS)[number];

interface Draft {
  title: string;
  formKey: string;
  /** The proforma edition ('2005', '2024'); '' = the province's current one. */
  edition: string;
  departmentId: string;
  sector: string;
  districts: string[];
}

/** Starts a project with its first document (a PC-I variant or a PC-II) and opens that document. */
export default function NewProjectPage() {
  const { t } = useI18n();
  const session = useSession();
  useDocumentTitle(`${t('projects.newTitle')} · ${t('app.name')}`);
  return (
    <Stack gap="lg" maw={720}>
      <Title order={1}>{t('projects.newTitle')}</Title>
      {session.can('projects.prepare') ? (
        <NewProjectForm />
      ) : (
        <Alert color="gray" role="alert">
          {t('projects.newNotAllowed')}
        </Alert>
      )}
    </Stack>
  );
}

function NewProjectForm() {
  const { t, locale } = useI18n();
  const { me } = useSession();
  const navigate = useNavigate();
  const queryClient = useQueryClient();
  const errorText = useErrorText();
  const forms = useForms();
  const departments = useDepartments();
  const departmentName = useDepartmentName();
  const sectors = useMasterOptions('sectors');
  const districts = useMasterOptions('districts');
  const [draft, setDraft] = useState<Draft>({
    title: '',
    formKey: '',
    edition: '',
    departmentId: '',
    sector: '',
    districts: [],
  });
  const [checked, setChecked] = useState<Partial<Record<Field, string>>>({});
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) => setDraft((d) => ({ ...d, [key]: value }));

  const create = useMutation({
    mutationFn: (body: Record<string, unknown>) =>
      api.post<{ project: { id: string }; document: DocumentSummary }>('/api/projects', body),
    onSuccess: async (result) => {
      await queryClient.invalidateQueries({ queryKey: ['projects'] });
      await queryClient.invalidateQueries({ queryKey: ['documents'] });
      navigate(`/documents/${result.document.id}`);
    },
  });
  const fromServer = fieldErrorsOf(create.error, FIELDS);
  // A preparer of one department may start projects only for it: the server's 403 says so.
  if (create.error instanceof ApiError && create.error.status === 403 && /department/i.test(create.error.message))
    fromServer.departmentId = t('projects.newOwnDepartment');
  const errors = { ...fromServer, ...checked };
  const rest =
    create.error instanceof ApiError && create.error.status === 400
      ? otherMessages(create.error, fromServer)
      : create.error && !fromServer.departmentId
        ? [errorText(create.error)]
        : [];

  const startingForms = (forms.data ?? [])
    .filter((f) => (STARTING_FORMS as readonly string[]).includes(f.key))
    .sort(
      (a, b) =>
        STARTING_FORMS.indexOf(a.key as (typeof STARTING_FORMS)[number]) -
        STARTING_FORMS.indexOf(b.key as (typeof STARTING_FORMS)[number]),
    );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<Field, string>> = {};
    if (!draft.title.trim()) found.title = t('projects.field.titleRequired');
    if (!draft.formKey) found.formKey = t('projects.field.formRequired');
    setChecked(found);
    if (Object.keys(found).length) return;
    create.reset();
    create.mutate({
      title: draft.title.trim(),
      formKey: draft.formKey,
      ...(draft.edition ? { edition: draft.edition } : {}),
      ...(draft.departmentId ? { departmentId: draft.departmentId } : {}),
      ...(draft.sector ? { sector: draft.sector } : {}),
      ...(draft.districts.length ? { districts: draft.districts } : {}),
    });
  };

  // Optional fields say so in their description rather than required ones carrying asterisks:
  // the labels stay the plain words people (and tests) look for.
  return (
    <Card withBorder radius="md" padding="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap={4}>
          <Text size="sm" mb="sm">
            {t('projects.newIntro')}
          </Text>
          <TextInput
            className="field"
            label={t('projects.field.title')}
            description={t('projects.field.titleHelp')}
            required
            withAsterisk={false}
            maxLength={300}
            value={draft.title}
            onChange={(e) => set('title', e.currentTarget.value)}
            error={errors.title}
          />
          <NativeSelect
            className="field"
            label={t('projects.field.form')}
            description={t('projects.field.formHelp')}
            required
            withAsterisk={false}
            value={draft.formKey}
            onChange={(e) => {
              set('formKey', e.currentTarget.value);
              set('edition', '');
            }}
            error={errors.formKey ?? (forms.error ? errorText(forms.error) : undefined)}
            data={[
              { value: '', label: forms.isPending ? t('common.loading') : t('projects.field.formChoose') },
              ...startingForms.map((f) => ({ value: f.key, label: f.title })),
            ]}
          />
          <EditionField
            proforma={draft.formKey}
            value={draft.edition}
            onChange={(edition) => set('edition', edition)}
            error={errors.edition}
          />
          {me?.departmentId ? (
            <Text size="sm" className="field">
              {t('projects.field.department')}: {departmentName(me.departmentId, me.departmentName)}
            </Text>
          ) : (
            <NativeSelect
              className="field"
              label={t('projects.field.department')}
              description={t('projects.field.optional')}
              value={draft.departmentId}
              onChange={(e) => set('departmentId', e.currentTarget.value)}
              error={errors.departmentId}
              data={[
                { value: '', label: t('projects.field.notChosen') },
                ...(departments.data ?? []).map((d) => ({
                  value: d.id,
                  label: (locale === 'ur' && d.nameUr) || d.name,
                })),
              ]}
            />
          )}
          <NativeSelect
            className="field"
            label={t('projects.field.sector')}
            description={t('projects.field.optional')}
            value={draft.sector}
            onChange={(e) => set('sector', e.currentTarget.value)}
            error={errors.sector}
            data={[{ value: '', label: t('projects.field.notChosen') }, ...sectors]}
          />
          <MultiSelect
            className="field"
            label={t('projects.field.districts')}
            description={t('projects.field.districtsHelp')}
            searchable
            clearable
            hidePickedOptions
            nothingFoundMessage={t('projects.field.noDistrict')}
            value={draft.districts}
            onChange={(value) => set('districts', value)}
            error={errors.districts}
            data={districts}
            comboboxProps={{ withinPortal: true }}
            clearButtonProps={{ 'aria-label': t('projects.field.clearDistricts') }}
          />
          <Group mt="md" gap="sm">
            <Button type="submit" loading={create.isPending}>
              {t('projects.create')}
            </Button>
            <Button component={Link} to="/projects" variant="default">
              {t('common.cancel')}
            </Button>
          </Group>
          {rest.length ? (
            <Alert color="red" role="alert" mt="sm">
              {rest.join(' ')}
            </Alert>
          ) : null}
        </Stack>
      </form>
    </Card>
  );
}
