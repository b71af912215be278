import { Alert, Badge, Button, Card, Group, NativeSelect, Stack, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { api } from '../api/client';
import { useSession } from '../auth/session';
import { Ltr } from '../components/Ltr';
import { QueryState, useErrorText } from '../components/QueryState';
import { useI18n } from '../i18n/i18n';
import { currentEdition, ProformaEditions, useEditions } from './editions';

/*
 * /admin/editions — which proforma edition the province's new projects start on (PUT
 * /api/forms/editions/:proforma). Documents already made keep the edition they were made on;
 * preparers can still choose an older edition for the documents of older projects.
 */

/** Who chooses: those who customise the province's forms (tenant admins). */
export const EDITIONS_PERMISSION = 'forms.customise' as const;

export default function EditionsPage() {
  const { t } = useI18n();
  const session = useSession();
  const editions = useEditions();
  useDocumentTitle(`${t('editions.title')} · ${t('app.name')}`);
  return (
    <Stack gap="lg" maw={960} data-testid="editions-page">
      <Title order={1}>{t('editions.title')}</Title>
      {session.can(EDITIONS_PERMISSION) ? (
        <>
          <Text size="sm">{t('editions.intro')}</Text>
          <QueryState query={editions}>
            {() => (
              <Stack gap="md">
                {editions
                  .data!.filter((p) => p.editions.length > 1)
                  .map((p) => (
                    <ProformaCard key={p.proforma} proforma={p} />
                  ))}
              </Stack>
            )}
          </QueryState>
        </>
      ) : (
        <Alert color="gray" role="alert">
          {t('editions.notAllowed')}
        </Alert>
      )}
    </Stack>
  );
}

function ProformaCard({ proforma }: { proforma: ProformaEditions }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const queryClient = useQueryClient();
  const current = currentEdition(proforma);
  const [chosen, setChosen] = useState(proforma.current);
  const choose = useMutation({
    mutationFn: (formKey: string) =>
      api.put(`/api/forms/editions/${encodeURIComponent(proforma.proforma)}`, { formKey }),
    onSuccess: async () => {
      notifications.show({ color: 'green', message: t('editions.saved', { title: proforma.title }) });
      await queryClient.invalidateQueries({ queryKey: ['form-editions'] });
    },
  });
  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      component="section"
      aria-labelledby={`edition-${proforma.proforma}`}
      data-proforma={proforma.proforma}
    >
      <Group justify="space-between" wrap="wrap" mb="xs">
        <Title order={2} size="h4" id={`edition-${proforma.proforma}`}>
          {proforma.title}
        </Title>
        <Badge variant="light" color={proforma.chosen ? 'green' : 'gray'} style={{ textTransform: 'none' }}>
          {proforma.chosen ? t('editions.chosenByProvince') : t('editions.defaultNewest')}
        </Badge>
      </Group>
      <Group align="flex-end" gap="sm" wrap="wrap">
        <NativeSelect
          label={t('editions.newProjectsStartOn')}
          value={chosen}
          onChange={(e) => setChosen(e.currentTarget.value)}
          data={proforma.editions.map((e) => ({
            value: e.key,
            label: e.installed ? e.label : t('editions.notInstalled', { label: e.label }),
            disabled: !e.installed,
          }))}
          style={{ flex: '1 1 320px' }}
          error={choose.error ? errorText(choose.error) : undefined}
        />
        <Button onClick={() => choose.mutate(chosen)} loading={choose.isPending} disabled={chosen === current?.key}>
          {t('common.save')}
        </Button>
      </Group>
      <Stack gap={2} mt="sm">
        {proforma.editions.map((e) => (
          <Text key={e.key} size="xs" c="dimmed">
            <Ltr>{e.edition}</Ltr>: {e.source ? <bdi lang="en">{e.source}</bdi> : null}
          </Text>
        ))}
      </Stack>
    </Card>
  );
}
