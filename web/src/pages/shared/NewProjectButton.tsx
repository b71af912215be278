import { Button } from '@mantine/core';
import { Link } from 'react-router';
import { useSession } from '../../auth/session';
import { useI18n } from '../../i18n/i18n';

/** "New project", for those who may prepare one (nothing for the others). */
export function NewProjectButton() {
  const { t } = useI18n();
  const session = useSession();
  return session.can('projects.prepare') ? (
    <Button component={Link} to="/projects/new">
      {t('projects.new')}
    </Button>
  ) : null;
}
