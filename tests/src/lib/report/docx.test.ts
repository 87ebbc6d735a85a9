import * as docx from 'docx';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { pngSize, withPngDpi } from '../../../../src/lib/export/png.ts';
import { exportBox, pixelSize, WORD_DPI } from '../../../../src/lib/export/size.ts';
import { buildReportDocx, columnWidths, FONTS, TEXT_WIDTH_CM, TEXT_WIDTH_TWIPS, type Report } from '../../../../src/lib/report/docx.ts';
import { usedStatistics } from '../../../../src/lib/report/statistics.ts';
import { whitePng } from './png-fixture.ts';

const word = exportBox({ preset: 'word' });
const wordPixels = pixelSize(word, 400);

function report(): Report {
  const png = withPngDpi(whitePng(wordPixels.width, wordPixels.height), WORD_DPI);
  const square = withPngDpi(whitePng(wordPixels.width, wordPixels.width), WORD_DPI);
  return {
    lang: 'zh',
    title: '图表与数据',
    subtitle: '由 Crosstrack 0.1.0 于 2026-05-01 生成，共 2 幅图、1 张表',
    items: [
      { kind: 'chart', label: '图 1', caption: '2026 湖南 高频词条（前 20）', filters: '赛道：全部赛道 · 通用动词已停用', source: '来源：2026 湖南；词典版本 abc；Crosstrack 0.1.0', note: '数据与大模型最常见。', png, widthCm: 16, heightCm: 16 * (400 / word.width), altText: '条形图' },
      { kind: 'chart', label: '图 2', caption: '跨赛道<重合>&“弦图”', filters: '', source: '来源：2026 湖南', note: '', png: square, widthCm: 16, heightCm: 16, altText: '弦图' },
      {
        kind: 'table',
        label: '表 1',
        caption: '近似重复：工业制造',
        filters: '',
        source: '来源：2026 湖南',
        note: '',
        columns: [{ label: '本赛道题目' }, { label: '对方题目' }, { label: '正文相似度', numeric: true }],
        rows: [
          ['面向智能制造的工业数据空间', '工业互联网平台数据治理', '0.83'],
          ['含"引号"与<尖括号>', '第二行\n换行', '1.00']
        ],
        totalRows: 5
      }
    ],
    methods: {
      editions: [{ label: '2026 湖南', title: '2026年“数据要素×”大赛湖南分赛 赛题指南', source: '湖南省数据局', file: '2026-hunan.txt' }],
      dictionary: 'aae7f78222f9',
      tool: { name: 'crosstrack', version: '0.1.0' },
      verbsRemoved: true,
      statistics: usedStatistics(['count', 'g2', 'jaccard'], 'zh')
    }
  };
}

async function unzip(bytes: Uint8Array) {
  const zip = await JSZip.loadAsync(bytes);
  const text = async (name: string) => (await zip.file(name)?.async('string')) ?? '';
  return { zip, document: await text('word/document.xml'), styles: await text('word/styles.xml'), footer: await text('word/footer1.xml') };
}

