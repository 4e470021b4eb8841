/** The chosen language (zh-CN by default, English second) and the label helpers. */
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { label as enumLabel, periodLabel, type Labelled } from '@dangjian/contracts';
import { setApiLocale, type Locale } from '../api/client';

const STORAGE_KEY = 'dj_locale';

interface LocaleState {
  locale: Locale;
  setLocale: (locale: Locale) => void;
}

const LocaleContext = createContext<LocaleState>({ locale: 'zh-CN', setLocale: () => {} });

/** Normalizes any locale string (`en-US`, `zh`) to one the app supports. */
export function normalizeLocale(value: string | null | undefined): Locale {
  return value && value.toLowerCase().startsWith('en') ? 'en' : 'zh-CN';
}

function initialLocale(): Locale {
  try {
    return normalizeLocale(localStorage.getItem(STORAGE_KEY));
  } catch {
    return 'zh-CN';
  }
}

function apply(locale: Locale) {
  setApiLocale(locale);
  document.documentElement.lang = locale === 'en' ? 'en' : 'zh-CN';
  document.title = locale === 'en' ? 'Party-building platform' : '党建工作平台';
}

/** Holds the locale for the whole app and keeps <html lang>, the API client and storage in step. */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setState] = useState<Locale>(() => {
    const l = initialLocale();
    apply(l);
    return l;
  });
  const setLocale = useCallback((l: Locale) => {
    apply(l);
    try {
      localStorage.setItem(STORAGE_KEY, l);
    } catch {
      /* private mode */
    }
    setState(l);
  }, []);
  const value = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

/** The current locale and its setter. */
export function useLocale(): LocaleState {
  return useContext(LocaleContext);
}

/** A translator: `t('党员', 'Members')` answers the text of the current locale. */
export function useT(): (zh: string, en: string) => string {
  const { locale } = useLocale();
  return useCallback((zh: string, en: string) => (locale === 'en' ? en : zh), [locale]);
}

/** The label of an enum value from the contracts' label maps in the current locale. */
export function useLabel(): (map: Record<string, Labelled>, value: string | null | undefined) => string {
  const { locale } = useLocale();
  return useCallback((map, value) => enumLabel(map, value, locale), [locale]);
}

/** A period key (`2026-W49`, `2026-H1`, `2026-Q4`, `2026-12`, `2026`) in words in the current locale. */
export function usePeriod(): (period: string) => string {
  const { locale } = useLocale();
  return useCallback(
    (period: string) => {
      const l = periodLabel(period);
      return locale === 'en' ? l.en : l.zh;
    },
    [locale],
  );
}

/** Options for a Select built from an enum label map. */
export function useEnumOptions() {
  const { locale } = useLocale();
  return useCallback(
    (map: Record<string, Labelled>) =>
      Object.entries(map).map(([value, l]) => ({ value, label: locale === 'en' ? l.en : l.zh })),
    [locale],
  );
}
