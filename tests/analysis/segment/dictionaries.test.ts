import { describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AnalysisError } from '../../../analysis/messages.ts';
import { DICTIONARY_FILES, loadDictionaries, parseDictionaries } from '../../../analysis/segment/dictionaries.ts';
import { sha256Hex } from '../../../analysis/segment/sha256.ts';

const MINI = 'tests/fixtures/segment/mini-dict';
const REAL = 'data/dict';

/** The five files, each with its first line a comment, overridden per test. */
function files(overrides: Partial<Record<string, string>> = {}): Record<string, string> {
  return {
    'terms.txt': '# terms\n数据要素\n可信数据空间\n',
    'stopwords.txt': '# stop\n的\n和\n',
    'generic-verbs.txt': '# verbs\n推动\n',
    'thesaurus.tsv': '# thesaurus\nAI\t人工智能\n',
    'themes.tsv': '# themes\n人工智能\t人工智能\n',
    ...overrides
  };
}

function failure(run: () => unknown): AnalysisError {
  try {
    run();
  } catch (err) {
    if (err instanceof AnalysisError) return err;
    throw err;
  }
  throw new Error('expected an AnalysisError');
}

describe('parseDictionaries: file formats', () => {
  it('reads comments, inline comments, CRLF and a BOM', () => {
    const dict = parseDictionaries(files({ 'terms.txt': '\uFEFF# head\r\n数据要素\r\n\r\n  可信数据空间   # why\r\n# 算力\r\n' }));
    expect(dict.terms).toEqual(['数据要素', '可信数据空间']);
  });

  it('keys Latin entries in lower case and keeps the canonical spelling', () => {
    const dict = parseDictionaries(files({ 'thesaurus.tsv': 'AI\t人工智能\nCIM\t城市信息模型\n', 'stopwords.txt': 'For\n的\n' }));
    expect(dict.thesaurus.get('ai')).toBe('人工智能');
    expect(dict.thesaurus.get('cim')).toBe('城市信息模型');
    expect(dict.stopwords.has('for')).toBe(true);
  });

  it('follows thesaurus chains to the end', () => {
    const dict = parseDictionaries(files({ 'thesaurus.tsv': 'LLM\t大语言模型\n大语言模型\t大模型\n' }));
    expect(dict.thesaurus.get('llm')).toBe('大模型');
    expect(dict.thesaurus.get('大语言模型')).toBe('大模型');
  });

  it('maps theme members written as variants to their canonical term, once', () => {
    const dict = parseDictionaries(
      files({ 'thesaurus.tsv': 'AI\t人工智能\n', 'themes.tsv': '人工智能\tAI、人工智能、机器学习\n人工智能\t知识图谱\n' })
    );
    expect(dict.themes.get('人工智能')).toEqual(['人工智能', '机器学习', '知识图谱']);
  });

  it('counts entries and hashes each text', () => {
    const input = files();
    const dict = parseDictionaries(input);
    expect(dict.files['terms.txt'].entries).toBe(2);
    expect(dict.files['thesaurus.tsv'].entries).toBe(1);
    expect(dict.files['themes.tsv'].entries).toBe(1);
    const bytes = Buffer.from(input['terms.txt'], 'utf8');
    expect(dict.files['terms.txt'].sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(dict.files['terms.txt'].bytes).toBe(bytes.length);
    expect(dict.userDictPaths).toEqual([]);
  });
});

describe('parseDictionaries: errors name the file and line', () => {
  const cases: [string, Record<string, string>, string, number][] = [
    ['a term with a space', { 'terms.txt': '# c\n数据要素\n数据 空间\n' }, 'terms.txt', 3],
    ['a term with punctuation', { 'terms.txt': '数据、要素\n' }, 'terms.txt', 1],
    ['a term that is a number', { 'terms.txt': '# c\n2026\n' }, 'terms.txt', 2],
    ['a term that is a stop word', { 'terms.txt': '数据要素\n的\n' }, 'terms.txt', 2],
    ['a thesaurus line with one column', { 'thesaurus.tsv': '# c\nAI 人工智能\n' }, 'thesaurus.tsv', 2],
    ['a thesaurus line with three columns', { 'thesaurus.tsv': 'AI\t人工智能\t智能\n' }, 'thesaurus.tsv', 1],
    ['a variant that is a stop word', { 'thesaurus.tsv': 'AI\t人工智能\n和\t与\n' }, 'thesaurus.tsv', 2],
    ['a canonical term that is a stop word', { 'thesaurus.tsv': '# c\n及\t的\n' }, 'thesaurus.tsv', 2],
    ['a variant mapped to itself', { 'thesaurus.tsv': '# c\n\nAI\tai\n' }, 'thesaurus.tsv', 3],
    ['a theme line without members', { 'themes.tsv': '人工智能\t、\n' }, 'themes.tsv', 1],
    ['a theme line without a tab', { 'themes.tsv': '# c\n人工智能 机器学习\n' }, 'themes.tsv', 2],
    ['a theme member that is a stop word', { 'themes.tsv': '主题\t人工智能、的\n' }, 'themes.tsv', 1],
    ['a generic verb with punctuation', { 'generic-verbs.txt': '推动\n推进/加快\n' }, 'generic-verbs.txt', 2],
    ['a stop word line with a space', { 'stopwords.txt': '的\n和 与\n' }, 'stopwords.txt', 2]
  ];
  it.each(cases)('%s', (_name, override, file, line) => {
    const err = failure(() => parseDictionaries(files(override), 'data/dict'));
    expect(err.diagnostic.code).toBe('dict-bad-line');
    expect(err.diagnostic.file).toBe(`data/dict/${file}`);
    expect(err.diagnostic.line).toBe(line);
    expect(err.message).toContain(`data/dict/${file}:${line}`);
  });

  it('a variant mapped to two canonicals names both lines', () => {
    const err = failure(() => parseDictionaries(files({ 'thesaurus.tsv': 'AI\t人工智能\n# c\nai\t爱\n' })));
    expect(err.diagnostic.code).toBe('dict-thesaurus-conflict');
    expect(err.diagnostic.line).toBe(3);
    expect(err.diagnostic.message).toContain('第 1 行');
    expect(err.diagnostic.message).toContain('人工智能');
    expect(err.diagnostic.message).toContain('爱');
  });

  it('the same mapping written twice is fine', () => {
    const dict = parseDictionaries(files({ 'thesaurus.tsv': 'AI\t人工智能\nai\t人工智能\n' }));
    expect(dict.thesaurus.size).toBe(1);
  });

  it('a thesaurus cycle is an error naming its lines', () => {
    const err = failure(() => parseDictionaries(files({ 'thesaurus.tsv': '甲\t乙\n# c\n乙\t丙\n丙\t甲\n' })));
    expect(err.diagnostic.code).toBe('dict-thesaurus-cycle');
    expect(err.diagnostic.message).toMatch(/1, 3, 4|3, 4, 1|4, 1, 3/);
    expect(err.diagnostic.message).toContain('甲');
  });

  it('a missing file is dict-missing', () => {
    const input = files();
    delete input['themes.tsv'];
    const err = failure(() => parseDictionaries(input));
    expect(err.diagnostic.code).toBe('dict-missing');
    expect(err.diagnostic.file).toBe('themes.tsv');
  });
});

describe('loadDictionaries', () => {
  it('loads the fixture (BOM, CRLF, inline comments, chains)', async () => {
    const dict = await loadDictionaries(MINI);
    expect(dict.terms).toEqual(['数据要素', '可信数据空间', '具身智能', '大模型', 'AIGC']);
    expect(dict.thesaurus.get('llm')).toBe('大模型');
    expect(dict.themes.get('大模型')).toEqual(['大模型', '多模态', '智能体']);
    expect(dict.genericVerbs.has('赋能')).toBe(true);
  });

  it('describes the bytes on disk for the manifest', async () => {
    const dict = await loadDictionaries(MINI);
    for (const name of Object.values(DICTIONARY_FILES)) {
      const bytes = readFileSync(join(MINI, name));
      expect(dict.files[name]).toMatchObject({
        file: name,
        sha256: createHash('sha256').update(bytes).digest('hex'),
        bytes: bytes.length
      });
    }
  });

  it('writes a nodejieba user dictionary with every word, frequency and tag', async () => {
    const dict = await loadDictionaries(MINI);
    expect(dict.userDictPaths).toHaveLength(1);
    const lines = readFileSync(dict.userDictPaths[0], 'utf8').trim().split('\n');
    const words = lines.map((line) => line.split(' ')[0]);
    // terms, variants, canonicals, members, generic verbs; pure Latin (aigc, ai, llm) is glued by the walker
    for (const word of ['数据要素', '具身智能', '大语言模型', '人工智能', '多模态', '智能体', '赋能']) {
      expect(words).toContain(word);
    }
    expect(words).not.toContain('aigc');
    for (const line of lines) expect(line).toMatch(/^\S+ [1-9]\d* n$/);
  });

  it('reports a missing file with its path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'crosstrack-dict-'));
    try {
      cpSync(MINI, dir, { recursive: true });
      rmSync(join(dir, 'thesaurus.tsv'));
      const err = await loadDictionaries(dir).then(
        () => null,
        (e: unknown) => e
      );
      expect(err).toBeInstanceOf(AnalysisError);
      expect((err as AnalysisError).diagnostic.code).toBe('dict-missing');
      expect((err as AnalysisError).diagnostic.file).toBe(join(dir, 'thesaurus.tsv'));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('loads the project dictionaries with the promised sizes', async () => {
    const dict = await loadDictionaries(REAL);
    expect(dict.terms.length).toBeGreaterThanOrEqual(150);
    expect(dict.themes.size).toBeGreaterThanOrEqual(15);
    expect(dict.thesaurus.get('ai')).toBe('人工智能');
    expect(dict.thesaurus.get('大语言模型')).toBe('大模型');
    for (const entry of Object.values(dict.files)) expect(entry.entries).toBeGreaterThan(0);
    // every file opens with a comment saying its format
    for (const name of Object.values(DICTIONARY_FILES)) {
      expect(readFileSync(join(REAL, name), 'utf8')).toMatch(/^# \S+ — [^\n]+\n#\n# Format: /);
    }
  });
});

describe('sha256Hex', () => {
  it('matches node:crypto on block boundaries', () => {
    for (const size of [0, 1, 55, 56, 63, 64, 65, 119, 120, 1000]) {
      const bytes = Uint8Array.from({ length: size }, (_, i) => (i * 131 + size) & 0xff);
      expect(sha256Hex(bytes)).toBe(createHash('sha256').update(bytes).digest('hex'));
    }
  });
});
