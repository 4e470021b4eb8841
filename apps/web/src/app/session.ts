/** The signed-in user: the `me` query, sign-in, sign-out and the remembered language. */
import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useCallback, useEffect } from 'react';
import { api, request, type Locale } from '../api/client';
import type { Me } from '../api/types';
import { normalizeLocale, useLocale } from './i18n';

export const ME_KEY = ['me'] as const;

/** The signed-in user; errors (401) are left to the caller. */
export function useMe(opts: { quiet401?: boolean } = {}) {
  return useQuery({
    queryKey: ME_KEY,
    queryFn: ({ signal }) => request<Me>('GET', '/api/auth/me', { signal, quiet401: opts.quiet401 }),
    retry: false,
    staleTime: 60_000,
  });
}

/** Whether the user holds a capability. */
export function hasCap(me: Me | undefined, cap: string): boolean {
  return !!me?.capabilities.includes(cap);
}

/** Signs in; answers the user and applies its saved language. */
export function useSignIn() {
  const qc = useQueryClient();
  const { setLocale } = useLocale();
  return useCallback(
    async (username: string, password: string): Promise<Me> => {
      const { user } = await request<{ user: Me }>('POST', '/api/auth/login', {
        body: { username, password },
        quiet401: true,
      });
      qc.clear();
      qc.setQueryData(ME_KEY, user);
      if (user.locale) setLocale(normalizeLocale(user.locale));
      return user;
    },
    [qc, setLocale],
  );
}

/** Signs out and forgets every cached answer. */
export async function signOut(qc: QueryClient): Promise<void> {
  try {
    await request('POST', '/api/auth/logout', { body: {}, quiet401: true });
  } finally {
    qc.clear();
    try {
      sessionStorage.clear();
    } catch {
      /* ignore */
    }
  }
}

/** Switches the language and remembers it for the signed-in user (`PATCH /api/auth/me`). */
export function useSwitchLocale() {
  const qc = useQueryClient();
  const { setLocale } = useLocale();
  return useCallback(
    async (locale: Locale) => {
      setLocale(locale);
      const me = qc.getQueryData<Me>(ME_KEY);
      if (!me) return;
      try {
        const next = await api.patch<Me>('/api/auth/me', { locale });
        qc.setQueryData(ME_KEY, next);
      } catch {
        /* the local choice still applies */
      }
    },
    [qc, setLocale],
  );
}

/** Applies the signed-in user's saved language (`Me.locale`) whenever it changes, e.g. on a new device. */
export function useApplyUserLocale(me: Me | undefined): void {
  const { locale, setLocale } = useLocale();
  const saved = me ? normalizeLocale(me.locale) : null;
  useEffect(() => {
    if (saved && saved !== locale) setLocale(saved);
    // Only the saved value drives this; a local switch updates the server first.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [saved]);
}
