/**
 * The co-occurrence bound, by counting alone. The dashboard derives the pairs in DuckDB
 * (src/lib/db/derive.ts) by joining each topic's and each sentence's distinct terms with
 * themselves; those joins hold Σ C(d, 2) rows over topics and sentences (d = distinct
 * terms of the unit) before they are grouped into pairs. That sum is what a browser tab
 * must hold for one edition, so it is what LIMITS.cooccurrencePairs bounds. Counting it
 * costs one pass over the tokens; no pair is ever made.
 */
import type { EditionIndex } from './counts.ts';

/** Σ C(d, 2) over the edition's topics and over its sentences (a title is one sentence). */
export function cooccurrenceJoinRows(index: EditionIndex): number {
  const V = index.terms.length;
  let rows = 0;
  for (const unit of index.units) {
    const d = unit.distinctTermIds.length;
    rows += (d * (d - 1)) / 2;
    // (sentence, term) keys in order: each run of one sentence holds its distinct terms once.
    const keys = new Float64Array(unit.tokens.length);
    for (let i = 0; i < keys.length; i++) keys[i] = unit.tokens[i].sentence_no * V + unit.termIds[i];
    keys.sort();
    let sentence = -1;
    let distinct = 0;
    for (let i = 0; i < keys.length; i++) {
      if (i > 0 && keys[i] === keys[i - 1]) continue;
      const no = Math.floor(keys[i] / V);
      if (no !== sentence) {
        sentence = no;
        distinct = 0;
      }
      // The k-th distinct term of a sentence pairs with the k − 1 before it.
      rows += distinct++;
    }
  }
  return rows;
}
