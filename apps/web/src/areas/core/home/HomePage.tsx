/** The home page: each role gets its own (business figures, the auditor's trail, the security admin's accounts). */
import { lazy } from 'react';
import { Navigate } from 'react-router';
import { useQueryClient } from '@tanstack/react-query';
import { api } from '../../../api/client';
import type { StatsOverview } from '../../../api/types';
import type { HomeT } from '@dangjian/contracts';
import { useMe, hasCap } from '../../../app/session';
import { useScope } from '../../../app/scope';

const BusinessHome = lazy(() => import('./BusinessHome'));
const AuditorHome = lazy(() => import('./AuditorHome'));
const SecurityHome = lazy(() => import('./SecurityHome'));
const MemberHome = lazy(() => import('./MemberHome'));

/** Picks the home of the signed-in role by its capabilities. */
export default function HomePage() {
  const { data: me } = useMe();
  const { org } = useScope();
  const qc = useQueryClient();
  if (!me) return null;
  if (hasCap(me, 'stats.read')) {
    // Fetch the figures while BusinessHome's code downloads (same key as its query); the charts'
    // code follows once the numbers are on screen.
    void qc.prefetchQuery({
      queryKey: ['stats', org?.id ?? null],
      queryFn: ({ signal }) => api.get<StatsOverview>('/api/stats/overview', { org: org?.id }, signal),
      staleTime: 15_000,
    });
    // The to-do summary too (same key as HomeTodo's query): the home leads with it.
    void qc.prefetchQuery({
      queryKey: ['home', org?.id ?? null],
      queryFn: ({ signal }) => api.get<HomeT>('/api/home', { org: org?.id }, signal),
      staleTime: 15_000,
    });
    return <BusinessHome />;
  }
  if (hasCap(me, 'audit.read')) return <AuditorHome />;
  if (hasCap(me, 'users.read')) return <SecurityHome />;
  // A province's or prefecture's account reads its region's figures and nothing else: that page is its home.
  if (hasCap(me, 'regions.view')) return <Navigate to="/regions" replace />;
  return <MemberHome />;
}
