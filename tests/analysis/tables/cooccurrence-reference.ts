/**
 * The co-occurrence table as the analysis stage computed it until the dashboard began to
 * derive it (src/lib/db/derive.ts): the oracle the derivation is tested against. It stays
 * under tests/ because no production path runs it any more; it is the implementation the
 * real-guide figures were checked with, kept unchanged apart from its bounds and batching.
 *
 * It works on integer term ids in compressed sparse rows: for each term i it walks the
 * units (topics, then sentences) containing i and counts every later term j in a dense
 * counter. No pair keys are hashed, and rows come out in (term_a, term_b) order because
 * ids are assigned in code-point order.
 */
import { cooccurrence, type CooccurrenceRow } from '../../../analysis/contract.ts';
import type { ParsedEdition, SegmentedTopic } from '../../../analysis/model.ts';
import { buildEditionIndex, type EditionIndex } from '../../../analysis/tables/counts.ts';
import { associationStrength, jaccard, log2Table, npmi } from '../../../analysis/tables/stats.ts';
import { columnBatch, floats, ints, rowsFromColumns, same, symbols, type ColumnBatch } from '../../../analysis/write/columns.ts';

/** The edition's cooccurrence rows in (term_a, term_b) order. */
export function referenceCooccurrence(edition: ParsedEdition, topics: readonly SegmentedTopic[], minPairCount: number): CooccurrenceRow[] {
  return rowsFromColumns(cooccurrence, cooccurrenceColumns(buildEditionIndex(edition, topics), minPairCount)) as CooccurrenceRow[];
}

/** Units (topics or sentences) as sorted distinct term ids, plus each term's postings. */
interface Windows {
  /** Units: ids of unit u are unitTerms[unitStart[u] … unitStart[u + 1]). */
  unitStart: Int32Array;
  unitTerms: Int32Array;
  /** Postings: term i occurs at unitTerms positions postings[postingStart[i] … postingStart[i + 1]). */
  postingStart: Int32Array;
  postings: Int32Array;
}

function buildWindows(units: Int32Array[], V: number): Windows {
  let total = 0;
  for (const ids of units) total += ids.length;
  const unitStart = new Int32Array(units.length + 1);
  const unitTerms = new Int32Array(total);
  const postingStart = new Int32Array(V + 1);
  let at = 0;
  units.forEach((ids, u) => {
    unitStart[u] = at;
    unitTerms.set(ids, at);
    at += ids.length;
    for (const id of ids) postingStart[id + 1]++;
  });
  unitStart[units.length] = at;
  for (let i = 0; i < V; i++) postingStart[i + 1] += postingStart[i];
  const fill = postingStart.slice(0, V);
  const postings = new Int32Array(total);
  for (let p = 0; p < total; p++) postings[fill[unitTerms[p]]++] = p;
  return { unitStart, unitTerms, postingStart, postings };
}

/** Sentences with tokens, as sorted distinct term ids; a sentence is (topic, sentence_no). */
function sentenceUnits(index: EditionIndex): Int32Array[] {
  const V = index.terms.length;
  const sentences: Int32Array[] = [];
  for (const unit of index.units) {
    if (unit.tokens.length === 0) continue;
    const keys = new Float64Array(unit.tokens.length);
    for (let i = 0; i < unit.tokens.length; i++) keys[i] = unit.tokens[i].sentence_no * V + unit.termIds[i];
    keys.sort();
    let current: number[] = [];
    let sentence = Math.floor(keys[0] / V);
    let previous = -1;
    for (const key of keys) {
      if (key === previous) continue;
      previous = key;
      const no = Math.floor(key / V);
      if (no !== sentence) {
        sentences.push(Int32Array.from(current));
        current = [];
        sentence = no;
      }
      current.push(key - no * V);
    }
    sentences.push(Int32Array.from(current));
  }
  return sentences;
}

/** For every position in unitTerms, the end (exclusive) of the unit holding it. */
function unitEnds(windows: Windows): Int32Array {
  const ends = new Int32Array(windows.unitTerms.length);
  for (let u = 0; u + 1 < windows.unitStart.length; u++) {
    ends.fill(windows.unitStart[u + 1], windows.unitStart[u], windows.unitStart[u + 1]);
  }
  return ends;
}

