/**
 * Hostile guide contents, fixtures built here: zip bombs, archives of many entries, XML
 * that breaks the parser, UTF-16 without a BOM, lines and guides past the limits.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { readEdition } from '../../../analysis/parse/index.ts';
import { decodeSource } from '../../../analysis/parse/decode.ts';
import { checkDocxBounds } from '../../../analysis/parse/docx-bounds.ts';
import { LIMITS, MB, withLimits } from '../../../analysis/limits.ts';
import { AnalysisError } from '../../../analysis/messages.ts';
import type { SourceFile } from '../../../analysis/model.ts';
import { buildDocx, buildZip } from '../../fixtures/parse/make-fixtures.ts';

const ROOT = join(import.meta.dirname, '../../..');
const HUNAN = readFileSync(join(ROOT, 'data/editions/2026-hunan.txt'), 'utf8');
const source = (name: string, bytes: Uint8Array | string): SourceFile => ({
  path: `input/${name}`,
  name,
  bytes: typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes
});
const NO_ENTRIES = { path: null, entries: [] };

async function refusal(work: Promise<unknown>): Promise<AnalysisError> {
  try {
    await work;
  } catch (error) {
    if (error instanceof AnalysisError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}

/** Rewrites every central-directory entry's declared size: what a zip bomb lies about. */
function lieAboutSizes(zip: Uint8Array, declared: number): Uint8Array {
  const bytes = Buffer.from(zip);
  for (let at = 0; at + 46 <= bytes.length; at++) {
    if (bytes.readUInt32LE(at) === 0x02014b50) bytes.writeUInt32LE(declared, at + 24);
  }
  return new Uint8Array(bytes);
}

describe('Word documents are bounded before mammoth sees them', () => {
  it('a zip bomb (XML inflating past the bound, sizes falsified) is refused, naming the limit', async () => {
    const paragraph = '<w:p><w:r><w:t>赛道一：工业制造赛道</w:t></w:r></w:p>';
    const docx = buildDocx(['赛道一：工业制造赛道', '一、题目']);
    const bomb = buildZip({
      '[Content_Types].xml': '<Types/>',
      'word/document.xml': `<w:document><w:body>${paragraph.repeat(Math.ceil((70 * MB) / paragraph.length))}</w:body></w:document>`
    });
    expect(bomb.length).toBeLessThan(2 * MB);
    const lying = lieAboutSizes(bomb, 1000);
    for (const bytes of [bomb, lying]) {
      const started = performance.now();
      const error = await refusal(decodeSource(source('bomb.docx', bytes)));
      expect(error.diagnostic.code).toBe('docx-too-large');
      expect(error.message).toContain(`${LIMITS.docxXmlBytes / MB} MB`);
      expect(error.message).toContain('input/bomb.docx');
      expect(performance.now() - started).toBeLessThan(5_000);
    }
    expect(checkDocxBounds(docx, 'ok.docx', LIMITS)).toMatchObject({ entries: 3 });
  });

  it('an archive with thousands of entries is refused by count', async () => {
    const entries: Record<string, string> = { 'word/document.xml': '<w:document/>' };
    for (let i = 0; i < LIMITS.docxEntries + 5; i++) entries[`word/media/image${i}.png`] = 'x';
    const error = await refusal(decodeSource(source('many.docx', buildZip(entries))));
    expect(error.diagnostic.code).toBe('docx-too-many-entries');
    expect(error.message).toContain(LIMITS.docxEntries.toLocaleString('en-US'));
  });

  it('broken XML inside a .docx is a sentence, never the XML parser’s message', async () => {
    for (const xml of ['<w:document><w:body><w:p>', '<w:document/><w:document/>', '<?xml version="1.0"?><a><b></a>']) {
      const bytes = buildZip({
        '[Content_Types].xml': '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
        '_rels/.rels':
          '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
        'word/document.xml': xml
      });
      const error = await refusal(decodeSource(source('broken.docx', bytes)));
      expect(error.diagnostic.code).toBe('docx-invalid');
      expect(error.diagnostic.message).not.toMatch(/Hierarchy request|unclosed|end tag|error|at line|xmldom/i);
      expect(error.diagnostic.message).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('UTF-16 without a BOM', () => {
  it.each([
    ['utf16le', false],
    ['utf16be', true]
  ] as const)('%s is decoded with a warning, not called binary', async (_, swap) => {
    const le = Buffer.from(HUNAN, 'utf16le');
    const bytes = swap ? Buffer.from(le).swap16() : le;
    const decoded = await decodeSource(source('guide.txt', new Uint8Array(bytes)));
    expect(decoded.text).toBe(HUNAN.replace(/\r\n?/g, '\n'));
    expect(decoded.encoding).toBe(swap ? 'utf-16be' : 'utf-16le');
    expect(decoded.warnings.map((w) => w.code)).toEqual(['encoding-detected']);
  });
});

describe('guide bounds', () => {
  it('a line past the limit is refused at its line', async () => {
    const text = `赛道一：工业制造赛道\n一、题目\n${'数据'.repeat(LIMITS.lineChars)}\n`;
    const error = await refusal(readEdition(source('long.txt', text), NO_ENTRIES));
    expect(error.diagnostic.code).toBe('line-too-long');
    expect(error.diagnostic.line).toBe(3);
    expect(error.message).toContain((LIMITS.lineChars * 2).toLocaleString('en-US'));
  });

  it('more tracks or topics than the limit are refused at the first one over it', async () => {
    const limits = withLimits({ tracks: 3, topics: 5 });
    const tracks = Array.from({ length: 4 }, (_, i) => `赛道${i + 1}：领域${i + 1}赛道\n1. 题目甲\n`).join('');
    const tooManyTracks = await refusal(readEdition(source('tracks.txt', tracks), NO_ENTRIES, limits));
    expect(tooManyTracks.diagnostic.code).toBe('too-many-tracks');
    expect(tooManyTracks.diagnostic.line).toBe(7);
    const topics = `赛道一：工业制造赛道\n${Array.from({ length: 6 }, (_, i) => `${i + 1}. 题目${i + 1}\n`).join('')}`;
    const tooManyTopics = await refusal(readEdition(source('topics.txt', topics), NO_ENTRIES, limits));
    expect(tooManyTopics.diagnostic.code).toBe('too-many-topics');
    expect(tooManyTopics.diagnostic.line).toBe(7);
  });

  it('track numbers above 99 are read (赛道一百, 赛道一百零一)', async () => {
    const text = ['赛道九十九：甲赛道', '一、题目甲', '赛道一百：乙赛道', '一、题目乙', '赛道一百零一：丙赛道', '一、题目丙'].join('\n');
    const edition = await readEdition(source('2027-x.txt', text), NO_ENTRIES);
    expect(edition.tracks.map((t) => t.track_name)).toEqual(['甲', '乙', '丙']);
    // 99 → 100 → 101 is in sequence: the only numbering remark is that it starts at 99.
    expect(edition.warnings.filter((w) => w.code.startsWith('numbering')).map((w) => w.message)).toEqual([expect.stringContaining('实为 99')]);
  });

  it('bytes handed in past the guide bound (an upload) are refused before decoding', async () => {
    const error = await refusal(decodeSource(source('big.txt', new Uint8Array(2 * MB)), withLimits({ guideBytes: MB })));
    expect(error.diagnostic.code).toBe('file-too-large');
  });
});
