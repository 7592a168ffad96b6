import { ITEM_KINDS, type TAlbum, type TAlbumWeek, type TReportItem } from '@zhoubao/contracts';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../lib/format';
import { useWeekLabel } from '../wall/WeekPicker';
import { weekRange } from '../wall/week-id';

const anchorOf = (month: string) => `album-${month}`;

/** Formats dates with the UI language's patterns (`2026年3月6日` / `6 March 2026`). */
function useDates() {
  const { t } = useTranslation();
  return {
    date: (d: string) => dayjs(d).format(t('album.dateFormat')),
    short: (d: string) => dayjs(d).format(t('album.shortDateFormat')),
    month: (m: string) => dayjs(`${m}-01`).format(t('album.monthFormat')),
  };
}

function Cover({ album }: { album: TAlbum }) {
  const { t } = useTranslation();
  const weekLabel = useWeekLabel();
  const dates = useDates();
  const p = album.person;
  const rows: [string, string][] = [
    [t('album.name'), p.displayName],
    [t('album.department'), p.departmentName ?? '—'],
    [t('album.jobTitle'), p.title || '—'],
    [
      t('album.period'),
      t('album.periodText', {
        from: weekLabel(album.from),
        to: weekLabel(album.to),
        start: dates.date(weekRange(album.from).start),
        end: dates.date(weekRange(album.to).end),
      }),
    ],
    [t('album.generated'), dates.date(album.generatedAt)],
  ];
  return (
    <section className="album-cover" data-testid="album-cover">
      {album.orgName && <div className="album-org">{album.orgName}</div>}
      <h1 className="album-title">{t('album.title')}</h1>
      <div className="album-subtitle">{t('album.subtitle')}</div>
      <dl className="album-facts">
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <p className="album-stats" data-testid="album-stats">
        {t('album.stats', album.stats)}
      </p>
    </section>
  );
}

function Contents({ album }: { album: TAlbum }) {
  const { t } = useTranslation();
  const dates = useDates();
  return (
    <nav className="album-contents" data-testid="album-contents" aria-label={t('album.contents')}>
      <h2>{t('album.contents')}</h2>
      {album.months.length === 0 ? (
        <p data-testid="album-empty">{t('album.noWeeks')}</p>
      ) : (
        <ol>
          {album.months.map((m) => (
            <li key={m.month}>
              <a href={`#${anchorOf(m.month)}`}>{dates.month(m.month)}</a>
              <span className="album-leader" aria-hidden />
              <span>{t('album.monthWeeks', { n: m.weeks.length })}</span>
            </li>
          ))}
        </ol>
      )}
    </nav>
  );
}

function Item({ item, n }: { item: TReportItem; n: number }) {
  const { t } = useTranslation();
  return (
    <li className="album-item" data-testid="album-item" value={n}>
      <div>
        {item.category && <span className="album-category">{t('album.category', { c: item.category })}</span>}
        <span className="album-content">{item.content}</span>
        {item.visibility === 'restricted' && <span className="album-restricted">{t('album.restrictedMark')}</span>}
      </div>
      {item.outcome && (
        <div className="album-detail">
          <b>
            {t('report.outcome')}
            {t('report.colon')}
          </b>
          {item.outcome}
        </div>
      )}
      {item.tags.length > 0 && (
        <div className="album-detail">
          <b>
            {t('album.tags')}
            {t('report.colon')}
          </b>
          {item.tags.map((tag) => `#${tag}`).join('  ')}
        </div>
      )}
    </li>
  );
}

function Week({ week: w }: { week: TAlbumWeek }) {
  const { t } = useTranslation();
  const weekLabel = useWeekLabel();
  const dates = useDates();
  return (
    <article className="album-week" data-testid="album-week" data-week={w.week}>
      <h3>{t('album.weekTitle', { week: weekLabel(w.week), start: dates.short(w.start), end: dates.short(w.end) })}</h3>
      <div className="album-meta">
        <span className={w.status === 'late' ? 'album-late' : 'album-ontime'}>
          {w.status === 'late' ? t('report.late') : t('report.onTime')}
        </span>
        {w.submittedAt && <span>{t('report.submittedAt', { time: formatDateTime(w.submittedAt) })}</span>}
      </div>
      {w.grade && (
        <div className="album-meta" data-testid="album-grade">
          {t('album.grade', { grade: w.grade.grade, by: w.grade.byName })}
          {w.grade.note && ` ${t('album.gradeNote', { note: w.grade.note })}`}
        </div>
      )}
      {w.summary.trim() && (
        <p className="album-summary">
          <b>
            {t('album.summary')}
            {t('report.colon')}
          </b>
          {w.summary}
        </p>
      )}
      {w.items.length === 0 && <p className="album-muted">{t('album.noItems')}</p>}
      {ITEM_KINDS.map((kind) => {
        const items = w.items.filter((i) => i.kind === kind);
        if (items.length === 0) return null;
        return (
          <section key={kind} className="album-kind" data-kind={kind}>
            <h4>{t(`report.kind.${kind}`)}</h4>
            <ol>
              {items.map((item, n) => (
                <Item key={item.id} item={item} n={n + 1} />
              ))}
            </ol>
          </section>
        );
      })}
      {w.feedback.length > 0 && (
        <section className="album-feedback" data-testid="album-feedback">
          <h4>{t('album.feedbackTitle')}</h4>
          {w.feedback.map((f) => (
            <div key={f.id} className="album-feedback-entry">
              <div className="album-feedback-meta">
                {f.authorName} · {t(`album.feedbackKind.${f.kind}`)} · {dates.date(f.createdAt)}
              </div>
              <div className="album-feedback-body">{f.body}</div>
            </div>
          ))}
        </section>
      )}
    </article>
  );
}

/** The album as paper: a cover page, the contents by month, then each month on a new page. */
export function AlbumDocument({ album }: { album: TAlbum }) {
  const dates = useDates();
  return (
    <div className="album-paper" data-testid="album-document">
      <Cover album={album} />
      <Contents album={album} />
      {album.months.map((m) => (
        <section key={m.month} className="album-month" id={anchorOf(m.month)} data-testid="album-month" data-month={m.month}>
          <h2>{dates.month(m.month)}</h2>
          {m.weeks.map((w) => (
            <Week key={w.week} week={w} />
          ))}
        </section>
      ))}
    </div>
  );
}
