/**
 * The shared fixture (../fixture/rows.ts) plus the rows the track, overlap and search
 * queries need and it lacks: term spans for one topic, near-duplicate pairs, and bodies with
 * Latin letters and symbols. track_overlap is derived at load from term_topic, as for real output.
 *
 * Term sets of 2026-hunan with generic verbs removed (from rows.ts):
 *   1 工业制造 {数据, 模型, 隐私计算}   2 现代农业 {数据, 农业}   3 医疗健康 {数据, 模型, 医疗, 联邦学习}
 *   Jaccard: 1–2 = 1/4, 1–3 = 2/5, 2–3 = 1/5. 数据 is in every track (idf 0), so the
 *   cosine of 1–2 and 2–3 is 0; 1–3 shares 模型 alone (COSINE_1_3).
 */
import type { LoadableConnector } from '../../../../src/lib/db/connector.ts';
import { loadTables } from '../../../../src/lib/db/load.ts';
import type { Rows } from '../../../../analysis/contract.ts';
import { openEngine, type Engine } from '../fixture/connect.ts';
import { fixtureRows } from '../fixture/rows.ts';
import { memoryFixture } from '../fixture/write.ts';

export const HUNAN = '2026-hunan';
export const XIAMEN = '2025-fujian-xiamen';

/**
 * TF-IDF cosine of 2026-hunan's tracks 1 and 3 (T = 3 tracks): idf 模型 = ln(3/2) (tracks 1, 3),
 * 隐私计算, 医疗, 联邦学习 = ln 3, 数据 = 0. Track 1 (模型 3, 隐私计算 1), track 3 (模型 2, 医疗 6,
 * 联邦学习 2): the dot product is 模型's alone.
 */
const IDF_2 = Math.log(3 / 2);
const IDF_1 = Math.log(3);
export const COSINE_1_3 = (3 * IDF_2 * 2 * IDF_2) / (Math.hypot(3 * IDF_2, IDF_1) * Math.hypot(2 * IDF_2, 6 * IDF_1, 2 * IDF_1));

/** Bodies rewritten for the search tests (2026-hunan, track/topic → body). */
export const BODIES: Record<string, string> = {
  '2/1': '围绕农业数据平台开展研究，用AI算法实现100%_覆盖。',
  '3/2': "围绕联邦学习辅助诊断开展研究，开展'试点'。\n第二段：推广应用。"
};

export function trackFixtureRows(): Rows {
  const rows = fixtureRows();

  rows.topics = rows.topics.map((topic) => {
    const body = BODIES[`${topic.track_no}/${topic.topic_no}`];
    return topic.edition_id === HUNAN && body !== undefined ? { ...topic, body } : topic;
  });
  // 工业数据模型 / 围绕工业数据模型开展研究。: 数据 at 2 and 4, 模型 at 4 and 6.
  for (const tt of rows.term_topic) {
    if (tt.edition_id !== HUNAN || tt.track_no !== 1 || tt.topic_no !== 1) continue;
    if (tt.term === '数据') Object.assign(tt, { title_spans: '2:2', body_spans: '4:2' });
    if (tt.term === '模型') Object.assign(tt, { title_spans: '4:2', body_spans: '6:2' });
  }
  rows.near_duplicates.push(
    { edition_a: XIAMEN, track_a: 1, topic_a: 1, edition_b: HUNAN, track_b: 3, topic_b: 2, kind: 'sentence', similarity: 0.3, shared_text: '甲句\n乙句' },
    { edition_a: HUNAN, track_a: 1, topic_a: 1, edition_b: HUNAN, track_b: 1, topic_b: 2, kind: 'sentence', similarity: 0.2, shared_text: '同一句' },
    { edition_a: HUNAN, track_a: 1, topic_a: 2, edition_b: HUNAN, track_b: 3, topic_b: 1, kind: 'body', similarity: 0.85, shared_text: '' }
  );
  return rows;
}

export async function trackFixtureConnector(engine: Engine): Promise<LoadableConnector> {
  const db = await openEngine(engine);
  const { manifest, fetchBytes } = await memoryFixture(trackFixtureRows());
  await loadTables(db, manifest, fetchBytes);
  return db;
}
