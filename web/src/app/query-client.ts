import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { authKeys } from '../features/auth/auth.api';
import { isApiError } from '../lib/api';

declare module '@tanstack/react-query' {
  interface Register {
    mutationMeta: { expectsUnauthenticated?: boolean };
  }
}

/**
 * A 401 from any request may mean the session has ended: check GET /me again. When it is really gone,
 * the session becomes null and the signed-in routes send the user to /login, keeping the intended path.
 */
function onUnauthenticated(error: unknown, expected = false): void {
  if (expected || !isApiError(error) || error.status !== 401) return;
  void queryClient.invalidateQueries({ queryKey: authKeys.session });
}

export const queryClient: QueryClient = new QueryClient({
  queryCache: new QueryCache({ onError: (error) => onUnauthenticated(error) }),
  mutationCache: new MutationCache({
    onError: (error, _vars, _ctx, mutation) => onUnauthenticated(error, mutation.meta?.expectsUnauthenticated === true),
  }),
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // Client errors (4xx) will not change on retry; network and server errors might.
      retry: (count, error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && count < 2,
    },
  },
});
