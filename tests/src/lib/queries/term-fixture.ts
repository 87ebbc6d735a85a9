/**
 * The shared fixture (../fixture/rows.ts) plus what the term queries need and it lacks:
 *  - spans: every term_topic row gets the places where its term is written in the topic's
 *    title and body (2026-hunan bodies are 围绕<title>开展研究。, so a title hit at s is a
 *    body hit at s + 2). Rows whose term the text does not contain keep empty spans.
 *      工业制造 1 工业数据模型: 数据 2:2 / 4:2, 模型 4:2 / 6:2    现代农业 1 农业数据平台: 数据 2:2 / 4:2
 *  - a single-character term 链 in 2025-fujian-xiamen 绿色低碳 (count 1, one topic): that
 *    track's tokens become 3 (both verb settings), the edition's 6 removed / 7 kept.
 *  - 隐私计算 gets the variant 隐私保护计算.
 *  - no cooccurrence rows: the loader derives them from these spans and the topics' text,
 *    as the dashboard does (the pairs term.test.ts expects are worked out there).
 */
import type { Rows } from '../../../../analysis/contract.ts';
import type { LoadableConnector } from '../../../../src/lib/db/connector.ts';
import { loadTables } from '../../../../src/lib/db/load.ts';
import { openEngine, type Engine } from '../fixture/connect.ts';
import { fixtureRows } from '../fixture/rows.ts';
import { memoryFixture } from '../fixture/write.ts';

export const HUNAN = '2026-hunan';
export const XIAMEN = '2025-fujian-xiamen';

function spansOf(text: string, term: string): string {
  const out: string[] = [];
  for (let at = text.indexOf(term); at >= 0; at = text.indexOf(term, at + term.length)) out.push(`${at}:${term.length}`);
  return out.join(' ');
}

export function termFixtureRows(): Rows {
  const rows = fixtureRows();
  for (const tt of rows.term_topic) {
    const topic = rows.topics.find((t) => t.edition_id === tt.edition_id && t.track_no === tt.track_no && t.topic_no === tt.topic_no)!;
    Object.assign(tt, { title_spans: spansOf(topic.title, tt.term), body_spans: spansOf(topic.body, tt.term) });
  }

  rows.term_topic.push({ edition_id: XIAMEN, track_no: 2, topic_no: 1, term: '链', count: 1, title_spans: '', body_spans: '' });
  for (const verbs of ['removed', 'kept'] as const) {
    rows.term_track.push({ edition_id: XIAMEN, generic_verbs: verbs, track_no: 2, term: '链', count: 1, topics: 1, per10k: 10_000 / 3, keyness_g2: 0, log_ratio: 0 });
  }
  const track = rows.tracks.find((t) => t.edition_id === XIAMEN && t.track_no === 2)!;
  Object.assign(track, { tokens: track.tokens + 1, tokens_with_verbs: track.tokens_with_verbs + 1 });
  const edition = rows.editions.find((e) => e.edition_id === XIAMEN)!;
  Object.assign(edition, { tokens: edition.tokens + 1 });
  rows.terms.push({ term: '链', count: 1, editions: 1, topics: 1, chars: 1, in_dictionary: false, generic_verb: false, themes: '', variants: '' });
  Object.assign(rows.terms.find((t) => t.term === '隐私计算')!, { variants: '隐私保护计算' });

  // The partners come from the cooccurrence rows the loader derives from these spans.
  return rows;
}

export async function termFixtureConnector(engine: Engine): Promise<LoadableConnector> {
  const db = await openEngine(engine);
  const { manifest, fetchBytes } = await memoryFixture(termFixtureRows());
  await loadTables(db, manifest, fetchBytes);
  return db;
}
