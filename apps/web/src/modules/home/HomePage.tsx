/** The home page: each role gets its own (business figures, the auditor's trail, the security admin's accounts). */
import { lazy } from 'react';
import { useMe, hasCap } from '../../app/session';

const BusinessHome = lazy(() => import('./BusinessHome'));
const AuditorHome = lazy(() => import('./AuditorHome'));
const SecurityHome = lazy(() => import('./SecurityHome'));
const MemberHome = lazy(() => import('./MemberHome'));

/** Picks the home of the signed-in role by its capabilities. */
export default function HomePage() {
  const { data: me } = useMe();
  if (!me) return null;
  if (hasCap(me, 'stats.read')) return <BusinessHome />;
  if (hasCap(me, 'audit.read')) return <AuditorHome />;
  if (hasCap(me, 'users.read')) return <SecurityHome />;
  return <MemberHome />;
}
