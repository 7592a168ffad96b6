import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { TLoginRequest, TSessionResponse, TUser } from '@zhoubao/contracts';
import { createContext, useContext } from 'react';
import { api, isApiError, setCsrfToken } from '../../lib/api';
import { adoptPickedLanguage } from './locale';

export const authKeys = {
  session: ['auth', 'session'] as const,
};

/** GET /me, with "not signed in" as null rather than an error. */
export async function fetchSession(): Promise<TSessionResponse | null> {
  try {
    return await api.get<TSessionResponse>('/me');
  } catch (e) {
    if (isApiError(e) && e.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw e;
  }
}

/** The signed-in session (null when signed out). */
export function useSession() {
  return useQuery({
    queryKey: authKeys.session,
    queryFn: fetchSession,
    staleTime: 5 * 60_000,
    retry: (count, e) => !(isApiError(e) && e.status < 500) && count < 2,
  });
}

/**
 * The signed-in user, provided by the signed-in routes (RequireSession). Read from context rather than
 * the query so that components never see the user vanish mid-render while signing out.
 */
export const CurrentUserContext = createContext<TUser | null>(null);

export function useCurrentUser(): TUser {
  const user = useContext(CurrentUserContext);
  if (!user) throw new Error('useCurrentUser outside a signed-in route');
  return user;
}

// Set by an explicit sign-out, so that /login is not given the page to come back to: the next person
// to sign in on this browser starts at their own home page. Cleared by the next sign-in.
let signedOutByUser = false;
export const wasSignedOutByUser = (): boolean => signedOutByUser;

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (body: TLoginRequest) => adoptPickedLanguage(await api.post<TSessionResponse>('/auth/login', body)),
    // A 401 here means wrong credentials, not an expired session.
    meta: { expectsUnauthenticated: true },
    onSuccess: (session) => {
      signedOutByUser = false;
      queryClient.setQueryData(authKeys.session, session);
    },
  });
}

/** Signs out; the signed-in routes then lead to /login. */
export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/auth/logout'),
    // Hook-level callbacks run even after the menu that started the sign-out has unmounted.
    onSettled: () => {
      signedOutByUser = true;
      setCsrfToken(null);
      queryClient.setQueryData(authKeys.session, null);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== authKeys.session[0] });
    },
  });
}
