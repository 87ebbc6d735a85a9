import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../../src/lib/random.ts';
import { AnalysisError } from '../../../analysis/messages.ts';
import type { ParsedEdition } from '../../../analysis/model.ts';
import { createNearDuplicateFinder } from '../../../analysis/tables/near-duplicates.ts';
import {
  bruteForce,
  distinctChars,
  edition,
  expectRowsAreReal,
  find,
  flatten,
  jaccard,
  pairOf,
  readGuide,
  replaced
} from './near-duplicates/helpers.ts';

const S20 = '围绕数据要素市场化配置改革开展试点示范'; // 19 characters
const S20_FULL = `${S20}区`; // 20 characters
const FILLER_A = '构建工业互联网平台赋能中小企业转型';
const FILLER_B = '发展智慧农业推动乡村全面振兴';

describe('near-duplicate passages on hand-made editions', () => {
  it('reports a shared 20-character sentence once, earlier topic as side a', () => {
    expect([...S20_FULL].length).toBe(20);
    const second = `${distinctChars(22, 0x5200)}。${S20_FULL}。${FILLER_A}`;
    const first = `${S20_FULL}。${FILLER_B}。${distinctChars(22, 0x5200)}`;
    const rows = find([edition('e1', [[], [first]]), edition('e2', [[second]])]);
    expect(rows.map(pairOf)).toEqual(['e1/2.1~e2/1.1']);
    expect(rows[0].kind).toBe('sentence');
    // Both shared sentences, in the order of topic b (the later one).
    expect(rows[0].shared_text).toBe(`${distinctChars(22, 0x5200)}\n${S20_FULL}`);
    expect(rows[0].similarity).toBeCloseTo(jaccard(first, second), 12);
  });

  it('ignores a shared sentence of 19 characters', () => {
    expect([...S20].length).toBe(19);
    const rows = find([edition('e1', [[`${S20}。${FILLER_A}`, `${FILLER_B}；${S20}`]])]);
    expect(rows).toEqual([]);
  });

  it('finds a shared clause when the sentences around it differ, and only sentences with clauses off', () => {
    const clause = distinctChars(24, 0x5300);
    const a = `${FILLER_A}，${clause}。`;
    const b = `${FILLER_B}，${clause}，${FILLER_A}。`;
    const rows = find([edition('e1', [[a, b]])]);
    expect(rows.map((r) => [pairOf(r), r.kind, r.shared_text])).toEqual([['e1/1.1~e1/1.2', 'sentence', clause]]);
    expect(find([edition('e1', [[a, b]])], { clauses: false })).toEqual([]);
  });

  it('lists a shared sentence, not also its clauses', () => {
    const sentence = `${distinctChars(21, 0x5300)}，${distinctChars(21, 0x5400)}`;
    const rows = find([edition('e1', [[`${sentence}。${FILLER_A}`, `${FILLER_B}。${sentence}`]])]);
    expect(rows.map((r) => r.shared_text)).toEqual([sentence]);
  });

  it("reports bodies differing in one character of 200 as 'body' with the hand-computed Jaccard", () => {
    // 200 distinct characters + 。见附件: 204 characters, all distinct → 200 shingles.
    // One character changed in the middle breaks the 5 shingles covering it: 195 shared, 205 in the union.
    const a = `${distinctChars(200)}。见附件`;
    const b = `${replaced(distinctChars(200), [100])}。见附件`;
    const rows = find([edition('e1', [[a]]), edition('e2', [[b]])]);
    expect(rows).toEqual([
      {
        edition_a: 'e1',
        track_a: 1,
        topic_a: 1,
        edition_b: 'e2',
        track_b: 1,
        topic_b: 1,
        kind: 'body',
        similarity: 195 / 205,
        shared_text: '见附件'
      }
    ]);
  });

  it('draws the body line at Jaccard 0.8', () => {
    // 200 distinct characters → 196 shingles. Changing a run of r characters breaks r + 4 of them,
    // so d broken shingles give (196 − d) / (196 + d): d = 21 → 175/217 ≈ 0.806, d = 22 → 174/218 ≈ 0.798.
    const base = distinctChars(200);
    const run = (start: number, length: number) => Array.from({ length }, (_, i) => start + i);
    const over = replaced(base, [...run(20, 7), ...run(100, 6)]);
    const under = replaced(base, [...run(20, 7), ...run(100, 7)]);
    const [rowsOver, rowsUnder] = [find([edition('e1', [[base, over]])]), find([edition('e1', [[base, under]])])];
    expect(rowsOver.map((r) => [r.kind, r.similarity])).toEqual([['body', 175 / 217]]);
    expect(jaccard(base, under)).toBeCloseTo(174 / 218, 12);
    expect(rowsUnder).toEqual([]);
  });

  it('finds pairs within one edition and across editions, sorted by the contract key', () => {
    const shared = distinctChars(25, 0x5500);
    const rows = find([
      edition('b-2025', [[`${shared}。${FILLER_A}`], [`${FILLER_B}。${shared}`]]),
      edition('a-2026', [[`${shared}！`]])
    ]);
    // Side a is the earlier topic in adding order even when its edition id sorts later.
    expect(rows.map(pairOf)).toEqual(['b-2025/1.1~a-2026/1.1', 'b-2025/1.1~b-2025/2.1', 'b-2025/2.1~a-2026/1.1']);
    expect(rows.every((r) => r.kind === 'sentence' && r.shared_text === shared)).toBe(true);
  });

  it('reports a group of 4 as all 6 pairs, or as (first, each later) above allPairsUpTo', () => {
    const shared = distinctChars(25, 0x5500);
    const tail = (i: number) => distinctChars(40, 0x6000 + i * 100);
    const editions = [edition('e1', [[`${shared}。${tail(0)}`, `${tail(1)}。${shared}`]]), edition('e2', [[`${tail(2)}；${shared}`], [`${shared}\n${tail(3)}`]])];
    const all = find(editions);
    expect(all.map(pairOf)).toEqual([
      'e1/1.1~e1/1.2',
      'e1/1.1~e2/1.1',
      'e1/1.1~e2/2.1',
      'e1/1.2~e2/1.1',
      'e1/1.2~e2/2.1',
      'e2/1.1~e2/2.1'
    ]);
    const star = find(editions, { allPairsUpTo: 3 });
    expect(star.map(pairOf)).toEqual(['e1/1.1~e1/1.2', 'e1/1.1~e2/1.1', 'e1/1.1~e2/2.1']);
    expect(star.every((r) => r.kind === 'sentence' && r.shared_text === shared && r.similarity < 0.8)).toBe(true);
  });

  it('reports 12 identical bodies as 11 pairs (first, each later)', () => {
    // 23 characters in sentences of 19 and 3: no passage, so only the body rule can see it.
    const longest = distinctChars(19, 0x5600);
    const body = `${longest}。${distinctChars(3, 0x5700)}`;
    const rows = find(Array.from({ length: 12 }, (_, i) => edition(`e${String(i).padStart(2, '0')}`, [[body]])));
    expect(rows).toHaveLength(11);
    expect(rows.every((r) => r.edition_a === 'e00' && r.kind === 'body' && r.similarity === 1 && r.shared_text === longest)).toBe(true);
  });

  it('links near-identical bodies through their groups within the documented bounds', () => {
    const x = distinctChars(200);
    const y = replaced(x, [50]);
    const editions = [edition('e1', [[x, x, y]]), edition('e2', [[y, x, y]])];
    // x in topics 1,2,5; y in 3,4,6. Small groups: every pair (3 + 3 identical, 9 near).
    const all = find(editions);
    expect(all).toHaveLength(15);
    expect(all.filter((r) => r.similarity < 1).every((r) => r.kind === 'body' && r.similarity === 191 / 201)).toBe(true);
    // allPairsUpTo 2: each group of 3 gives 2 pairs; the link gives (first x, each y).
    const bounded = find(editions, { allPairsUpTo: 2 });
    expect(bounded.map(pairOf)).toEqual([
      'e1/1.1~e1/1.2',
      'e1/1.1~e1/1.3',
      'e1/1.1~e2/1.1',
      'e1/1.1~e2/1.2',
      'e1/1.1~e2/1.3',
      'e1/1.3~e2/1.1',
      'e1/1.3~e2/1.3'
    ]);
  });

  it('links a distinct body to all earlier near-identical ones up to nearBodyLinks, else to the earliest', () => {
    const x = distinctChars(200);
    const variants = [x, replaced(x, [20]), replaced(x, [60]), replaced(x, [100])];
    const editions = [edition('e1', [variants])];
    expect(find(editions)).toHaveLength(6);
    // The 4th body has 3 earlier near-identical bodies: more than 2, so it links to the 1st only.
    expect(find(editions, { nearBodyLinks: 2 }).map(pairOf)).toEqual(['e1/1.1~e1/1.2', 'e1/1.1~e1/1.3', 'e1/1.1~e1/1.4', 'e1/1.2~e1/1.3']);
    expect(find(editions, { nearBodyLinks: 1 }).map(pairOf)).toEqual(['e1/1.1~e1/1.2', 'e1/1.1~e1/1.3', 'e1/1.1~e1/1.4']);
  });

  it('handles titles-only editions: long repeated titles match, short ones do not', () => {
    const longTitle = `${distinctChars(21, 0x5800)}平台`;
    const editions = [
      edition('t1', [[[longTitle, ''], ['智慧交通', '']]]),
      edition('t2', [[['智慧交通', ''], [longTitle, ''], ['', '']]])
    ];
    const rows = find(editions);
    expect(rows.map((r) => [pairOf(r), r.kind, r.similarity, r.shared_text])).toEqual([['t1/1.1~t2/1.2', 'sentence', 1, longTitle]]);
    expect(find([edition('empty', []), edition('blank', [[['', '']]])])).toEqual([]);
  });

  it('refuses the same edition id twice', () => {
    const finder = createNearDuplicateFinder();
    finder.add(edition('e1', [['x']]));
    expect(() => finder.add(edition('e1', [['y']]))).toThrowError(AnalysisError);
    try {
      finder.add(edition('e1', [['y']]));
    } catch (error) {
      expect((error as AnalysisError).diagnostic.code).toBe('edition-duplicate-id');
    }
  });
});

