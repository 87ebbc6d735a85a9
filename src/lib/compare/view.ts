/**
 * What the 版本对比 page shows, derived from a comparison (pure, tested): the summary
 * counts, the aligned list grouped by track, the term chart's rows and the theme × edition
 * cells.
 */
import { themeTrend, type CompareTopic } from '../../../analysis/compare/index.ts';
import {
  TERM_TREND_STATUSES,
  TOPIC_STATUSES,
  TRACK_STATUSES,
  type TermTrendRow,
  type TermTrendStatus,
  type TopicAlignmentRow,
  type TopicStatus,
  type TrackStatus
} from '../../../analysis/contract.ts';
import type { ComparisonData } from './source.ts';

export function statusCounts<S extends string>(statuses: readonly S[], rows: readonly { status: string }[]): Record<S, number> {
  const out = Object.fromEntries(statuses.map((s) => [s, 0])) as Record<S, number>;
  for (const r of rows) if (r.status in out) out[r.status as S]++;
  return out;
}

export const trackCounts = (data: ComparisonData): Record<TrackStatus, number> => statusCounts(TRACK_STATUSES, data.tracks);
export const topicCounts = (data: ComparisonData): Record<TopicStatus, number> => statusCounts(TOPIC_STATUSES, data.topics);

export interface AlignedTopic {
  row: TopicAlignmentRow;
  status: TopicStatus;
  a: CompareTopic | null;
  b: CompareTopic | null;
  /** Track names on each side ('' when the side is empty). */
  trackA: string;
  trackB: string;
}

export interface TrackGroup {
  status: TrackStatus;
  trackA: number | null;
  trackB: number | null;
  nameA: string;
  nameB: string;
  similarity: number | null;
  topics: AlignedTopic[];
}

/**
 * The aligned list, track by track (A's tracks in guide order, then B's added tracks). A
 * topic sits under the track it is in now: moved and added topics under their B track,
 * unchanged, edited, reworded and removed ones under their A track. Inside a group, B's
 * order, then the removed topics in A's order.
 */
export function alignedGroups(data: ComparisonData): TrackGroup[] {
  const topicOf = (side: 'a' | 'b', track: number | null, no: number | null) =>
    track === null ? null : (data.editions[side].topics.find((t) => t.track_no === track && t.topic_no === no) ?? null);
  const nameOf = (side: 'a' | 'b', track: number | null) =>
    track === null ? '' : (data.editions[side].tracks.find((t) => t.track_no === track)?.track_name ?? '');
  const groups: TrackGroup[] = data.tracks.map((r) => ({
    status: r.status as TrackStatus,
    trackA: r.track_a,
    trackB: r.track_b,
    nameA: r.name_a,
    nameB: r.name_b,
    similarity: r.similarity,
    topics: []
  }));
  const byA = new Map(groups.filter((g) => g.trackA !== null).map((g) => [g.trackA!, g]));
  const byB = new Map(groups.filter((g) => g.trackB !== null).map((g) => [g.trackB!, g]));
  for (const row of data.topics) {
    const status = row.status as TopicStatus;
    const item: AlignedTopic = {
      row,
      status,
      a: topicOf('a', row.track_a, row.topic_a),
      b: topicOf('b', row.track_b, row.topic_b),
      trackA: nameOf('a', row.track_a),
      trackB: nameOf('b', row.track_b)
    };
    const group = status === 'moved' || status === 'added' ? byB.get(row.track_b!) : byA.get(row.track_a!);
    group?.topics.push(item);
  }
  for (const g of groups) {
    g.topics.sort((x, y) => {
      if (x.b && y.b) return x.b.topic_no - y.b.topic_no;
      if (x.b || y.b) return x.b ? -1 : 1;
      return (x.a?.topic_no ?? 0) - (y.a?.topic_no ?? 0);
    });
  }
  return groups;
}

/** What the list shows: one status, or every changed topic (all but unchanged), or all. */
export type ListFilter = 'changed' | 'all' | TopicStatus;
export const LIST_FILTERS: readonly ListFilter[] = ['changed', 'all', ...TOPIC_STATUSES];

export function shows(filter: ListFilter, status: TopicStatus): boolean {
  return filter === 'all' || (filter === 'changed' ? status !== 'matched' : status === filter);
}

/**
 * Groups with only the topics the filter shows (and tracks of the chosen track status). A
 * renamed, added or removed track is itself a change: its group stays under 'changed'.
 */
export function filteredGroups(groups: readonly TrackGroup[], filter: ListFilter, trackStatus: TrackStatus | 'all'): TrackGroup[] {
  return groups
    .filter((g) => trackStatus === 'all' || g.status === trackStatus)
    .map((g) => ({ ...g, topics: g.topics.filter((t) => shows(filter, t.status)) }))
    .filter((g) => g.topics.length > 0 || trackStatus !== 'all' || (filter === 'changed' && g.status !== 'matched'));
}

export type TermMetric = 'g2' | 'log_ratio';
export type TermKind = 'changed' | Exclude<TermTrendStatus, 'stable'>;
export const TERM_KINDS: readonly TermKind[] = ['changed', ...TERM_TREND_STATUSES.filter((s): s is Exclude<TermTrendStatus, 'stable'> => s !== 'stable')];

/**
 * The term chart's rows: terms of the chosen kind (changed = new, dropped, rising, falling),
 * optionally only a theme's members, the `top` strongest by |metric|, highest value first.
 */
export function termChartRows(terms: readonly TermTrendRow[], o: { kind: TermKind; metric: TermMetric; top: number; members?: ReadonlySet<string> | null }): TermTrendRow[] {
  return terms
    .filter((t) => (o.kind === 'changed' ? t.status !== 'stable' : t.status === o.kind) && (!o.members || o.members.has(t.term)))
    .sort((x, y) => Math.abs(y[o.metric]) - Math.abs(x[o.metric]) || Math.abs(y.g2) - Math.abs(x.g2) || (x.term < y.term ? -1 : 1))
    .slice(0, o.top)
    .sort((x, y) => y[o.metric] - x[o.metric] || (x.term < y.term ? -1 : 1));
}

export interface ThemeCell {
  theme: string;
  edition_id: string;
  edition: string;
  per10k: number;
  count: number;
}

/** Theme × edition cells (per10k of the theme's members on the comparison's basis), themes by B's rate. */
export function themeCells(terms: readonly TermTrendRow[], members: ReadonlyMap<string, readonly string[]>, labels: { a: string; b: string; idA: string; idB: string }): ThemeCell[] {
  const totals = themeTrend(terms, members).filter((t) => t.count_a + t.count_b > 0);
  totals.sort((x, y) => y.per10k_b - x.per10k_b || y.per10k_a - x.per10k_a || (x.theme < y.theme ? -1 : 1));
  return totals.flatMap((t) => [
    { theme: t.theme, edition_id: labels.idA, edition: labels.a, per10k: t.per10k_a, count: t.count_a },
    { theme: t.theme, edition_id: labels.idB, edition: labels.b, per10k: t.per10k_b, count: t.count_b }
  ]);
}
