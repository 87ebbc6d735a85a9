/** 题目检索: the search results as a table (edition, track, topic, title, paragraph, where it matched). */
import { editionLabel, filterSummary, sourceLine } from '../../charts/frame-text.ts';
import { SEARCH_SCOPES, searchTopics, type TopicHitRow } from '../../queries/topics.ts';
import { defineParams, oneOf, text } from '../../state/params.ts';
import { queryRecipe, wordsOf, type RecipeContext } from '../recipe.ts';
import { fileParts } from '../selection.ts';

export const TOPICS_LIMIT = 200;
export const topicsView = defineParams({ q: text(), scope: oneOf(SEARCH_SCOPES, 'edition') });

/** "全部版本 · 主题：…" or "2026 湖南 · 赛道：… · 主题：… · 通用动词已停用". */
export function scopeSummary(ctx: RecipeContext): string {
  const w = wordsOf(ctx);
  const p = topicsView.parse(ctx.search);
  if (p.scope === 'all') return [w('topics.scopeAll'), ...(ctx.filters.theme !== null ? [w('filter.summaryTheme', { theme: ctx.filters.theme })] : [])].join(' · ');
  const edition = ctx.manifest.editions.find((e) => e.edition_id === ctx.filters.edition);
  return `${editionLabel(edition, ctx.lang)} · ${filterSummary(ctx.filters, ctx.manifest, ctx.lang)}`;
}

export const topicsResults = queryRecipe<TopicHitRow>({
  id: 'topics.results',
  kind: 'table',
  route: '/topics',
  query: (ctx) => {
    const p = topicsView.parse(ctx.search);
    return searchTopics({ ...ctx.filters, q: p.q, scope: p.scope, limit: TOPICS_LIMIT });
  },
  present(ctx, rows) {
    const w = wordsOf(ctx);
    const p = topicsView.parse(ctx.search);
    const q = p.q.trim();
    const all = p.scope === 'all';
    const editions = all ? ctx.manifest.editions.map((e) => e.edition_id) : [ctx.filters.edition];
    const title = q ? `${w('topics.resultsLabel')}：“${q}”` : w('topics.resultsLabel');
    const labelOf = (id: unknown) => editionLabel(ctx.manifest.editions.find((e) => e.edition_id === id), ctx.lang) || String(id);
    const yesNo = (v: unknown) => w(v ? 'terms.yes' : 'terms.no');
    return {
      title: `${title}（${scopeSummary(ctx).split(' · ')[0]}）`,
      subtitle: scopeSummary(ctx),
      source: sourceLine(ctx.manifest, editions, ctx.lang),
      editions,
      filename: fileParts(all ? { ...ctx, filters: { ...ctx.filters, tracks: null } } : ctx, title, { tracks: !all, theme: true }, all ? w('topics.scopeAll').split('（')[0] : ctx.filters.edition),
      columns: [
        { key: 'edition_id', label: w('export.col.edition'), format: labelOf, exportValue: labelOf },
        { key: 'track_name', label: w('word.track') },
        { key: 'topic_no', label: w('export.col.topicNo'), numeric: true },
        { key: 'title', label: w('export.col.title') },
        { key: 'body', label: w('export.col.body') },
        ...(q
          ? [
              { key: 'in_title', label: w('export.col.inTitle'), format: yesNo, exportValue: yesNo },
              { key: 'in_body', label: w('export.col.inBody'), format: yesNo, exportValue: yesNo }
            ]
          : [])
      ],
      rows,
      help: w('topics.help'),
      emptyMessage: q ? w('topics.emptyQuery', { q }) : w('topics.emptyFilters'),
      statistics: []
    };
  }
});
