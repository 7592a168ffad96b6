import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { TAlbum } from '@zhoubao/contracts';
import { API_BASE, api, isApiError } from '../../lib/api';
import type { AlbumRange } from './album-range';

export const albumKeys = {
  all: ['album'] as const,
  of: (userId: string, range: AlbumRange) => ['album', userId, range.from ?? '', range.to ?? ''] as const,
};

const query = (range: AlbumRange) => ({ from: range.from, to: range.to });

/** A person's growth album over a period, as the caller may see it. */
export function useAlbum(userId: string, range: AlbumRange) {
  return useQuery({
    queryKey: albumKeys.of(userId, range),
    queryFn: ({ signal }) => api.get<TAlbum>(`/users/${encodeURIComponent(userId)}/album`, query(range), signal),
    retry: (count, e) => !(isApiError(e) && e.status < 500) && count < 2,
    // Changing the period keeps the album on screen until the next one arrives.
    placeholderData: keepPreviousData,
  });
}

/** The address of the album's Word document (a plain download: the session cookie authenticates it). */
export function albumDocxUrl(userId: string, range: AlbumRange): string {
  const params = new URLSearchParams({ format: 'docx' });
  if (range.from) params.set('from', range.from);
  if (range.to) params.set('to', range.to);
  return `${API_BASE}/users/${encodeURIComponent(userId)}/album?${params.toString()}`;
}

/** The address of a published bulletin's Word document. */
export const bulletinDocxUrl = (departmentId: string, week: string, version?: number | null): string =>
  `${API_BASE}/departments/${encodeURIComponent(departmentId)}/bulletins/${encodeURIComponent(week)}/export?format=docx${
    version ? `&version=${version}` : ''
  }`;

/** The address of the Word document of every published bulletin of a week. */
export const wallDocxUrl = (week: string): string => `${API_BASE}/wall/${encodeURIComponent(week)}/export?format=docx`;
