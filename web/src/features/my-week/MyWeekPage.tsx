import { useTranslation } from 'react-i18next';
import { ComingSoon } from '../../components/ComingSoon';

/** Placeholder until the feature lands in a later release. */
export default function MyWeekPage() {
  const { t } = useTranslation();
  return <ComingSoon title={t('nav.myWeek')} description={t('placeholder.myWeek')} testId="placeholder-my-week" />;
}
