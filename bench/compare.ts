/**
 * The comparison part of `npm run bench` (run by bench/run.ts in its own process):
 *   1. precision / recall of the alignment on the constructed variants of the Hunan guide,
 *      both ways round, per status;
 *   2. calibration: how alike true pairs and wrong pairs are, against the thresholds;
 *   3. the time to compare two 1,000-topic editions (and 3,000), median of BENCH_COMPARE_RUNS.
 */
import { compareEditions, THRESHOLDS, type CompareEdition } from '../analysis/compare/index.ts';
import { prepareTopics, similarity, score as pairScore, type PreparedTopic } from '../analysis/compare/topics.ts';
import { GramIds } from '../analysis/compare/text.ts';
import type { TopicStatus } from '../analysis/contract.ts';
import { allVariants, buildVariant, hunanBase, scoreComparison, toCompareEdition, truthOf, type Score, type VEdition } from '../tests/analysis/compare/variants.ts';
import { largeRecipe, syntheticBase } from '../tests/analysis/compare/synthetic.ts';

const RUNS = Number(process.env.BENCH_COMPARE_RUNS ?? 5);
const TARGET_MS = 1000;
const STATUSES: TopicStatus[] = ['matched', 'edited', 'reworded', 'moved', 'added', 'removed'];
const log = (line = '') => console.log(line);
const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

function accuracy(pairs: [VEdition, VEdition][]) {
  const total: Score = {
    pairPrecision: 0, pairRecall: 0, topicRows: 0, topicStatusCorrect: 0, trackRows: 0, trackStatusCorrect: 0,
    byStatus: Object.fromEntries(STATUSES.map((s) => [s, { found: 0, correct: 0, truth: 0 }])) as Score['byStatus']
  };
  let truePairs = 0, foundPairs = 0, correctPairs = 0;
  for (const [a, b] of pairs) {
    const truth = truthOf(a, b);
    const s = scoreComparison(truth, compareEditions(toCompareEdition(a), toCompareEdition(b)));
    const t = truth.topics.filter((r) => r.a && r.b).length;
    const found = STATUSES.filter((x) => x !== 'added' && x !== 'removed').reduce((n, x) => n + s.byStatus[x].found, 0);
    truePairs += t;
    foundPairs += found;
    correctPairs += s.pairRecall * t;
    for (const x of STATUSES) for (const k of ['found', 'correct', 'truth'] as const) total.byStatus[x][k] += s.byStatus[x][k];
    total.topicRows += s.topicRows;
    total.topicStatusCorrect += s.topicStatusCorrect;
    total.trackRows += s.trackRows;
    total.trackStatusCorrect += s.trackStatusCorrect;
  }
  return { ...total, pairPrecision: correctPairs / foundPairs, pairRecall: correctPairs / truePairs };
}

/** The closest wrong pair and the least alike true pair, on each basis. */
function calibration(pairs: [VEdition, VEdition][]) {
  const out = {
    full: { trueMinBody: 1, trueMinScore: 1, trueMinTitle: 1, falseMaxBody: 0, falseMaxScore: 0 },
    titles: { trueMinTitle: 1, falseMaxTitle: 0, falseMaxTitleExample: '' }
  };
  for (const [a, b] of pairs) {
    const ea = toCompareEdition(a);
    const eb = toCompareEdition(b);
    const truth = truthOf(a, b);
    const truePair = new Set(truth.topics.filter((r) => r.a && r.b).map((r) => `${r.a}|${r.b}`));
    for (const basis of ['full', 'titles'] as const) {
      if (basis === 'full' && [ea, eb].some((e) => e.topics.every((t) => t.body === ''))) continue;
      const grams = new GramIds();
      const pa = prepareTopics(ea.topics, basis, grams);
      const pb = prepareTopics(eb.topics, basis, grams);
      const id = (side: string, t: PreparedTopic) => `${side}:${t.topic.track_no}.${t.topic.topic_no}`;
      for (const x of pa) {
        for (const y of pb) {
          const s = similarity(x, y, basis);
          const isTrue = truePair.has(`${id('a', x)}|${id('b', y)}`);
          if (basis === 'full') {
            if (isTrue && (x.title !== y.title || x.body !== y.body)) {
              out.full.trueMinBody = Math.min(out.full.trueMinBody, s.body!);
              out.full.trueMinScore = Math.min(out.full.trueMinScore, pairScore(s));
              if (x.title !== y.title) out.full.trueMinTitle = Math.min(out.full.trueMinTitle, s.title);
            } else if (!isTrue) {
              out.full.falseMaxBody = Math.max(out.full.falseMaxBody, s.body!);
              out.full.falseMaxScore = Math.max(out.full.falseMaxScore, pairScore(s));
            }
          } else if (isTrue && x.title !== y.title) out.titles.trueMinTitle = Math.min(out.titles.trueMinTitle, s.title);
          else if (!isTrue && s.title > out.titles.falseMaxTitle) {
            out.titles.falseMaxTitle = s.title;
            out.titles.falseMaxTitleExample = `${x.topic.title} / ${y.topic.title}`;
          }
        }
      }
    }
  }
  return out;
}

