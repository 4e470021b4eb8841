/**
 * The tile map of the wall screen: one tile per township (or per village of a township) laid out as a grid, coloured
 * by the chosen figure, with its legend. Drawn from the organization tree: no boundary data ships with the app.
 */
import type { ScreenT } from '@dangjian/contracts';
import { useLocale, useT } from '../../../app/i18n';
import { formatValue, labelOf, LEGEND_GRADIENT, shortOrgName, tileColour } from './screenFormat';

/** The map; `onOpen` is given for the tiles that may be put on the screen themselves. */
export function TileMap({
  map,
  metric,
  onMetric,
  canOpen,
  onOpen,
}: {
  map: ScreenT['map'];
  metric: string;
  onMetric: (key: string) => void;
  canOpen: (orgId: number) => boolean;
  onOpen: (orgId: number) => void;
}) {
  const t = useT();
  const { locale } = useLocale();
  const m = map.metrics.find((x) => x.key === metric) ?? map.metrics[0];
  const values = map.tiles.map((tile) => tile.values[m?.key ?? ''] ?? 0);
  // The colours span the values shown (the legend says which), so 56% and 97% differ at a glance.
  const min = values.length ? Math.min(...values) : 0;
  const max = values.length ? Math.max(...values) : 0;
  const n = map.tiles.length;
  // A grid shaped like the map's area (a little taller than wide): 4 × 4 for 16 townships, 6 × 6 for 36 villages.
  const cols = Math.max(1, Math.min(8, Math.ceil(Math.sqrt(n * 0.9))));
  const rows = Math.max(1, Math.ceil(n / cols));
  return (
    <section className="dj-screen-map" data-testid="screen-map" aria-label={t('地图', 'Map')}>
      <div
        className="dj-screen-metrics"
        role="radiogroup"
        data-testid="screen-metric"
        aria-label={t('着色依据', 'Colour by')}
      >
        {map.metrics.map((x) => (
          <button
            key={x.key}
            type="button"
            role="radio"
            aria-checked={x.key === m?.key}
            className={x.key === m?.key ? 'on' : undefined}
            onClick={() => onMetric(x.key)}
          >
            {labelOf(x.label, locale)}
          </button>
        ))}
      </div>
      {n === 0 ? (
        <p className="dj-screen-empty">{t('下级暂无组织', 'No organizations below')}</p>
      ) : (
        <div
          // Many tiles (the villages of a township): smaller type, names on two lines.
          className={n > 20 ? 'dj-screen-tiles dense' : 'dj-screen-tiles'}
          style={{ gridTemplateColumns: `repeat(${cols}, 1fr)`, gridTemplateRows: `repeat(${rows}, 1fr)` }}
        >
          {map.tiles.map((tile, i) => {
            const value = values[i]!;
            const open = canOpen(tile.orgId);
            const props = {
              'data-testid': 'screen-tile',
              'data-org-id': tile.orgId,
              className: 'dj-screen-tile',
              style: { background: tileColour(value, min, max) },
              title: tile.name,
            };
            const inner = (
              <>
                <span className="name">{shortOrgName(tile.name)}</span>
                <span className="value">{formatValue(value, m?.unit ?? 'count', locale)}</span>
              </>
            );
            // A tile that may be put on the screen is a button; the villages of a township are not.
            return open ? (
              <button key={tile.orgId} type="button" {...props} onClick={() => onOpen(tile.orgId)}>
                {inner}
              </button>
            ) : (
              <div key={tile.orgId} {...props}>
                {inner}
              </div>
            );
          })}
        </div>
      )}
      {m ? (
        <div className="dj-screen-legend" data-testid="screen-legend">
          <span className="what">{labelOf(m.label, locale)}</span>
          <span>{formatValue(min, m.unit, locale)}</span>
          <span className="bar" style={{ background: LEGEND_GRADIENT }} aria-hidden />
          <span>{formatValue(max, m.unit, locale)}</span>
        </div>
      ) : null}
    </section>
  );
}
