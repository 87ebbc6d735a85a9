/**
 * The HTML of 总览 and of 跨赛道 carries its own first screen: the manifest and the first answers as a JSON data
 * block the page reads instead of fetching them, and the first charts the server drew
 * (figures.ts) in a plain copy of the page's frames, shown until the page has mounted and
 * shows the same drawings in its own frames (+layout.svelte removes the copy). No script:
 * the copy is HTML and SVG, so it paints as soon as the HTML has arrived.
 *
 *   GET / or /overlap (view settings: none but ?edition=) ─► answers ready? ─► <script type="application/json" id="crosstrack-first">
 *                                                         └────► <div id="first-paint"> masthead + frames + SVG
 */
import type { Manifest } from '../../../../analysis/contract.ts';
import { editionLabel } from '../../charts/frame-text.ts';
import { formatCount } from '../../format.ts';
import { translate } from '../../i18n/messages.ts';
import { editionSummary, type EditionSummaryRow } from '../../queries/overview.ts';
import { parseFilters } from '../../state/filters.ts';
import { answerKey } from './queries.ts';
import { FIRST_DATA_ID, FIRST_PAINT_ID } from '../../first-paint.ts';
import { NAV } from '../../nav.ts';
import type { FirstAnswers } from './compute.ts';
import type { FirstRoute } from './queries.ts';


