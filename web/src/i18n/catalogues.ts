// The UI catalogues: one file per namespace under catalogues/, each holding zh-CN and en side by side,
// so a feature adds its own file instead of editing one shared catalogue.
import absences from './catalogues/absences.json';
import account from './catalogues/account.json';
import album from './catalogues/album.json';
import app from './catalogues/app.json';
import assessment from './catalogues/assessment.json';
import audit from './catalogues/audit.json';
import auth from './catalogues/auth.json';
import calendar from './catalogues/calendar.json';
import common from './catalogues/common.json';
import department from './catalogues/department.json';
import departments from './catalogues/departments.json';
import errors from './catalogues/errors.json';
import evaluation from './catalogues/evaluation.json';
import holidayNotice from './catalogues/holidayNotice.json';
import importing from './catalogues/import.json';
import integrations from './catalogues/integrations.json';
import language from './catalogues/language.json';
import myScore from './catalogues/myScore.json';
import myWeek from './catalogues/myWeek.json';
import nav from './catalogues/nav.json';
import notifications from './catalogues/notifications.json';
import objections from './catalogues/objections.json';
import people from './catalogues/people.json';
import person from './catalogues/person.json';
import placeholder from './catalogues/placeholder.json';
import preferences from './catalogues/preferences.json';
import report from './catalogues/report.json';
import result from './catalogues/result.json';
import roles from './catalogues/roles.json';
import scheduler from './catalogues/scheduler.json';
import search from './catalogues/search.json';
import settings from './catalogues/settings.json';
import setup from './catalogues/setup.json';
import toRead from './catalogues/toRead.json';
import userMenu from './catalogues/userMenu.json';
import users from './catalogues/users.json';
import validation from './catalogues/validation.json';
import wall from './catalogues/wall.json';
import wordExport from './catalogues/wordExport.json';

const namespaces = {
  app,
  language,
  nav,
  userMenu,
  common,
  roles,
  errors,
  validation,
  result,
  auth,
  setup,
  placeholder,
  account,
  departments,
  users,
  import: importing,
  audit,
  people,
  report,
  wall,
  department,
  myWeek,
  settings,
  calendar,
  holidayNotice,
  absences,
  evaluation,
  notifications,
  toRead,
  assessment,
  myScore,
  album,
  wordExport,
  person,
  objections,
  integrations,
  scheduler,
  preferences,
  search,
};

type Namespaces = typeof namespaces;
export type CatalogueLanguage = 'zh-CN' | 'en';
type Catalogue<L extends CatalogueLanguage> = { [K in keyof Namespaces]: Namespaces[K][L] };

function catalogue<L extends CatalogueLanguage>(lng: L): Catalogue<L> {
  return Object.fromEntries(Object.entries(namespaces).map(([k, v]) => [k, v[lng]])) as Catalogue<L>;
}

/** The Chinese catalogue (the default language; its keys type-check every t('key')). */
export const zhCN = catalogue('zh-CN');
/** The English catalogue. */
export const en = catalogue('en');
