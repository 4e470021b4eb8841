/** Ratings on the client: the answer types from the contracts, the colours of states, the words of moves, the paths. */
import { useQuery } from '@tanstack/react-query';
import {
  type Labelled,
  RATING_FLOW,
  RATING_SOURCES,
  type RatingSource,
  type RatingStatus,
  type StarThresholdT,
} from '@dangjian/contracts';
import { api } from '../../../api/client';
import { useLocale } from '../../../app/i18n';

export type {
  RatingItemT as RatingItem,
  RatingDetailT as RatingDetail,
  RatingSchemeItemT as SchemeItem,
  RatingSchemeT as Scheme,
  IndicatorScoreT as IndicatorScore,
  IndicatorGroupT as IndicatorGroup,
  IndicatorT as Indicator,
  ObjectionT as Objection,
  RatingComputeResultT as ComputeResult,
} from '@dangjian/contracts';

/** The colour of each state's tag: in progress blue, published orange (objections may come), final green. */
export const STATUS_COLORS: Record<RatingStatus, string | undefined> = {
  draft: undefined,
  self_scored: 'blue',
  scored: 'geekblue',
  published: 'orange',
  final: 'green',
};

/** The timeline's words: each move's event named by the move's label. */
export const RATING_EVENT_KINDS: Record<string, Labelled> = Object.fromEntries(
  Object.values(RATING_FLOW.actions).map((a) => [a.event, a.label]),
);

/** The path of each move on the API (`selfScore` is `self-score`). */
export const movePath = (move: string) => move.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

/** This year in China time (the rating year a page opens on). */
export function chinaYear(): number {
  return Number(new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 4));
}

/** The years a filter offers: from next year back to six years ago, newest first. */
export function yearOptions(): { value: string; label: string }[] {
  const y = chinaYear();
  return Array.from({ length: 8 }, (_, i) => String(y + 1 - i)).map((v) => ({ value: v, label: `${v}年` }));
}

/** The level a total reaches under thresholds (0 below them all): the stars shown live on the sheet. */
export function levelOf(thresholds: readonly StarThresholdT[], total: number): number {
  let level = 0;
  for (const t of thresholds) if (total + 1e-9 >= t.minScore && t.level > level) level = t.level;
  return level;
}

/** Rounds to tenths (scores are kept in tenths). */
export const tenths = (n: number): number => Math.round(n * 10) / 10;

/** The unit of a record measure in words, and its name. */
export function useSourceWords() {
  const { locale } = useLocale();
  const w = (l: Labelled) => (locale === 'en' ? l.en : l.zh);
  return {
    name: (s: string | null | undefined) => (s && s in RATING_SOURCES ? w(RATING_SOURCES[s as RatingSource]) : ''),
    unit: (s: string | null | undefined) => (s && s in RATING_SOURCES ? w(RATING_SOURCES[s as RatingSource].unit) : ''),
  };
}

/**
 * The console page where a record measure's figures are read, for the link beside an indicator's value (the figure
 * is computed from these records).
 */
export const SOURCE_PAGES: Record<RatingSource, string> = {
  meetings_held: '/meetings',
  meeting_attendance: '/meetings',
  dues_rate: '/dues/figures',
  development_plan: '/development',
  problems_closed: '/problems',
  services_done: '/requests',
};

/** A figure of the catalogue as the editor shows it. */
export interface CatalogueFigure {
  key: string;
  name: Labelled;
  route: string;
}

/** The figures catalogue (`GET /api/figures`): the name of the figure each record measure is taken from. */
export function useFigureCatalogue(enabled = true) {
  const { locale } = useLocale();
  const q = useQuery({
    queryKey: ['figure-catalogue'],
    queryFn: ({ signal }) => api.get<{ items: CatalogueFigure[] }>('/api/figures', undefined, signal),
    staleTime: 300_000,
    enabled,
  });
  const items = q.data?.items ?? [];
  return {
    items,
    /** The figure's name in words, empty until the catalogue has come or when it is not there. */
    name: (key: string) => {
      const f = items.find((x) => x.key === key);
      return f ? (locale === 'en' ? f.name.en : f.name.zh) : '';
    },
  };
}

/** A template as the "new from a template" dialog lists it. */
export interface TemplateItem {
  key: string;
  name: string;
  nameEn: string;
  subject: 'org' | 'cadre';
  mode: 'score' | 'items' | 'grade';
  source: string;
  indicatorCount: number;
}