/** What the page reads from the data block (db/first-answers.ts readFirstData). */
export interface FirstData {
  manifest: Manifest;
  answers: Omit<FirstAnswers, 'figures'>;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** JSON safe inside <script>: no `</script>`, no `<!--`, no line separators that break older parsers. */
export const scriptJson = (value: unknown) =>
  JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');

/** Only a URL the server's answers were computed for gets the drawings: `?edition=` alone. */
export function paintsFirst(search: URLSearchParams): boolean {
  return [...search.keys()].every((key) => key === 'edition');
}

const STYLE = `#first-paint{position:fixed;inset:0;z-index:50;overflow:hidden;background:var(--page,#f6f8fa);font:14px/1.55 'PingFang SC','Microsoft YaHei','Noto Sans CJK SC','Source Han Sans SC','Crosstrack Sans SC',sans-serif;color:#1f2328;min-width:1024px}
#first-paint .fp-top{background:#fff;border-bottom:1px solid #d8dee4}
#first-paint .fp-bar{max-width:1440px;margin:0 auto;padding:0.55rem 1.5rem 0.4rem;display:flex;gap:0.75rem;align-items:baseline}
#first-paint .fp-bar strong{font-size:1.1rem;color:#005a8c}
#first-paint .fp-bar span{color:#57606a}
#first-paint .fp-nav{gap:1.4rem;color:#1f2328;padding-bottom:0.6rem}
#first-paint main{max-width:1440px;margin:0 auto;padding:1.25rem 1.5rem 3rem;display:flex;flex-direction:column;gap:1rem}
#first-paint h1{font-size:1.5rem;line-height:1.3;margin:0}
#first-paint .fp-pair{display:grid;grid-template-columns:minmax(0,2fr) minmax(0,3fr);gap:1rem;align-items:start}
#first-paint section.frame{background:#fff;border:1px solid #d8dee4;border-radius:6px;padding:1rem 1.25rem;display:flex;flex-direction:column;gap:0.5rem}
#first-paint h2{font-size:1.15rem;line-height:1.3;margin:0}
#first-paint .fp-sub{margin:0;color:#57606a;font-size:0.92rem}
#first-paint .chart svg{display:block;max-width:100%;height:auto}
#first-paint .fp-source{margin:0;color:#8c959f;font-size:0.85rem}
#first-paint .fp-filters{max-width:1440px;margin:0 auto;padding:0 1.5rem;height:46px;display:flex;align-items:center;color:#57606a;border-top:1px solid #d8dee4}
#first-paint .fp-cards{display:grid;grid-template-columns:repeat(4,minmax(0,1fr));gap:1rem}
#first-paint .fp-card,#first-paint .fp-panel{background:#fff;border:1px solid #d8dee4;border-radius:6px;padding:1rem 1.25rem;display:flex;flex-direction:column;gap:0.1rem}
#first-paint .fp-value{font-size:1.8rem;font-weight:600}
#first-paint .fp-label,#first-paint dt{color:#57606a}
#first-paint dl{display:flex;flex-wrap:wrap;gap:0.5rem 2.5rem;margin:0 0 0.75rem}
#first-paint dt{font-size:0.9rem}
#first-paint dd{margin:0;font-size:1.35rem;font-weight:600}
#first-paint ol{display:grid;grid-template-columns:repeat(auto-fill,minmax(12rem,1fr));gap:0.2rem 1.5rem;margin:0;padding:0;list-style:none}
#first-paint li{display:flex;gap:0.5rem}
#first-paint li .no{min-width:1.5rem;text-align:right;color:#8c959f}
#first-paint li .name{flex:1}
#first-paint li .num{color:#57606a}
#first-paint .fp-switch{background:#fff;border:1px solid #d8dee4;border-radius:6px;padding:0.55rem 1.25rem;color:#57606a;min-height:1.6rem}
#first-paint .fp-note{margin:0;padding:0.3rem 0.6rem;background:#eef3f8;color:#57606a}
#first-paint .fp-panel h2{margin:0 0 0.5rem}
#first-paint .fp-controls{display:flex;flex-wrap:wrap;gap:1.5rem}
#first-paint .fp-grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(36rem,1fr));gap:1rem;align-items:start}`;

interface Drawing {
  title: string;
  subtitle: string;
  source: string;
  hash?: string;
  svg?: string;
}

function frame(d: Drawing, waiting: string): string {
  const body = d.svg ? `<div class="chart" data-spec-hash="${escapeHtml(d.hash ?? '')}">${d.svg}</div>` : `<p class="fp-sub">${escapeHtml(waiting)}</p>`;
  return `<section class="frame"><h2>${escapeHtml(d.title)}</h2><p class="fp-sub">${escapeHtml(d.subtitle)}</p>${body}<p class="fp-source">${escapeHtml(d.source)}</p></section>`;
}

/** The global filters' settings, as words (the page's pickers arrive with its JavaScript). */
function filtersText(data: FirstData): string {
  const zh = (key: Parameters<typeof translate>[1]) => translate('zh', key);
  const edition = data.manifest.editions.find((e) => e.edition_id === data.answers.edition);
  return [
    `${zh('filter.edition')}：${editionLabel(edition, 'zh')}`,
    `${zh('filter.tracks')}：${zh('filter.allTracks')}`,
    `${zh('filter.theme')}：${zh('filter.noTheme')}`,
    zh('filter.genericVerbs')
  ].join('　');
}

/** 总览's counts as the page shows them (OverviewCounts.svelte), from the manifest and the edition's summary answer. */
function countsHtml(data: FirstData): string {
  const zh = (key: Parameters<typeof translate>[1]) => translate('zh', key);
  const { manifest } = data;
  const filters = parseFilters(new URLSearchParams(data.answers.edition ? { edition: data.answers.edition } : {}), manifest);
  const edition = manifest.editions.find((e) => e.edition_id === filters.edition);
  const summaryKey = answerKey(editionSummary({ edition: filters.edition, genericVerbs: filters.genericVerbs }));
  const summary = data.answers.answers.find((a) => a.key === summaryKey)?.rows[0] as EditionSummaryRow | undefined;
  const card = (value: number, label: string) => `<div class="fp-card"><span class="fp-value">${formatCount(value)}</span><span class="fp-label">${escapeHtml(label)}</span></div>`;
  const cards = [
    card(manifest.summary.editions, zh('word.editions')),
    card(manifest.summary.tracks, zh('word.tracks')),
    card(manifest.summary.topics, zh('word.topics')),
    card(manifest.summary.terms, zh('word.terms'))
  ].join('');
  if (!edition) return `<div class="fp-cards">${cards}</div>`;
  const fact = (label: string, value: number | undefined) => `<div><dt>${escapeHtml(label)}</dt><dd>${value === undefined ? '…' : formatCount(value)}</dd></div>`;
  const facts = [
    fact(zh('word.tracks'), edition.tracks.length),
    fact(zh('word.topics'), edition.topics),
    fact(zh('overview.distinctTerms'), summary?.terms),
    fact(zh('word.tokens'), summary?.tokens)
  ].join('');
  const tracks = edition.tracks
    .map((tr) => `<li><span class="no">${tr.track_no}</span><span class="name">${escapeHtml(tr.track_name)}</span><span class="num">${tr.topics}</span></li>`)
    .join('');
  return (
    `<div class="fp-cards">${cards}</div>` +
    `<section class="fp-panel"><h2>${escapeHtml(`${editionLabel(edition, 'zh')} · ${edition.title}`)}</h2><dl>${facts}</dl><ol>${tracks}</ol></section>` +
    `<div class="fp-switch">${escapeHtml(`${zh('overview.vocab')}：${zh('overview.vocabAll')}`)}</div>`
  );
}

/** The page's own part of the copy, below the shell: 总览's counts and charts, or 跨赛道's heatmap. */
function mainHtml(data: FirstData, figures: FirstAnswers['figures'], route: FirstRoute): string {
  const zh = (key: Parameters<typeof translate>[1]) => translate('zh', key);
  const waiting = `<section class="frame"><p class="fp-sub">${escapeHtml(zh('status.engine'))}</p></section>`;
  if (route === '/overlap') {
    const switches = [
      `${zh('overlap.metric')}：${zh('overlap.jaccard')}`,
      `${zh('overlap.weight')}：${zh('overlap.weightShared')}`
    ].map((text) => `<div class="fp-switch">${escapeHtml(text)}</div>`);
    return (
      `<h1>${escapeHtml(zh('overlap.heading'))}</h1><div class="fp-controls">${switches.join('')}</div>` +
      `<div class="fp-grid">${figures.map((f) => frame(f, '')).join('')}${waiting}</div>`
    );
  }
  const byRecipe = new Map(figures.map((f) => [f.recipe, f]));
  const top = byRecipe.get('overview.top');
  const rest = figures.filter((f) => f !== top);
  const pair = top ? `<div class="fp-pair">${frame(top, '')}${waiting}</div>` : '';
  return `<h1>${escapeHtml(zh('overview.heading'))}</h1>${countsHtml(data)}${pair}${rest.map((f) => frame(f, '')).join('')}`;
}

/** The data block, and the drawn first screen of `route` when `paint` (and there is something drawn). */
export function firstPaintHtml(data: FirstData, figures: FirstAnswers['figures'], paint: boolean, route: FirstRoute = '/'): string {
  const block = `<script type="application/json" id="${FIRST_DATA_ID}">${scriptJson(data)}</script>`;
  if (!paint || figures.length === 0) return block;
  const zh = (key: Parameters<typeof translate>[1]) => translate('zh', key);
  const nav = NAV.map((item) => `<span>${escapeHtml(zh(item.key))}</span>`).join('');
  // The drawing first: the browser paints it while the (larger) data block is still arriving.
  return (
    `<div id="${FIRST_PAINT_ID}" data-route="${escapeHtml(route)}" aria-busy="true"><style>${STYLE}</style>` +
    `<div class="fp-top"><div class="fp-bar"><strong>${escapeHtml(zh('app.name'))}</strong><span>${escapeHtml(zh('app.title'))}</span></div>` +
    `<div class="fp-bar fp-nav">${nav}</div><div class="fp-filters">${escapeHtml(filtersText(data))}</div></div>` +
    `<main><p class="fp-note" role="status">${escapeHtml(zh('status.firstPaint'))}</p>${mainHtml(data, figures, route)}</main></div>` +
    block
  );
}
