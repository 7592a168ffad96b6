import { useTranslation } from 'react-i18next';
import { ComingSoon } from '../../components/ComingSoon';

/** Placeholder until the feature lands in a later release. */
export default function WallPage() {
  const { t } = useTranslation();
  return <ComingSoon title={t('nav.wall')} description={t('placeholder.wall')} testId="placeholder-wall" />;
}