export function cooccurrenceColumns(index: EditionIndex, minPairCount: number): ColumnBatch {
  const V = index.terms.length;
  const topics = buildWindows(
    index.units.map((unit) => unit.distinctTermIds),
    V
  );
  const sentences = buildWindows(sentenceUnits(index), V);
  const topicEnd = unitEnds(topics);
  const sentenceEnd = unitEnds(sentences);
  const N = index.units.length;
  let sentenceTotal = 0;
  for (const unit of index.units) sentenceTotal += unit.sentences;
  // Pairs that never co-occur are never listed, so a minimum below 1 means 1.
  const minimum = Math.max(1, minPairCount);
  // Sized to the sentence units too, in case a segmenter's count falls short of its sentence numbers.
  const log2 = log2Table(Math.max(N, sentenceTotal, sentences.unitStart.length - 1));

  const topicCount = new Int32Array(V);
  const sentenceCount = new Int32Array(V);
  const touched = new Int32Array(V);
  // Partners that pass the minimum, with their counts: most touched pairs do not, so only
  // these few are sorted into (term_a, term_b) order.
  const kept = new Int32Array(V);
  const keptTopics = new Int32Array(V);
  const keptSentences = new Int32Array(V);
  const termA: number[] = [];
  const termB: number[] = [];
  const topicCounts: number[] = [];
  const sentenceCounts: number[] = [];
  const jaccards: number[] = [];
  const strengths: number[] = [];
  const npmis: number[] = [];
  const sentenceShared: number[] = [];
  const sentenceJaccards: number[] = [];
  const sentenceStrengths: number[] = [];
  const sentenceNpmis: number[] = [];
  const batch = () =>
    columnBatch(cooccurrence, termA.length, {
      edition_id: same(index.editionId),
      term_a: symbols(termA, index.symbols),
      term_b: symbols(termB, index.symbols),
      topics: ints(topicCounts),
      sentences: ints(sentenceCounts),
      jaccard: floats(jaccards),
      association_strength: floats(strengths),
      npmi: floats(npmis),
      // Null when the pair shares no sentence.
      sentence_jaccard: floats(sentenceJaccards, sentenceShared),
      sentence_association_strength: floats(sentenceStrengths, sentenceShared),
      sentence_npmi: floats(sentenceNpmis, sentenceShared)
    });

  for (let i = 0; i < V; i++) {
    let touchedCount = 0;
    for (let p = topics.postingStart[i]; p < topics.postingStart[i + 1]; p++) {
      const at = topics.postings[p];
      for (let q = at + 1, end = topicEnd[at]; q < end; q++) {
        const j = topics.unitTerms[q];
        if (topicCount[j]++ === 0) touched[touchedCount++] = j;
      }
    }
    if (touchedCount === 0) continue;
    for (let p = sentences.postingStart[i]; p < sentences.postingStart[i + 1]; p++) {
      const at = sentences.postings[p];
      for (let q = at + 1, end = sentenceEnd[at]; q < end; q++) sentenceCount[sentences.unitTerms[q]]++;
    }

    const ni = topics.postingStart[i + 1] - topics.postingStart[i];
    const si = sentences.postingStart[i + 1] - sentences.postingStart[i];
    let keptCount = 0;
    for (let t = 0; t < touchedCount; t++) {
      const j = touched[t];
      const aij = topicCount[j];
      const sij = sentenceCount[j];
      topicCount[j] = 0;
      sentenceCount[j] = 0;
      if (aij < minimum && sij < minimum) continue;
      kept[keptCount++] = j;
      keptTopics[j] = aij;
      keptSentences[j] = sij;
    }
    for (const j of kept.subarray(0, keptCount).sort()) {
      const aij = keptTopics[j];
      const sij = keptSentences[j];
      const nj = topics.postingStart[j + 1] - topics.postingStart[j];
      const sj = sentences.postingStart[j + 1] - sentences.postingStart[j];
      const shared = sij > 0;
      termA.push(i);
      termB.push(j);
      topicCounts.push(aij);
      sentenceCounts.push(sij);
      jaccards.push(jaccard(aij, ni, nj));
      strengths.push(associationStrength(aij, N, ni, nj));
      npmis.push(npmi(aij, N, ni, nj, log2));
      sentenceShared.push(shared ? 1 : 0);
      sentenceJaccards.push(shared ? jaccard(sij, si, sj) : 0);
      sentenceStrengths.push(shared ? associationStrength(sij, sentenceTotal, si, sj) : 0);
      sentenceNpmis.push(shared ? npmi(sij, sentenceTotal, si, sj, log2) : 0);
    }
  }
  return batch();
}
