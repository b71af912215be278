import { Alert, Badge, Group, SegmentedControl, Select, Stack, Tabs, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useSession } from '../../auth/session';
import { Ltr } from '../../components/Ltr';
import { QueryState } from '../../components/QueryState';
import { useI18n } from '../../i18n/i18n';
import { StudioForm, useOverlay, useStudioForms } from './api';
import { HistoryPanel } from './HistoryPanel';
import { UpgradePanel } from './UpgradePanel';
import { Workbench } from './Workbench';

/*
 * /admin/forms[/:formKey] — the form studio: a province admin customises a Planning Commission
 * form with an overlay (src/forms/overlay.ts) through ordinary inputs, sees the draft as a
 * preparer will, publishes it with notes, compares versions and moves to a newer base form.
 */

export const STUDIO_PERMISSION = 'forms.customise' as const;
const TABS = ['customise', 'history', 'upgrade'] as const;
type Tab = (typeof TABS)[number];

export default function FormStudioPage() {
  const { t } = useI18n();
  const session = useSession();
  const { formKey } = useParams();
  useDocumentTitle(`${t('studio.title')} · ${t('app.name')}`);
  return (
    <Stack gap="md" data-testid="form-studio-page">
      <Title order={1}>{t('studio.title')}</Title>
      {session.can(STUDIO_PERMISSION) ? (
        <Studio formKey={formKey} />
      ) : (
        <Alert color="gray" role="alert">
          {t('studio.notAllowed')}
        </Alert>
      )}
    </Stack>
  );
}

function Studio({ formKey }: { formKey: string | undefined }) {
  const { t } = useI18n();
  const forms = useStudioForms();
  return (
    <QueryState query={forms}>
      {() => {
        const form = forms.data!.find((f) => f.key === formKey);
        return (
          <>
            <FormPicker forms={forms.data!} current={form} />
            {formKey && !form ? (
              <Alert color="red" role="alert">
                {t('studio.unknownForm')}
              </Alert>
            ) : null}
            {form ? <FormArea form={form} /> : <Text size="sm">{t('studio.intro')}</Text>}
          </>
        );
      }}
    </QueryState>
  );
}

/** A proforma, then its edition (each edition is its own form with its own overlay and versions). */
function FormPicker({ forms, current }: { forms: StudioForm[]; current: StudioForm | undefined }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const proformae = [...new Set(forms.map((f) => f.proforma))];
  const titleOf = (p: string) => (forms.find((f) => f.key === p) ?? forms.find((f) => f.proforma === p))!.title;
  const editions = current ? forms.filter((f) => f.proforma === current.proforma) : [];
  const open = (key: string) => navigate(`/admin/forms/${encodeURIComponent(key)}`);
  return (
    <Group align="flex-end" gap="md" wrap="wrap">
      <Select
        label={t('studio.chooseForm')}
        placeholder={t('studio.chooseFormPlaceholder')}
        data={proformae.map((p) => ({ value: p, label: titleOf(p) }))}
        value={current?.proforma ?? null}
        onChange={(p) => p && open(p)}
        allowDeselect={false}
        style={{ flex: '1 1 360px', maxWidth: 520 }}
        data-testid="studio-form-select"
      />
      {editions.length > 1 ? (
        <Stack gap={4}>
          <Text size="sm" fw={500} id="studio-edition-label">
            {t('studio.edition')}
          </Text>
          <SegmentedControl
            aria-labelledby="studio-edition-label"
            value={current!.key}
            onChange={open}
            data={editions.map((e) => ({ value: e.key, label: e.edition.label }))}
          />
        </Stack>
      ) : null}
    </Group>
  );
}

function FormArea({ form }: { form: StudioForm }) {
  const { t } = useI18n();
  const overlay = useOverlay(form.key);
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab') ?? '';
  const tab: Tab = (TABS as readonly string[]).includes(asked) ? (asked as Tab) : 'customise';
  const choose = (v: string | null) => setParams(v && v !== 'customise' ? { tab: v } : {}, { replace: true });
  return (
    <Stack gap="sm">
      <Group gap="xs" wrap="wrap">
        <Text size="sm" fw={500}>
          {form.title} · {form.edition.label}
        </Text>
        {form.currentVersion ? (
          <Badge variant="light" tt="none" data-testid="studio-current-version">
            {t('studio.currentVersion')} <Ltr>{form.currentVersion.number}</Ltr>
          </Badge>
        ) : null}
        <Badge variant="outline" tt="none">
          {t('studio.baseForm')} <Ltr>{form.currentVersion?.baseVersion ?? form.latestBaseVersion}</Ltr>
        </Badge>
        {form.upgradeAvailable ? (
          <Badge color="orange" variant="light" tt="none">
            {t('studio.upgradeAvailable')} <Ltr>{form.latestBaseVersion}</Ltr>
          </Badge>
        ) : null}
      </Group>
      <Tabs value={tab} onChange={choose} keepMounted={false}>
        <Tabs.List>
          <Tabs.Tab value="customise">{t('studio.tab.customise')}</Tabs.Tab>
          <Tabs.Tab value="history">{t('studio.tab.history')}</Tabs.Tab>
          <Tabs.Tab value="upgrade">{t('studio.tab.upgrade')}</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="customise" pt="md">
          <QueryState query={overlay}>{() => <Workbench formKey={form.key} overlay={overlay.data!} />}</QueryState>
        </Tabs.Panel>
        <Tabs.Panel value="history" pt="md">
          <HistoryPanel formKey={form.key} />
        </Tabs.Panel>
        <Tabs.Panel value="upgrade" pt="md">
          <QueryState query={overlay}>{() => <UpgradePanel formKey={form.key} overlay={overlay.data!} />}</QueryState>
        </Tabs.Panel>
      </Tabs>
    </Stack>
  );
}
