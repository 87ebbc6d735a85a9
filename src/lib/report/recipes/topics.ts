/**
 * 题目检索: the search results as a table (edition, track, topic, title, paragraph, where it
 * matched). A text that is a term (or a thesaurus variant of one) is searched as that term
 * unless `match=text`: first the term is resolved, then the topics are found by its tokens.
 */
import type { Query } from '../../db/connector.ts';
import { editionLabel, filterSummary, sourceLine, themeSummary } from '../../charts/frame-text.ts';
import { MATCH_MODES, SEARCH_SCOPES, searchTerm, searchTopics, type SearchParams, type SearchTermRow, type TopicHitRow } from '../../queries/topics.ts';
import { defineParams, oneOf, text } from '../../state/params.ts';
import { membersOf, wordsOf, type Recipe, type RecipeContext } from '../recipe.ts';
import { fileParts } from '../selection.ts';

export const TOPICS_LIMIT = 200;
export const topicsView = defineParams({ q: text(), scope: oneOf(SEARCH_SCOPES, 'edition'), match: oneOf(MATCH_MODES, 'term') });

/** Which term the search text stands for (null for '' : no query to run). */
export function topicsTermQuery(ctx: RecipeContext): Query | null {
  const q = topicsView.parse(ctx.search).q.trim();
  return q ? searchTerm({ q }) : null;
}

/** The search, by `term` when the text resolved to one and the reader did not ask for exact text. */
export function topicsSearch(ctx: RecipeContext, resolved: SearchTermRow | null): SearchParams {
  const p = topicsView.parse(ctx.search);
  const term = p.match === 'term' && p.q.trim() ? (resolved?.term ?? null) : null;
  return { ...ctx.filters, q: p.q, term, scope: p.scope, limit: TOPICS_LIMIT };
}

/** "全部版本 · 主题：…" or "2026 湖南 · 赛道：… · 主题：… · 通用动词已停用". */
export function scopeSummary(ctx: RecipeContext): string {
  const w = wordsOf(ctx);
  const p = topicsView.parse(ctx.search);
  const theme = ctx.filters.theme;
  if (p.scope === 'all') return [w('topics.scopeAll'), ...(theme !== null ? [themeSummary(theme, membersOf(ctx, theme), ctx.lang)] : [])].join(' · ');
  const edition = ctx.manifest.editions.find((e) => e.edition_id === ctx.filters.edition);
  return `${editionLabel(edition, ctx.lang)} · ${filterSummary(ctx.filters, ctx.manifest, ctx.lang, membersOf(ctx, ctx.filters.theme))}`;
}

export const topicsResults: Recipe<TopicHitRow[]> = {
  id: 'topics.results',
  kind: 'table',
  route: '/topics',
  async load(run, ctx) {
    const termQuery = topicsTermQuery(ctx);
    const resolved = termQuery ? ((await run<SearchTermRow>(termQuery))[0] ?? null) : null;
    return run<TopicHitRow>(searchTopics(topicsSearch(ctx, resolved)));
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
};
