import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { FullPageSpin } from '../components/FullPageSpin';
import { ForbiddenResult } from '../components/ResultPages';
import { CurrentUserContext, useCurrentUser, useSession, wasSignedOutByUser } from '../features/auth/auth.api';
import { useErrorText } from '../lib/errors';
import type { AccessRule } from '../lib/roles';
import { homePath } from './nav';

/** Renders the signed-in routes, or sends the visitor to /login keeping where they wanted to go. */
export function RequireSession() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const session = useSession();
  const location = useLocation();

  if (session.data) {
    return (
      <CurrentUserContext.Provider value={session.data.user}>
        <Outlet />
      </CurrentUserContext.Provider>
    );
  }
  if (session.isPending) return <FullPageSpin minHeight="100vh" />;
  if (session.isError) {
    return (
      <Result
        status="error"
        title={t('result.loadFailed')}
        subTitle={errorText(session.error)}
        extra={<Button onClick={() => void session.refetch()}>{t('common.retry')}</Button>}
      />
    );
  }
  const next = `${location.pathname}${location.search}`;
  const plain = next === '/' || wasSignedOutByUser();
  return <Navigate to={plain ? '/login' : `/login?next=${encodeURIComponent(next)}`} replace />;
}

/** Shows the page only to users the rule allows; a direct visit by anyone else gets a 403 page. */
export function RoleGate({ allow, children }: { allow: AccessRule; children: ReactNode }) {
  const user = useCurrentUser();
  return allow(user) ? children : <ForbiddenResult />;
}

/** `/` leads to the first page the user's roles open. */
export function HomeRedirect() {
  const user = useCurrentUser();
  return <Navigate to={homePath(user)} replace />;
}

/** Where a signed-in user goes after login: `next` when it is a safe local path, else home. */
export function safeNextPath(next: string | null): string {
  return next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/';
}