describe('near-duplicates in the real guides', () => {
  it('finds the repeated passages of 气象服务 in the Hunan guide, and every row is real', async () => {
    const hunan = await readGuide('2026-hunan.txt');
    expect(hunan.tracks.map((t) => t.topics.length)).toEqual([5, 12, 3, 14, 12, 4, 4, 5, 4, 6, 15, 5, 8, 7, 5, 6, 7]);
    const rows = find([hunan]);
    console.log(`Hunan near-duplicates (${rows.length}):\n${rows.map((r) => `${pairOf(r)} ${r.kind} ${r.similarity.toFixed(4)} ${JSON.stringify(r.shared_text)}`).join('\n')}`);
    expectRowsAreReal(rows, [hunan]);
    const byPair = new Map(rows.map((r) => [pairOf(r), r]));
    const threeFour = byPair.get('2026-hunan/10.3~2026-hunan/10.4');
    expect(threeFour?.kind).toBe('sentence');
    expect(threeFour?.shared_text).toBe('打造气候变化风险识别、风险评估、风险预警、风险转移等智能决策模式');
    const oneFour = byPair.get('2026-hunan/10.1~2026-hunan/10.4');
    expect(oneFour?.shared_text).toBe('深化气象数据与城市规划、重大工程等建设数据融合应用，降低不利气象条件对规划和工程的影响');
    // Every row shows text that is really in both bodies.
    const topics = new Map(flatten([hunan]).map((t) => [t.key, t]));
    for (const row of rows) {
      for (const line of row.shared_text.split('\n')) {
        expect(topics.get(`${row.edition_a}/${row.track_a}.${row.topic_a}`)!.body).toContain(line);
        expect(topics.get(`${row.edition_b}/${row.track_b}.${row.topic_b}`)!.body).toContain(line);
      }
    }
    // The uncapped brute force agrees on the real guide.
    expect(new Map(rows.map((r) => [pairOf(r), r.kind]))).toEqual(bruteForce(flatten([hunan])));
  });

  it('runs on the titles-only Fujian guide next to Hunan without inventing pairs', async () => {
    const editions = [await readGuide('2025-fujian-xiamen.txt'), await readGuide('2026-hunan.txt')];
    expect(editions[0].tracks.flatMap((t) => t.topics)).toHaveLength(48);
    const rows = find(editions);
    console.log(`Fujian + Hunan near-duplicates (${rows.length}): ${rows.map(pairOf).join(', ')}`);
    expectRowsAreReal(rows, editions);
    expect(new Map(rows.map((r) => [pairOf(r), r.kind]))).toEqual(bruteForce(flatten(editions)));
  });

  it('stays bounded on 1,000 editions resampled from Hunan: about one row per repeated topic', async () => {
    const hunan = await readGuide('2026-hunan.txt');
    const random = seededRandom(20260101);
    const editions = Array.from({ length: 1000 }, (_, e): ParsedEdition => ({
      ...hunan,
      meta: { ...hunan.meta, edition_id: `r${String(e).padStart(4, '0')}` },
      file: `r${e}.txt`,
      tracks: hunan.tracks.map((track) => ({
        ...track,
        topics: track.topics.map((_, i) => ({ ...track.topics[Math.floor(random() * track.topics.length)], topic_no: i + 1 }))
      }))
    }));
    const finder = createNearDuplicateFinder();
    for (const e of editions) finder.add(e);
    const rows = finder.rows();
    // Bounded rule: about one row per repeated topic, far from the ~61M all-pairs rows.
    expect(rows.length).toBeGreaterThan(editions.length * 122 - 1000);
    expect(rows.length).toBeLessThan(editions.length * 122 * 2);
  });
});
