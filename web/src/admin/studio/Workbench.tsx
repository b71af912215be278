import { Alert, Button, Grid, Group, List, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { Ltr } from '../../components/Ltr';
import { ErrorAlert, Loading, useErrorText } from '../../components/QueryState';
import { useI18n } from '../../i18n/i18n';
import { OverlayOperation, refusedConflicts, SavedOverlay, useDraftPreview, usePublish, useSaveOverlay } from './api';
import { FormPreview } from './FormPreview';
import { OperationEditor } from './OperationEditor';
import { OperationList } from './OperationList';
import { addressOf, targetsOf } from './operations';

/*
 * Customising one form: the draft's operations (composed, reordered, removed) with the server's
 * verdict on each, the live preview of the draft, and saving and publishing. The draft starts as
 * the saved overlay and follows it when it is saved (here, or elsewhere and reloaded).
 */

/** As the API's PublishFormRequest allows. */
const NOTES_MAX_LENGTH = 2000;

export function Workbench({ formKey, overlay }: { formKey: string; overlay: SavedOverlay }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [saved, setSaved] = useState(overlay);
  const [operations, setOperations] = useState<OverlayOperation[]>(overlay.operations);
  // The preview opens on the section of the draft's last change.
  const [focus, setFocus] = useState<string | null>(() => {
    const last = overlay.operations.at(-1);
    return last ? addressOf(last).split('.')[0] : null;
  });
  const [notes, setNotes] = useState('');
  // A newer saved overlay (this page's save, an upgrade): the draft starts again from it.
  if (overlay.revision !== saved.revision) {
    setSaved(overlay);
    setOperations(overlay.operations);
  }
  const draft = useMemo(() => ({ baseVersion: overlay.baseVersion, operations }), [overlay.baseVersion, operations]);
  const preview = useDraftPreview(formKey, draft);
  const save = useSaveOverlay(formKey);
  const publish = usePublish(formKey);

  const dirty = JSON.stringify(operations) !== JSON.stringify(overlay.operations);
  const { result, verdict, updating } = preview;
  const conflicts = verdict?.conflicts ?? [];
  const problems = verdict?.problems ?? [];
  const refused = conflicts.length > 0 || problems.length > 0 || !!verdict?.error;
  const compiled = result?.compiled;
  const items = useMemo(
    () => new Map((compiled ? targetsOf(compiled.definition) : []).map((i) => [i.address, i])),
    [compiled],
  );
  const saveConflicts = refusedConflicts(save.error);

  const change = (next: OverlayOperation[], about: OverlayOperation | undefined) => {
    setOperations(next);
    if (about) setFocus(addressOf(about).split('.')[0]);
    save.reset();
    publish.reset();
  };
  const onSave = () =>
    save.mutate(
      { overlay: draft, revision: overlay.revision },
      { onSuccess: () => notifications.show({ color: 'green', message: t('studio.saved') }) },
    );
  const status = dirty
    ? t('studio.publish.unsaved')
    : result?.unchangedFrom && !updating
      ? t('studio.publish.samePublished', { n: result.unchangedFrom })
      : t('studio.publish.savedNotPublished');
  const onPublish = async () => {
    if (dirty) await save.mutateAsync({ overlay: draft, revision: overlay.revision });
    const version = await publish.mutateAsync(notes);
    setNotes('');
    notifications.show({ color: 'green', message: t('studio.published', { n: version.number }) });
  };

  if (!compiled && verdict?.error) return <ErrorAlert error={verdict.error} onRetry={preview.retry} />;
  if (!compiled) return <Loading />;
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <Stack gap="md">
          <OperationEditor definition={compiled.definition} onAdd={(op) => change([...operations, op], op)} />
          <OperationList
            operations={operations}
            conflicts={conflicts}
            problems={problems}
            items={items}
            onRemove={(i) =>
              change(
                operations.filter((_, j) => j !== i),
                operations[i],
              )
            }
            onMove={(i, by) => {
              const next = [...operations];
              [next[i], next[i + by]] = [next[i + by], next[i]];
              change(next, operations[i]);
            }}
          />
          {result?.warnings.length ? (
            <Alert color="yellow" title={t('studio.warnings')}>
              <List size="xs">
                {result.warnings.map((w) => (
                  <List.Item key={w} lang="en" dir="ltr">
                    {w}
                  </List.Item>
                ))}
              </List>
            </Alert>
          ) : null}
          <Paper withBorder p="sm" radius="md" aria-labelledby="studio-publish-title" data-testid="studio-publish">
            <Stack gap="sm">
              <Title order={2} size="h4" id="studio-publish-title">
                {t('studio.publish.title')}
              </Title>
              <Text size="sm" role="status" data-testid="studio-draft-status" data-dirty={dirty}>
                {status}
              </Text>
              {verdict?.error ? <ErrorAlert error={verdict.error} onRetry={preview.retry} /> : null}
              {refused ? (
                <Alert color="red" role="alert" data-testid="studio-refused-summary">
                  {t('studio.publish.fixFirst')}
                </Alert>
              ) : null}
              <Textarea
                label={t('studio.publish.notes')}
                description={t('studio.publish.notesHelp')}
                autosize
                minRows={2}
                maxLength={NOTES_MAX_LENGTH}
                value={notes}
                onChange={(e) => setNotes(e.currentTarget.value)}
              />
              {save.error ? (
                <Alert color="red" role="alert">
                  {saveConflicts.length
                    ? t('studio.publish.saveRefused', { n: saveConflicts.length })
                    : errorText(save.error)}
                </Alert>
              ) : null}
              {publish.error ? (
                <Alert color="red" role="alert">
                  {errorText(publish.error)}
                </Alert>
              ) : null}
              <Group justify="flex-end" gap="sm">
                <Button
                  variant="default"
                  onClick={onSave}
                  disabled={!dirty || refused || updating}
                  loading={save.isPending}
                  data-testid="studio-save"
                >
                  {t('studio.publish.save')}
                </Button>
                <Button
                  onClick={() => void onPublish().catch(() => undefined)}
                  disabled={refused || updating || (!dirty && result?.unchangedFrom !== null)}
                  loading={publish.isPending || (save.isPending && dirty)}
                  data-testid="studio-publish-button"
                >
                  {t('studio.publish.publish')}
                </Button>
              </Group>
              <Text size="xs" c="dimmed">
                {t('studio.publish.hash')} <Ltr>{result?.contentHash.slice(0, 12)}</Ltr>
              </Text>
            </Stack>
          </Paper>
        </Stack>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <FormPreview preview={compiled} focusSection={focus} updating={updating} />
      </Grid.Col>
    </Grid>
  );
}
