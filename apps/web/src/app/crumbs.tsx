/** Breadcrumbs: derived from the path, with the last item named by the page (e.g. an org's name). */
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';

interface CrumbState {
  title: string | null;
  setTitle: (t: string | null) => void;
}

const CrumbContext = createContext<CrumbState>({ title: null, setTitle: () => {} });

/** Holds the title the current page gives its last breadcrumb. */
export function CrumbProvider({ children }: { children: ReactNode }) {
  const [title, setTitle] = useState<string | null>(null);
  return <CrumbContext.Provider value={{ title, setTitle }}>{children}</CrumbContext.Provider>;
}

/** The page title for the breadcrumb trail. */
export function useCrumbTitle(): string | null {
  return useContext(CrumbContext).title;
}

/** Names the current page in the breadcrumb trail while it is shown. */
export function usePageCrumb(title: string | null | undefined, enabled = true): void {
  const { setTitle } = useContext(CrumbContext);
  useEffect(() => {
    if (!enabled) return;
    setTitle(title ?? null);
    return () => setTitle(null);
  }, [title, setTitle, enabled]);
}
