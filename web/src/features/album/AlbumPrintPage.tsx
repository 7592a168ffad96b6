import { Alert, Spin } from 'antd';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { LoadErrorResult, NotFoundResult } from '../../components/ResultPages';
import { rememberLanguage, storedLanguage } from '../../i18n';
import { isApiError } from '../../lib/api';
import { useErrorText } from '../../lib/errors';
import { useCurrentUser } from '../auth/auth.api';
import { useSettings } from '../settings/settings.api';
import { useCurrentWeek } from '../wall/wall.api';
import { AlbumDocument } from './AlbumDocument';
import { AlbumToolbar } from './AlbumToolbar';
import { albumDocxUrl, useAlbum } from './album.api';
import { effectiveRange, isAcceptedRange, rangeFromSearch } from './album-range';
import './album-print.css';

/**
 * The account's language (else the organisation's), as the app frame applies it: this page stands
 * alone, outside the frame, and may be the first one opened.
 */
function useAccountLanguage() {
  const { i18n } = useTranslation();
  const user = useCurrentUser();
  const orgLocale = useSettings().data?.locale;
  useEffect(() => {
    const preferred = user.locale ?? (storedLanguage() ? null : orgLocale);
    if (!preferred || preferred === i18n.language) return;
    if (user.locale) rememberLanguage(user.locale);
    void i18n.changeLanguage(preferred);
  }, [user.locale, orgLocale, i18n]);
}

/**
 * The printable growth album of a person (`/people/:id/album?from=&to=`): no app frame, A4 print
 * styles with a page per month, and a screen-only toolbar to change the period, print, or download
 * the same album as a Word document.
 */
export default function AlbumPrintPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  useAccountLanguage();
  const { id = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const range = rangeFromSearch(search);
  const current = useCurrentWeek();
  const album = useAlbum(id, range);
  const data = album.data;
  const name = data?.person.displayName;

  useEffect(() => {
    // The title names the file when the page is saved as PDF.
    document.title = name ? `${t('album.pageTitle', { name })} ${data.from}–${data.to}` : t('album.title');
    return () => {
      document.title = t('app.documentTitle');
    };
  }, [name, data?.from, data?.to, t]);

  const shown = data ? { from: data.from, to: data.to } : current.data && effectiveRange(range, current.data.week);
  const requested = current.data && effectiveRange(range, current.data.week);
  const tooLong = requested !== undefined && !isAcceptedRange(requested.from, requested.to);
  const setRange = (r: { from: string; to: string }) => setSearch(new URLSearchParams(r), { replace: true });

  let body: React.ReactNode;
  if (album.isError && isApiError(album.error) && album.error.status === 404) {
    body = <NotFoundResult />;
  } else if (album.isError && !data) {
    body = tooLong ? (
      <Alert type="warning" showIcon title={t('album.tooLong')} className="album-alert" data-testid="album-too-long" />
    ) : (
      <LoadErrorResult message={errorText(album.error)} onRetry={() => void album.refetch()} />
    );
  } else if (!data) {
    body = (
      <div className="album-loading">
        <Spin size="large" />
      </div>
    );
  } else {
    body = <AlbumDocument album={data} />;
  }

  return (
    <div className="album-screen" data-testid="album-page" aria-busy={album.isFetching}>
      {shown && (
        <AlbumToolbar
          userId={id}
          title={name ? t('album.pageTitle', { name }) : t('album.title')}
          from={shown.from}
          to={shown.to}
          currentWeek={current.data?.week}
          docxUrl={albumDocxUrl(id, range)}
          onRange={setRange}
        />
      )}
      <p className="album-hint">{t('album.printHint')}</p>
      {body}
    </div>
  );
}
