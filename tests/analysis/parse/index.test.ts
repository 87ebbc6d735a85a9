import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import iconv from 'iconv-lite';
import { AnalysisError } from '../../../analysis/messages.ts';
import type { ParsedEdition, SourceFile } from '../../../analysis/model.ts';
import { loadEditionEntries, readEdition } from '../../../analysis/parse/index.ts';

const DATA = join(import.meta.dirname, '../../../data/editions');
const FIXTURES = join(import.meta.dirname, '../../fixtures/parse');
const entries = loadEditionEntries(new Uint8Array(readFileSync(join(DATA, 'editions.json'))), 'data/editions/editions.json');
const NONE = loadEditionEntries(null, 'editions.json');

const sourceFile = (dir: string, name: string): SourceFile => ({
  path: `${dir === DATA ? 'data/editions' : 'fixtures'}/${name}`,
  name,
  bytes: new Uint8Array(readFileSync(join(dir, name)))
});
const topicCount = (e: ParsedEdition) => e.tracks.reduce((n, t) => n + t.topics.length, 0);

describe('golden: 2026-hunan.txt', async () => {
  const file = sourceFile(DATA, '2026-hunan.txt');
  const edition = await readEdition(file, entries);

  test('17 tracks, 122 topics, per-track counts as published', () => {
    expect(edition.tracks).toHaveLength(17);
    expect(topicCount(edition)).toBe(122);
    expect(edition.tracks.map((t) => t.topics.length)).toEqual([5, 12, 3, 14, 12, 4, 4, 5, 4, 6, 15, 5, 8, 7, 5, 6, 7]);
  });

  test('track names', () => {
    expect(edition.tracks.map((t) => t.track_name)).toEqual([
      '工业制造', '现代农业', '商贸流通', '交通运输', '金融服务', '科技创新', '医疗健康', '医疗保障', '应急管理',
      '气象服务', '城市治理', '绿色低碳', '人力资源', '体育发展', '文物保护利用', '中医药', '数据基础设施'
    ]);
    expect(edition.tracks.map((t) => t.track_no)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
  });

  test('every topic has a body, no bookmark is left, numbering is 1..n everywhere', () => {
    for (const track of edition.tracks) {
      expect(track.heading.startsWith('赛道')).toBe(true);
      track.topics.forEach((topic, i) => {
        expect(topic.body.length).toBeGreaterThan(0);
        expect(topic.body).not.toContain('bookmark');
        expect(topic.title).not.toContain('bookmark');
        expect(topic.topic_no).toBe(i + 1);
        expect(topic.printed_no).toBe(i + 1);
      });
    }
    const last = edition.tracks[16].topics[6];
    expect(last.title).toBe('绿色算电融合技术及运营模式探索');
    expect(last.body.startsWith('聚焦算力基础设施')).toBe(true);
  });

  test('lines point at the source text', () => {
    const lines = new TextDecoder().decode(file.bytes).split('\n');
    for (const track of edition.tracks) {
      expect(lines[track.line - 1]).toBe(track.heading);
      for (const topic of track.topics) expect(lines[topic.line - 1].endsWith(topic.title)).toBe(true);
    }
  });

  test('metadata, encoding, hash and no warnings', () => {
    expect(edition.meta).toMatchObject({ edition_id: '2026-hunan', year: 2026, region: '湖南', title: '2026年“数据要素×”大赛湖南分赛 赛题指南' });
    expect(edition.file).toBe('2026-hunan.txt');
    expect(edition.encoding).toBe('utf-8');
    expect(edition.bytes).toBe(file.bytes.length);
    expect(edition.sha256).toBe(createHash('sha256').update(file.bytes).digest('hex'));
    expect(edition.warnings).toEqual([]);
  });

  test('the same guide as GB18030 gives the same tracks, plus the encoding warning', async () => {
    const text = new TextDecoder().decode(file.bytes);
    const gb = await readEdition({ path: 'x/2026-hunan.txt', name: '2026-hunan.txt', bytes: iconv.encode(text, 'gb18030') }, entries);
    expect(gb.tracks).toEqual(edition.tracks);
    expect(gb.encoding).toBe('gb18030');
    expect(gb.warnings.map((w) => w.code)).toEqual(['encoding-detected']);
  });

  test('without an editions.json entry, year and region come from the name', async () => {
    const inferred = await readEdition(file, NONE);
    expect(inferred.meta).toMatchObject({ edition_id: '2026-hunan', year: 2026, region: '湖南', title: '2026年“数据要素×”大赛湖南分赛 赛题指南' });
    expect(inferred.warnings.map((w) => w.code)).toEqual(['metadata-inferred']);
  });
});

describe('golden: 2025-fujian-xiamen.txt', async () => {
  const edition = await readEdition(sourceFile(DATA, '2025-fujian-xiamen.txt'), entries);

  test('9 tracks, 48 titles-only topics', () => {
    expect(edition.tracks).toHaveLength(9);
    expect(topicCount(edition)).toBe(48);
    expect(edition.tracks.flatMap((t) => t.topics).every((p) => p.body === '' && p.title.length > 0)).toBe(true);
    expect(edition.tracks.map((t) => t.track_name)).toEqual([
      '文化旅游', '绿色低碳', '工业制造', '医疗保障', '开放性创新', '城市治理', '科技创新', '医疗健康', '商贸流通'
    ]);
    expect(edition.tracks[4].heading).toBe('【开放性创新赛道】');
    expect(edition.warnings).toEqual([]);
  });

  test('metadata from editions.json', () => {
    expect(edition.meta).toMatchObject({ edition_id: '2025-fujian-xiamen', year: 2025, region: '福建厦门' });
    expect(edition.meta.notes).not.toBe('');
  });
});

describe('readEdition on fixtures', () => {
  test('the sample .docx parses like the sample text and infers its year from the title block', async () => {
    const fromText = await readEdition(sourceFile(FIXTURES, 'sample-guide.txt'), NONE);
    const fromDocx = await readEdition(sourceFile(FIXTURES, 'sample-guide.docx'), NONE);
    expect(fromDocx.tracks).toEqual(fromText.tracks);
    expect(fromDocx.encoding).toBe('docx');
    expect(fromText.tracks.map((t) => [t.track_name, t.topics.length])).toEqual([
      ['工业制造', 2],
      ['现代农业', 1]
    ]);
    expect(fromText.meta).toMatchObject({ edition_id: 'sample-guide', year: 2027 });
    expect(fromText.warnings.map((w) => w.code)).toEqual(['metadata-inferred']);
  });

  test('errors name the file path', async () => {
    const bad: SourceFile = { path: 'in/2026-x.txt', name: '2026-x.txt', bytes: new TextEncoder().encode('只有一段文字。') };
    await expect(readEdition(bad, NONE)).rejects.toSatisfy(
      (e) => e instanceof AnalysisError && e.diagnostic.code === 'guide-no-tracks' && e.message.includes('in/2026-x.txt')
    );
  });
});
