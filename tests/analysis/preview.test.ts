/**
 * Dictionary previews: how a text is cut, and which counts an edited dictionary moves,
 * checked against counts made by hand on a small guide.
 */
import { cpSync, mkdtempSync, appendFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseGuide } from '../../analysis/parse/index.ts';
import type { ParsedEdition } from '../../analysis/model.ts';
import { main } from '../../analysis/preview-cli.ts';
import { compareSegmenters, cutLine } from '../../analysis/preview.ts';
import { createSegmenter, loadDictionaries, type Segmenter } from '../../analysis/segment/index.ts';

const GUIDE = [
  '赛道一：应急管理赛道',
  '一、智能预警平台',
  '开展智能预警，做好风险预警。智能终端接入。',
  '二、数据融合',
  '推动数据融合，实现智能预警与智能调度。'
].join('\n');

function edition(text: string): ParsedEdition {
  const guide = parseGuide(text, 'mini.txt');
  return {
    meta: { edition_id: '2026-mini', year: 2026, region: 'mini', title: 't', source: '', notes: '' },
    file: 'mini.txt',
    encoding: 'utf-8',
    sha256: '',
    bytes: text.length,
    tracks: guide.tracks,
    warnings: []
  } as ParsedEdition;
}

const occurrences = (text: string, word: string) => text.split(word).length - 1;

let now: Segmenter;
let edited: Segmenter;
let editedDir: string;

beforeAll(async () => {
  editedDir = join(mkdtempSync(join(tmpdir(), 'crosstrack-preview-')), 'dict');
  cpSync('data/dict', editedDir, { recursive: true });
  appendFileSync(join(editedDir, 'terms.txt'), '\n智能预警\n');
  now = createSegmenter(await loadDictionaries('data/dict'));
  edited = createSegmenter(await loadDictionaries(editedDir));
  return () => rmSync(join(editedDir, '..'), { recursive: true, force: true });
});

describe('cutLine', () => {
  it('shows each piece, the canonical form of variants and why pieces are not counted', () => {
    expect(cutLine(now, '推动可信数据空间建设，应用AI与大语言模型')).toBe(
      '推动⁽通用动词 verb⁾ | 可信数据空间 | 建设⁽通用动词 verb⁾ | 应用 | AI→人工智能 | 与⁽停用 stop⁾ | 大语言模型→大模型'
    );
  });

  it('follows the dictionary it was given', () => {
    expect(cutLine(now, '智能预警')).toBe('智能 | 预警');
    expect(cutLine(edited, '智能预警')).toBe('智能预警');
  });
});

describe('compareSegmenters', () => {
  it('reports exactly the counts the new term moves, biggest change first, with an example', () => {
    const { passages, changes } = compareSegmenters(now, edited, [edition(GUIDE)]);
    expect(passages).toBe(4);
    const k = occurrences(GUIDE, '智能预警');
    const intelligent = occurrences(GUIDE, '智能');
    const warning = occurrences(GUIDE, '预警');
    expect(changes.map((c) => [c.term, c.before, c.after])).toEqual([
      ['智能', intelligent, intelligent - k],
      ['智能预警', 0, k],
      ['预警', warning, warning - k]
    ]);
    const example = changes[1].example!;
    expect(example.where).toBe('2026-mini 赛道 track 1 题目 topic 1');
    expect(example.before).toContain('智能 | 预警');
    expect(example.after).toContain('智能预警');
  });

  it('finds nothing when the dictionaries agree on the text', () => {
    const { changes } = compareSegmenters(now, edited, [edition('赛道一：工业制造赛道\n一、可信数据空间\n建设可信数据空间。')]);
    expect(changes).toEqual([]);
  });
});

describe('npm run preview', () => {
  const run = async (argv: string[]) => {
    const lines: string[] = [];
    const code = await main(argv, (line) => lines.push(line));
    return { code, lines };
  };

  it('cuts a text both ways', async () => {
    const { code, lines } = await run(['--text', '智能预警', '--against', editedDir]);
    expect(code).toBe(0);
    expect(lines).toEqual(['现在 now:      智能 | 预警', '修改后 after:  智能预警']);
  });

  it('lists the counts a dictionary change moves in the bundled guides', async () => {
    const { code, lines } = await run(['--against', editedDir, '--top', '5']);
    expect(code).toBe(0);
    expect(lines[0]).toMatch(/^\d+ 个词条的频次会变化/);
    expect(lines.find((l) => l.includes('智能预警'))).toMatch(/0 → \d+ +\+\d+/);
  });

  it('explains its usage, and names the missing dictionary file', async () => {
    expect((await run([])).code).toBe(2);
    expect((await run(['--against', join(editedDir, 'nowhere')])).code).toBe(1);
  });
});
