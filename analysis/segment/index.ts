export { dictionariesFromBytes, loadDictionaries, parseDictionaries, DICTIONARY_FILES } from './dictionaries.ts';
export { createSegmenter, type Segmenter, type PreviewPiece } from './segmenter.ts';
export type { PieceReason } from './walk.ts';
