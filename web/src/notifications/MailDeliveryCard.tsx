import { useEffect, useState } from 'react';
import { Me } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { ChoiceCard, useMeChange } from '../pages/profile/profileCard';

type MailDelivery = NonNullable<Me['mailDelivery']>;

/** The profile's email choice: each message at once, or one summary a day (PATCH /api/me). */
export function MailDeliveryCard({ me }: { me: Me }) {
  const { t } = useI18n();
  const [choice, setChoice] = useState<MailDelivery>(me.mailDelivery ?? 'immediate');
  useEffect(() => setChoice(me.mailDelivery ?? 'immediate'), [me.mailDelivery]);
  const change = useMeChange((next: MailDelivery) => ({ mailDelivery: next }));
  return (
    <ChoiceCard
      id="profile-mail"
      title={t('notifications.mail.title')}
      label={t('notifications.mail.label')}
      description={t('notifications.mail.description')}
      name="mailDelivery"
      options={[
        { value: 'immediate', label: t('notifications.mail.immediate') },
        { value: 'digest', label: t('notifications.mail.digest') },
      ]}
      value={choice}
      onChange={setChoice}
      change={change}
      saveLabel={t('notifications.mail.save')}
      savedText={t('notifications.mail.saved')}
      unchanged={choice === (me.mailDelivery ?? 'immediate')}
    />
  );
}
