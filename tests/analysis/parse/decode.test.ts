import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { AnalysisError } from '../../../analysis/messages.ts';
import type { SourceFile } from '../../../analysis/model.ts';
import { decodeSource, firstInvalidUtf8, looksLikeChineseText } from '../../../analysis/parse/decode.ts';
import { buildDocx } from '../../fixtures/parse/make-fixtures.ts';

const FIXTURES = join(import.meta.dirname, '../../fixtures/parse');
const fixture = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));
const SAMPLE = readFileSync(join(FIXTURES, 'sample-guide.txt'), 'utf8');

const source = (name: string, bytes: Uint8Array | number[] | string): SourceFile => ({
  path: `input/${name}`,
  name,
  bytes: typeof bytes === 'string' ? new TextEncoder().encode(bytes) : new Uint8Array(bytes)
});

async function decodeError(file: SourceFile): Promise<AnalysisError> {
  try {
    await decodeSource(file);
  } catch (error) {
    if (error instanceof AnalysisError) return error;
    throw error;
  }
  throw new Error(`expected ${file.name} to fail`);
}

describe('text encodings', () => {
  test.each([
    ['sample-guide.txt', 'utf-8'],
    ['utf8-bom.txt', 'utf-8-bom'],
    ['utf16le-bom.txt', 'utf-16le'],
    ['utf16be-bom.txt', 'utf-16be'],
    ['crlf.txt', 'utf-8'],
    ['cr.txt', 'utf-8']
  ])('%s decodes to the sample text as %s, without warnings', async (name, encoding) => {
    const decoded = await decodeSource(source(name, fixture(name)));
    expect(decoded).toEqual({ text: SAMPLE, encoding, warnings: [] });
  });

  test('GB18030 is detected and says so in a warning', async () => {
    const decoded = await decodeSource(source('gb18030.txt', fixture('gb18030.txt')));
    expect(decoded.text).toBe(SAMPLE);
    expect(decoded.encoding).toBe('gb18030');
    expect(decoded.warnings.map((w) => [w.code, w.level, w.file])).toEqual([['encoding-detected', 'warning', 'input/gb18030.txt']]);
    expect(decoded.warnings[0].message).toContain('GB18030');
  });

  test('GBK bytes made on the fly decode the same way', async () => {
    const text = '赛道一：工业制造赛道\r\n一、数据驱动的产品设计\r\n聚焦研发环节。';
    const decoded = await decodeSource(source('gbk.md', iconv.encode(text, 'gbk')));
    expect(decoded.text).toBe(text.replace(/\r\n/g, '\n'));
    expect(decoded.encoding).toBe('gb18030');
  });

  test('a BOM is stripped and CR/CRLF become LF', async () => {
    const decoded = await decodeSource(source('a.txt', [0xef, 0xbb, 0xbf, ...new TextEncoder().encode('甲\r\n乙\r丙\n')]));
    expect(decoded.text).toBe('甲\n乙\n丙\n');
  });
});

describe('.docx', () => {
  test('the sample Word document gives one line per paragraph', async () => {
    const decoded = await decodeSource(source('sample-guide.docx', fixture('sample-guide.docx')));
    expect(decoded.encoding).toBe('docx');
    expect(decoded.text.replace(/\n+$/, '')).toBe(SAMPLE.replace(/\n+$/, ''));
    expect(decoded.warnings).toEqual([]);
  });

  test('a document built on the fly keeps paragraph order and empty paragraphs', async () => {
    const decoded = await decodeSource(source('x.docx', buildDocx(['赛道一：甲赛道', '', '一、标题'])));
    expect(decoded.text.split('\n').slice(0, 3)).toEqual(['赛道一：甲赛道', '', '一、标题']);
  });
});

describe('the content decides, not the name', () => {
  test('plain text named .docx, or with no extension, is read as text', async () => {
    expect((await decodeSource(source('notes.docx', '赛道一：工业制造赛道'))).encoding).toBe('utf-8');
    expect((await decodeSource(source('README', '赛道一：甲'))).text).toBe('赛道一：甲');
  });

  test('a Word document named .txt is read as Word', async () => {
    const decoded = await decodeSource(source('guide.txt', fixture('sample-guide.docx')));
    expect(decoded.encoding).toBe('docx');
  });
});

