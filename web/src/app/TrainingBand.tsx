import { Text } from '@mantine/core';
import { useSession } from '../auth/session';
import { useI18n } from '../i18n/i18n';

/**
 * On every screen of a training sandbox: a band no one can mistake for the live province. Fixed
 * to the bottom of the window, so it shows whatever the page scrolls to and shifts no layout.
 */
export function TrainingBand() {
  const { t } = useI18n();
  const training = useSession().tenant?.training;
  if (!training) return null;
  return (
    <div className="training-band" role="status" data-testid="training-band">
      <Text fw={700} size="sm" span>
        {t('training.band', { live: training.liveSlug })}
      </Text>
    </div>
  );
}
