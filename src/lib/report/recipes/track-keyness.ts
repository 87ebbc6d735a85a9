/**
 * One track's distinctive terms (keyness against the rest of its edition): signed G² or
 * Log Ratio bars coloured by significance tier (grey = not significant; the colour never
 * follows the size, so one large value cannot wash out the rest), marks * ** *** at the bar
 * ends, ties shown as ties. URL: stat, top (places per side), min (edition frequency),
 * own (keep the track's own name). Log Ratio lists significant terms only.
 */
import { divergingBarSpec } from '../../charts/specs.ts';
import type { TableColumn } from '../../charts/types.ts';
import { formatStat } from '../../format.ts';
import { SIGNIFICANCE, significanceMark } from '../../queries/stats.ts';
import { trackKeyness, type KeynessRow } from '../../queries/track.ts';
import { queryRecipe, wordsOf, type RecipeContext } from '../recipe.ts';
import { selectionTitle } from '../selection.ts';
import { counted, stat, statWord, trackBase, trackFile, trackOf, trackSource, trackSubtitle, trackView } from './track.ts';

// Orange for over-represented, blue for under-represented, darker = more significant; grey = not significant.
const OVER = ['#fdb863', '#e08214', '#b35806'];
const UNDER = ['#92c5de', '#4393c3', '#2166ac'];
const GREY = '#c4c4c4';
const TIER_RANGE = [...OVER].reverse().concat([GREY], UNDER);

export interface KeynessChartRow extends KeynessRow {
  /** The significance tier in words (the colour legend). */
  tier: string;
  /** * ** *** or ''. */
  mark: string;
  /** "3" or "并列第 3（2 个）". */
  place: string;
  /** The bar-end label: value, mark, tie. */
  text: string;
}

type Words = ReturnType<typeof wordsOf>;

const tierOf = (w: Words, r: Pick<KeynessRow, 'side' | 'sig'>) =>
  r.sig === 0 ? w('track.tierNone') : w(r.side === 'over' ? 'track.tierOver' : 'track.tierUnder', { p: SIGNIFICANCE[r.sig - 1].p });

/** The tiers from most over-represented to most under-represented. */
export function tierDomain(ctx: RecipeContext): string[] {
  const w = wordsOf(ctx);
  return [
    ...([3, 2, 1] as const).map((sig) => tierOf(w, { side: 'over', sig })),
    w('track.tierNone'),
    ...([1, 2, 3] as const).map((sig) => tierOf(w, { side: 'under', sig }))
  ];
}

export function keynessChartRows(ctx: RecipeContext, rows: readonly KeynessRow[]): KeynessChartRow[] {
  const w = wordsOf(ctx);
  return rows.map((r) => {
    const mark = significanceMark(r.keyness_g2);
    return {
      ...r,
      tier: tierOf(w, r),
      mark,
      place: r.tied > 1 ? w('track.placeTied', { rank: r.rank, n: r.tied }) : String(r.rank),
      text: `${formatStat(r.value)}${mark ? ` ${mark}` : ''}${r.tied > 1 ? ` ${w('track.tiedLabel', { rank: r.rank })}` : ''}`
    };
  });
}

function keynessColumns(ctx: RecipeContext): TableColumn[] {
  const w = wordsOf(ctx);
  const side = (v: unknown) => w(v === 'over' ? 'track.sideOver' : 'track.sideUnder');
  return [
    { key: 'term', label: w('word.term') },
    { key: 'side', label: w('track.side'), format: side, exportValue: side },
    { key: 'place', label: w('track.place') },
    { key: 'keyness_g2', label: w('track.statG2'), numeric: true, format: stat },
    { key: 'mark', label: w('chart.significance') },
    { key: 'log_ratio', label: w('track.statLogRatio'), numeric: true, format: stat },
    { key: 'count', label: w('track.countInTrack'), numeric: true, format: counted },
    { key: 'edition_count', label: w('track.countInEdition'), numeric: true, format: counted },
    { key: 'topics', label: w('word.topicsWithTerm'), numeric: true, format: counted },
    { key: 'per10k', label: w('word.per10k'), numeric: true, format: stat }
  ];
}

export const trackKeynessRecipe = queryRecipe<KeynessRow>({
  id: 'track.keyness',
  kind: 'chart',
  route: '/tracks/[edition]/[track]',
  query: (ctx) => {
    const p = trackView.parse(ctx.search);
    return trackOf(ctx).meta
      ? trackKeyness({ ...trackBase(ctx), theme: ctx.filters.theme, stat: p.stat, top: p.top, minCount: p.min, excludeOwnName: !p.own })
      : null;
  },
  present(ctx, data) {
    const w = wordsOf(ctx);
    const p = trackView.parse(ctx.search);
    const t = trackOf(ctx);
    const statName = w(statWord(p.stat));
    const title = w('track.keynessTitle', { track: t.name, stat: statName, edition: t.label });
    const rows = data && keynessChartRows(ctx, data);
    return {
      ...trackSource(ctx),
      title: selectionTitle(ctx, title, { theme: true }),
      subtitle: trackSubtitle(ctx),
      filename: trackFile(ctx, title, true),
      columns: keynessColumns(ctx),
      rows,
      help: w(p.stat === 'g2' ? 'track.helpG2' : 'track.helpLogRatio'),
      emptyMessage: w('track.keynessEmpty'),
      statistics: ['g2', 'logRatio', 'count', 'per10k'],
      figure: rows && {
        kind: 'vega',
        spec: divergingBarSpec({
          rows,
          category: { field: 'term', title: w('word.term') },
          value: { field: 'value', title: statName, format: ',.2f' },
          details: [
            { field: 'tier', title: w('chart.significance') },
            { field: 'place', title: w('track.place') },
            { field: 'count', title: w('track.countInTrack'), format: ',d' },
            { field: 'edition_count', title: w('track.countInEdition'), format: ',d' },
            { field: p.stat === 'g2' ? 'log_ratio' : 'keyness_g2', title: w(statWord(p.stat === 'g2' ? 'logratio' : 'g2')), format: ',.2f' }
          ],
          tiers: { field: 'tier', title: w('chart.significance'), domain: tierDomain(ctx), range: TIER_RANGE },
          label: { field: 'text' },
          clickable: true
        })
      }
    };
  }
});
