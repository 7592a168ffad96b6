import { useTranslation } from 'react-i18next';
import { ComingSoon } from '../../components/ComingSoon';

/** Placeholder until the feature lands in a later release. */
export default function DepartmentPage() {
  const { t } = useTranslation();
  return <ComingSoon title={t('nav.department')} description={t('placeholder.department')} testId="placeholder-department" />;
}