describe('bad inputs', () => {
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13];
  const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0];
  const cases: [string, SourceFile, string, string?][] = [
    ['empty file', source('empty.txt', []), 'file-empty'],
    ['whitespace only', source('blank.txt', ' \n\t\r\n\u3000'), 'file-empty'],
    ['UTF-8 BOM only', source('bom.txt', [0xef, 0xbb, 0xbf]), 'file-empty'],
    ['PNG renamed .txt', source('picture.txt', png), 'file-binary', 'PNG'],
    ['JPEG renamed .txt', source('photo.txt', [0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), 'file-binary', 'JPEG'],
    ['GIF renamed .md', source('anim.md', 'GIF89a\x01\x00'), 'file-binary', 'GIF'],
    ['PDF bytes named .txt (read as a PDF, by content)', source('guide.txt', '%PDF-1.7\n%âãÏÓ'), 'pdf-invalid'],
    ['ZIP bytes named .txt (read as Word, by content)', source('archive.txt', [0x50, 0x4b, 3, 4, 20, 0]), 'docx-invalid'],
    ['NUL bytes', source('data.txt', [0x41, 0x00, 0x42, 0x00]), 'file-binary', 'NUL'],
    ['control characters', source('ctl.txt', '\x01\x02\x03\x04赛道'), 'file-binary'],
    ['Word 97-2003 .doc', source('guide.doc', ole), 'docx-invalid', '.doc'],
    ['a spreadsheet (zip without a Word body)', source('topics.xlsx', fixture('not-word.docx')), 'docx-invalid', 'word/document.xml'],
    ['.png', source('scan.png', png), 'file-binary', 'PNG'],
    ['bytes that are neither UTF-8 nor GB18030', source('bad.txt', [...new TextEncoder().encode('赛道一\n一、题\n'), 0xff, 0xfe, 0xfd]), 'file-undecodable'],
    ['GB18030-decodable bytes that are not Chinese text', source('odd.txt', [0x81, 0x30, 0x81, 0x30, 0x81, 0x30, 0x81, 0x31]), 'file-undecodable'],
    ['UTF-16 with an odd byte count', source('odd16.txt', [0xff, 0xfe, 0x75, 0x8d, 0x53]), 'file-undecodable'],
    ['truncated .docx', source('truncated.docx', fixture('truncated.docx')), 'docx-invalid'],
    ['zip without a Word body', source('not-word.docx', fixture('not-word.docx')), 'docx-invalid', 'word/document.xml'],
    ['Word 97-2003 file named .docx', source('old.docx', ole), 'docx-invalid', '.doc'],
    ['PNG named .docx', source('picture.docx', png), 'file-binary', 'PNG'],
    ['Word document without text', source('blank.docx', buildDocx(['', ' '])), 'file-empty']
  ];

  test.each(cases)('%s', async (_, file, code, mentions) => {
    const error = await decodeError(file);
    expect(error.diagnostic.code).toBe(code);
    expect(error.diagnostic.level).toBe('error');
    expect(error.diagnostic.file).toBe(file.path);
    expect(error.message).toContain(file.path);
    if (mentions) expect(error.message).toContain(mentions);
  });

  test('undecodable bytes are reported at their line, with the byte', async () => {
    const bytes = [...new TextEncoder().encode('赛道一\r\n一、题\n说明'), 0xff, 0xfe];
    const error = await decodeError(source('bad.txt', bytes));
    expect(error.diagnostic.line).toBe(3);
    expect(error.message).toContain('input/bad.txt:3');
    expect(error.message).toContain('0xFF');
  });
});

describe('helpers', () => {
  test('firstInvalidUtf8 finds the first bad offset', () => {
    expect(firstInvalidUtf8(new TextEncoder().encode('赛道'))).toBe(-1);
    expect(firstInvalidUtf8(new Uint8Array([0x41, 0xe8, 0xb5]))).toBe(1);
    expect(firstInvalidUtf8(new Uint8Array([0x41, 0x42, 0xc0, 0x80]))).toBe(2);
  });

  test('looksLikeChineseText', () => {
    expect(looksLikeChineseText('赛道一：工业制造赛道\n一、数据驱动（AI）')).toBe(true);
    expect(looksLikeChineseText('abc')).toBe(false);
    expect(looksLikeChineseText('赛道\ufffd')).toBe(false);
    expect(looksLikeChineseText('\u0080\u0081\u0082赛')).toBe(false);
  });
});

describe('robustness', () => {
  test('any bytes named .txt decode or fail with an AnalysisError', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 200 }), async (bytes) => {
        try {
          const decoded = await decodeSource(source('x.txt', bytes));
          expect(decoded.text).not.toMatch(/\r/);
          expect(decoded.text.trim()).not.toBe('');
        } catch (error) {
          expect(error).toBeInstanceOf(AnalysisError);
        }
      }),
      { numRuns: 300 }
    );
  });

  test('reads any Chinese-led UTF-8 text with the text a strict decoder gives', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme', maxLength: 80 }), async (text) => {
        const bytes = new TextEncoder().encode(`赛道${text}`);
        const expected = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/\r\n?/g, '\n');
        const decoded = await decodeSource(source('x.txt', bytes)).catch((error: unknown) => error);
        if (decoded instanceof AnalysisError) return expect(decoded.diagnostic.code).toBe('file-binary');
        expect(decoded).toMatchObject({ encoding: 'utf-8', text: expected });
      }),
      { numRuns: 300 }
    );
  });

  test('never calls bytes UTF-8 when a strict decoder rejects them', async () => {
    const strict = new TextDecoder('utf-8', { fatal: true });
    const mostlyText = fc
      .uint8Array({ minLength: 1, maxLength: 60 })
      .map((b) => Uint8Array.from([0xe8, 0xb5, 0x9b, ...b]));
    await fc.assert(
      fc.asyncProperty(mostlyText, async (bytes) => {
        let valid = true;
        try {
          strict.decode(bytes);
        } catch {
          valid = false;
        }
        const decoded = await decodeSource(source('x.txt', bytes)).catch(() => null);
        if (!valid) expect(decoded?.encoding ?? 'refused').not.toBe('utf-8');
        else if (decoded !== null) expect(decoded.encoding).toBe('utf-8');
      }),
      { numRuns: 400 }
    );
  });

  test('any bytes behind a zip or PDF signature decode or fail with an AnalysisError, never a crash', async () => {
    const signatures = [[0x50, 0x4b, 3, 4], [...new TextEncoder().encode('%PDF-1.')], [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]];
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...signatures), fc.uint8Array({ maxLength: 120 }), async (signature, bytes) => {
        await expect(decodeSource(source('x.docx', Uint8Array.from([...signature, ...bytes])))).rejects.toBeInstanceOf(AnalysisError);
      }),
      { numRuns: 100 }
    );
  });
});