/** The document's text with XML entities decoded (runs joined, so a caption split across runs still matches). */
const plain = (xml: string) =>
  [...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
    .map((m) => m[1])
    .join('')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

describe('Word report builder', () => {
  it('holds every caption, source line, note and table cell, and one picture per chart at Word page width', async () => {
    const r = report();
    const { zip, document } = await unzip(await buildReportDocx(docx, r));
    const text = plain(document);
    for (const item of r.items) {
      expect(text).toContain(`${item.label}  ${item.caption}`);
      expect(text).toContain(item.source);
    }
    expect(text).toContain('注：数据与大模型最常见。');
    expect(text).toContain('筛选：赛道：全部赛道 · 通用动词已停用');
    const table = r.items[2];
    if (table.kind !== 'table') throw new Error('fixture');
    for (const c of table.columns) expect(text).toContain(c.label);
    for (const row of table.rows) for (const cell of row) for (const line of cell.split('\n')) expect(text).toContain(line);
    // A real table, with its header row repeated on every page.
    expect(document.match(/<w:tbl>/g)).toHaveLength(1);
    expect(document.match(/<w:tr>|<w:tr /g)!.length).toBe(1 + table.rows.length);
    expect(document).toContain('<w:tblHeader/>');
    expect(text).toContain('表中列出前 2 行，共 5 行');

    const media = Object.values(zip.files).filter((f) => !f.dir && f.name.startsWith('word/media/')).map((f) => f.name);
    expect(media).toHaveLength(2);
    for (const file of media) {
      const png = new Uint8Array(await zip.file(file)!.async('uint8array'));
      expect(pngSize(png).width).toBeGreaterThanOrEqual(1800);
    }
    // 16 cm wide on the page: 16 / 2.54 in × 914400 EMU per inch.
    expect(document).toContain(`cx="${Math.round((16 * 96) / 2.54) * 9525}"`);
  });

  it('ends with the methods: editions and sources, dictionary version, the statistics used in Chinese', async () => {
    const r = report();
    const text = plain((await unzip(await buildReportDocx(docx, r))).document);
    const methods = text.slice(text.indexOf('附：方法说明'));
    expect(methods).toContain('版本与来源');
    expect(methods).toContain('2026 湖南：《2026年“数据要素×”大赛湖南分赛 赛题指南》，来源：湖南省数据局，文件 2026-hunan.txt。');
    expect(methods).toContain('aae7f78222f9');
    expect(methods).toContain('显著性 (G²)：');
    expect(methods).toContain('G² = 2(a·ln(a/E₁) + b·ln(b/E₂))');
    expect(methods).toContain('a_ij / (n_i + n_j − a_ij)');
    expect(methods).not.toContain('对数比：');
    expect(methods).toContain('通用政策动词按停用词处理');
  });

  it('is A4 portrait with a 16 cm text width and East Asian font names, in zh-CN', async () => {
    const { document, styles, footer } = await unzip(await buildReportDocx(docx, report()));
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(document).not.toContain('w:orient="landscape"');
    expect(TEXT_WIDTH_CM).toBeCloseTo(16, 1);
    expect(styles).toContain(`w:eastAsia="${FONTS.body.eastAsia}"`);
    expect(styles).toContain(`w:eastAsia="${FONTS.heading.eastAsia}"`);
    expect(styles).toMatch(/<w:lang [^>]*w:eastAsia="zh-CN"/);
    expect(footer).toContain('PAGE');
    expect(plain(footer)).toContain('第');
  });

  it('spreads table columns over the text width: short columns get their room, long texts share the rest', () => {
    const widths = columnWidths({ columns: [{ label: '序号' }, { label: '正文' }], rows: [['1', '很长的正文'.repeat(30)]] });
    expect(widths.reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH_TWIPS);
    expect(widths[1]).toBeGreaterThan(widths[0] * 3);
    const columns = ['本赛道题目序号', '本赛道题目', '对方版本', '对方赛道', '对方题目序号', '对方题目', '重复类型', '正文相似度', '重复段落'].map((label) => ({ label }));
    const row = ['1', '提高气象防灾减灾能力', '2026 湖南', '气象服务', '4', '开发气象数据决策新模式', '相同句子或分句', '0.17', '深化气象数据与城市规划、重大工程等建设数据融合应用'.repeat(2)];
    const nine = columnWidths({ columns, rows: [row] });
    expect(nine.reduce((a, b) => a + b, 0)).toBe(TEXT_WIDTH_TWIPS);
    // 气象服务 (four characters at 9 pt = 720 twips) stays on one line.
    expect(nine[3]).toBeGreaterThanOrEqual(720 + 200);
    expect(nine[8]).toBe(Math.max(...nine));
  });

  it('names the line rule of every spacing (a bare w:line reads as exact in LibreOffice and clips pictures)', async () => {
    const { document, styles } = await unzip(await buildReportDocx(docx, report()));
    for (const xml of [document, styles]) for (const spacing of xml.match(/<w:spacing [^>]*w:line=[^>]*>/g) ?? []) expect(spacing).toContain('w:lineRule="auto"');
  });

  it('writes an English report when asked', async () => {
    const r = { ...report(), lang: 'en' as const, title: 'Figures and tables' };
    const text = plain((await unzip(await buildReportDocx(docx, r))).document);
    expect(text).toContain('Appendix: methods');
    expect(text).toContain('Note: 数据与大模型最常见。');
  });
});
