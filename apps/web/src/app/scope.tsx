/** The organization the console is narrowed to (the header's switcher); null means the user's whole scope. */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';

export interface ScopeOrg {
  id: number;
  name: string;
}

interface ScopeState {
  org: ScopeOrg | null;
  setOrg: (org: ScopeOrg | null) => void;
}

const ScopeContext = createContext<ScopeState>({ org: null, setOrg: () => {} });

/** Keeps the chosen organization for the signed-in user for the browser session. */
export function ScopeProvider({ userId, children }: { userId: number; children: ReactNode }) {
  const key = `dj_scope_${userId}`;
  const [org, setState] = useState<ScopeOrg | null>(() => {
    try {
      const raw = sessionStorage.getItem(key);
      return raw ? (JSON.parse(raw) as ScopeOrg) : null;
    } catch {
      return null;
    }
  });
  const setOrg = useCallback(
    (next: ScopeOrg | null) => {
      try {
        if (next) sessionStorage.setItem(key, JSON.stringify(next));
        else sessionStorage.removeItem(key);
      } catch {
        /* ignore */
      }
      setState(next);
    },
    [key],
  );
  const value = useMemo(() => ({ org, setOrg }), [org, setOrg]);
  return <ScopeContext.Provider value={value}>{children}</ScopeContext.Provider>;
}

/** The chosen organization and its setter. */
export function useScope(): ScopeState {
  return useContext(ScopeContext);
}

/** The `org` query parameter every list and statistic takes (undefined = the whole scope). */
export function useScopeOrgId(): number | undefined {
  return useScope().org?.id;
}
