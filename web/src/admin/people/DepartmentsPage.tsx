import { Title } from '@mantine/core';
import { useI18n } from '../../i18n/i18n';

/* Placeholder while the screen is built; replaced in this issue. */
export default function DepartmentsPage() {
  const { t } = useI18n();
  return <Title order={1} data-testid="departments-page">{t('admin.nav.departments')}</Title>;
}
