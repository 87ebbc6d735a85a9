/** Public API of the table stage. */
export { computeEditionTables, editionRows, forEachEditionTable, STORED_EDITION_TABLES } from './edition.ts';
export type { EditionRows, EditionTableName, EditionTableOptions, EditionTables } from './edition.ts';
export { createVocabulary, summarizeVocabulary, themeRows } from './vocabulary.ts';
export type { Vocabulary, VocabularySummary } from './vocabulary.ts';
export {
  associationStrength,
  cosine,
  cosineFromDot,
  g2Signed,
  griesDp,
  idf,
  jaccard,
  log2Table,
  logRatio,
  npmi,
  per10k
} from './stats.ts';
export type { Dispersion } from './stats.ts';
export { compareCodePoints, countCodePoints } from './order.ts';
export { createNearDuplicateFinder } from './near-duplicates.ts';
export type { NearDuplicateFinder, NearDuplicateOptions } from './near-duplicates.ts';
