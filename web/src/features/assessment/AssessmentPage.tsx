import { useTranslation } from 'react-i18next';
import { ComingSoon } from '../../components/ComingSoon';

/** Placeholder until the feature lands in a later release. */
export default function AssessmentPage() {
  const { t } = useTranslation();
  return <ComingSoon title={t('nav.assessment')} description={t('placeholder.assessment')} testId="placeholder-assessment" />;
}
