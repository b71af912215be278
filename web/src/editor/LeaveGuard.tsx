import { Button, Group, Modal, Text } from '@mantine/core';
import { memo, useEffect, useState } from 'react';
import { useBlocker } from 'react-router';
import { useI18n } from '../i18n/i18n';

/*
 * Leaving the document inside the app with unsaved changes saves them first; only if that fails
 * does it ask whether to leave anyway. (Closing or reloading the tab is warned by beforeunload.)
 */
export const LeaveGuard = memo(function LeaveGuard({ unsaved, save }: { unsaved: boolean; save(): Promise<boolean> }) {
  const { t } = useI18n();
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => unsaved && currentLocation.pathname !== nextLocation.pathname,
  );
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    if (blocker.state !== 'blocked') return;
    let cancelled = false;
    void save().then((ok) => {
      if (cancelled) return;
      if (ok) blocker.proceed();
      else setFailed(true);
    });
    return () => {
      cancelled = true;
    };
    // Once per blocked navigation.
  }, [blocker.state]);

  const stay = () => {
    setFailed(false);
    if (blocker.state === 'blocked') blocker.reset();
  };
  const leave = () => {
    setFailed(false);
    if (blocker.state === 'blocked') blocker.proceed();
  };

  return (
    <Modal
      opened={failed && blocker.state === 'blocked'}
      onClose={stay}
      title={t('editor.leaveTitle')}
      centered
      classNames={{ content: 'editor-modal' }}
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <Text size="sm">{t('editor.leaveText')}</Text>
      <Group justify="flex-end" gap="xs" mt="md">
        <Button variant="default" onClick={leave}>
          {t('editor.leaveAnyway')}
        </Button>
        <Button onClick={stay} data-autofocus>
          {t('editor.stay')}
        </Button>
      </Group>
    </Modal>
  );
});