function median(xs: number[]): number {
  const s = [...xs].sort((p, q) => p - q);
  return s[Math.floor(s.length / 2)];
}

function timing(topics: number) {
  const base = syntheticBase(topics, 40);
  const variant = buildVariant(base, 0, largeRecipe(topics));
  const a: CompareEdition = toCompareEdition(base);
  const b: CompareEdition = toCompareEdition(variant);
  const times: number[] = [];
  let result = compareEditions(a, b);
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    result = compareEditions(a, b);
    times.push(performance.now() - t0);
  }
  const score = scoreComparison(truthOf(base, variant), result);
  return { ms: median(times), times, stats: result.stats, score, changes: variant.changes.length };
}

const base = hunanBase();
const variants = allVariants(base);
const pairs: [VEdition, VEdition][] = variants.flatMap((v) => [[base, v], [v, base]] as [VEdition, VEdition][]);
log(`Edition comparison (analysis/compare): ${variants.length} constructed variants of the Hunan guide, each compared both ways (${pairs.length} comparisons)`);
const acc = accuracy(pairs);
log(`topic pairs: precision ${pct(acc.pairPrecision)}, recall ${pct(acc.pairRecall)}; topic statuses ${acc.topicStatusCorrect.toLocaleString('en')} / ${acc.topicRows.toLocaleString('en')} rows right; track statuses ${acc.trackStatusCorrect} / ${acc.trackRows}`);
log('status   |  truth |  found | correct | precision | recall');
log('---------|--------|--------|---------|-----------|-------');
for (const s of STATUSES) {
  const x = acc.byStatus[s];
  log(`${s.padEnd(8)} | ${String(x.truth).padStart(6)} | ${String(x.found).padStart(6)} | ${String(x.correct).padStart(7)} | ${pct(x.found ? x.correct / x.found : 1).padStart(9)} | ${pct(x.truth ? x.correct / x.truth : 1).padStart(6)}`);
}
const cal = calibration(pairs);
log(
  `calibration, full basis: true changed pairs have body Dice ≥ ${cal.full.trueMinBody.toFixed(3)}, score ≥ ${cal.full.trueMinScore.toFixed(3)} (reworded titles ≥ ${cal.full.trueMinTitle.toFixed(3)}); ` +
    `the closest wrong pair body ${cal.full.falseMaxBody.toFixed(3)}, score ${cal.full.falseMaxScore.toFixed(3)} (thresholds: body ${THRESHOLDS.body}, score ${THRESHOLDS.combined})`
);
log(
  `calibration, titles basis: true reworded titles Dice ≥ ${cal.titles.trueMinTitle.toFixed(3)}; the closest wrong pair ${cal.titles.falseMaxTitle.toFixed(3)} ` +
    `(${cal.titles.falseMaxTitleExample}: both exist on both sides, so the assignment pairs each with its exact twin; thresholds ${THRESHOLDS.titlesOnly} in aligned tracks, ${THRESHOLDS.titlesOnlyMoved} across)`
);
const perPair = (() => {
  const a = toCompareEdition(base);
  const bs = variants.map(toCompareEdition);
  for (const b of bs) compareEditions(a, b);
  const t0 = performance.now();
  for (let i = 0; i < RUNS; i++) for (const b of bs) compareEditions(a, b);
  return (performance.now() - t0) / (RUNS * bs.length);
})();
log(`a Hunan-sized pair (122 topics each) takes ${perPair.toFixed(1)} ms: the analysis stage precomputes consecutive pairs on its main thread, so 1,000 of them would add about ${((perPair * 1000) / 1000).toFixed(0)} s`);
log();
log(`Alignment time (synthetic editions, about one topic in six changed; target: 1,000 topics < ${TARGET_MS} ms; median of ${RUNS})`);
log('topics | median ms | runs ms                  | candidates | largest component | greedy components | statuses right');
log('-------|-----------|--------------------------|------------|-------------------|-------------------|---------------');
for (const n of [1000, 3000]) {
  const t = timing(n);
  const over = n === 1000 && t.ms > TARGET_MS ? '*' : ' ';
  log(
    `${String(n).padStart(6)} | ${t.ms.toFixed(0).padStart(8)}${over} | ${t.times.map((x) => x.toFixed(0)).join(' ').padEnd(24)} | ${String(t.stats.candidates).padStart(10)} | ` +
      `${String(t.stats.largestComponent).padStart(17)} | ${String(t.stats.greedyComponents).padStart(17)} | ${t.score.topicStatusCorrect} / ${t.score.topicRows}`
  );
}
