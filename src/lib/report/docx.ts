/**
 * The report basket as a Word document (the `docx` package, passed in so the browser
 * loads it only on click and Node tests bring their own import):
 *
 *   title · for each item: figure (picture, then 图 n caption, filters and source line)
 *                          or table (表 n caption, then a real Word table, source line)
 *         · optional note · 附：方法说明 (editions and sources, dictionary version,
 *           the definitions of every statistic used)
 *
 * A4 portrait with a 16 cm text width (the 「Word 页宽」 export width); every run names an
 * East Asian font (宋体 for text, 黑体 for headings and captions) so Word and WPS pick a
 * Chinese font instead of falling back to a Latin one; document language zh-CN.
 */
import type * as Docx from 'docx';
import type { Lang } from '../state/filters.ts';
import { translate } from '../i18n/messages.ts';
import { estimateTextWidth } from '../export/svg.ts';

type DocxModule = typeof Docx;

export interface ReportFigure {
  kind: 'chart';
  /** 图 1 */
  label: string;
  caption: string;
  filters: string;
  source: string;
  note: string;
  png: Uint8Array;
  /** Size on the page. */
  widthCm: number;
  heightCm: number;
  altText: string;
}

export interface ReportTable {
  kind: 'table';
  /** 表 1 */
  label: string;
  caption: string;
  filters: string;
  source: string;
  note: string;
  columns: readonly { label: string; numeric?: boolean }[];
  /** Cell texts as the screen shows them. */
  rows: readonly (readonly string[])[];
  /** All rows of the table (more than `rows` when the report lists only the first ones). */
  totalRows: number;
}

export interface ReportEdition {
  label: string;
  title: string;
  source: string;
  file: string;
}

export interface Report {
  lang: Lang;
  title: string;
  subtitle: string;
  items: readonly (ReportFigure | ReportTable)[];
  methods: {
    editions: readonly ReportEdition[];
    dictionary: string;
    tool: { name: string; version: string };
    verbsRemoved: boolean;
    statistics: readonly { name: string; text: string }[];
  };
}

/** A4 portrait in twentieths of a point; 2.5 cm side margins leave a 16 cm text width. */
export const PAGE = { width: 11906, height: 16838, marginTop: 1440, marginBottom: 1440, marginSide: 1417 } as const;
export const TEXT_WIDTH_TWIPS = PAGE.width - 2 * PAGE.marginSide;
export const TEXT_WIDTH_CM = TEXT_WIDTH_TWIPS / 567;

export const FONTS = {
  body: { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体', cs: 'Times New Roman' },
  heading: { ascii: 'Arial', hAnsi: 'Arial', eastAsia: '黑体', cs: 'Arial' }
} as const;

const CM_TO_PX = 96 / 2.54;

export async function buildReportDocx(docx: DocxModule, report: Report): Promise<Uint8Array> {
  const { AlignmentType, BorderStyle, Document, Footer, HeadingLevel, ImageRun, LineRuleType, Packer, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType } = docx;
  // Line spacing in 240ths of a line; lineRule always named (LibreOffice reads a bare w:line as exact, clipping pictures).
  const lines = (line: number) => ({ line, lineRule: LineRuleType.AUTO });
  const w = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>) => translate(report.lang, key, vars);

  const small = (text: string, options: { italics?: boolean } = {}) =>
    new Paragraph({ style: 'SourceLine', children: [new TextRun({ text, ...options })] });
  const caption = (label: string, text: string) =>
    new Paragraph({ style: 'Caption', alignment: AlignmentType.CENTER, keepNext: true, children: [new TextRun({ text: `${label}  ${text}` })] });
  const noteParagraph = (note: string) => (note.trim() ? [new Paragraph({ style: 'ItemNote', children: [new TextRun(w('docx.note', { note: note.trim() }))] })] : []);
  const filterLine = (filters: string) => (filters ? [small(w('docx.filters', { filters }))] : []);

  const children: (Docx.Paragraph | Docx.Table)[] = [
    new Paragraph({ heading: HeadingLevel.TITLE, alignment: AlignmentType.CENTER, children: [new TextRun(report.title)] }),
    new Paragraph({ alignment: AlignmentType.CENTER, style: 'SourceLine', children: [new TextRun(report.subtitle)] })
  ];

  for (const item of report.items) {
    if (item.kind === 'chart') {
      children.push(
        new Paragraph({
          alignment: AlignmentType.CENTER,
          keepNext: true,
          spacing: { before: 240, ...lines(240) },
          children: [
            new ImageRun({
              type: 'png',
              data: item.png,
              transformation: { width: Math.round(item.widthCm * CM_TO_PX), height: Math.round(item.heightCm * CM_TO_PX) },
              altText: { name: item.label, title: item.caption, description: item.altText }
            })
          ]
        }),
        caption(item.label, item.caption),
        ...filterLine(item.filters),
        small(item.source),
        ...noteParagraph(item.note)
      );
    } else {
      children.push(caption(item.label, item.caption), wordTable(docx, item), ...filterLine(item.filters), small(item.source));
      if (item.rows.length < item.totalRows) children.push(small(w('docx.truncated', { shown: item.rows.length, total: item.totalRows }), { italics: true }));
      children.push(...noteParagraph(item.note));
    }
  }

  const m = report.methods;
  children.push(
    new Paragraph({ heading: HeadingLevel.HEADING_1, pageBreakBefore: true, children: [new TextRun(w('docx.methods'))] }),
    new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(w('docx.editions'))] }),
    ...m.editions.map(
      (e) => new Paragraph({ style: 'MethodText', children: [new TextRun(w('docx.editionLine', { label: e.label, title: e.title, source: e.source || w('docx.noSource'), file: e.file }))] })
    ),
    new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(w('docx.dictionary'))] }),
    new Paragraph({
      style: 'MethodText',
      children: [
        new TextRun(
          w('docx.dictionaryText', {
            version: m.dictionary,
            tool: m.tool.name === 'crosstrack' ? 'Crosstrack' : m.tool.name,
            toolVersion: m.tool.version,
            verbs: m.verbsRemoved ? w('docx.verbsRemoved') : ''
          }).trim()
        )
      ]
    }),
    ...(m.statistics.length
      ? [
          new Paragraph({ heading: HeadingLevel.HEADING_2, children: [new TextRun(w('docx.statistics'))] }),
          ...m.statistics.map(
            (s) => new Paragraph({ style: 'MethodText', children: [new TextRun({ text: `${s.name}：`, bold: true, font: FONTS.heading }), new TextRun(s.text)] })
          )
        ]
      : [])
  );

  const heading = (size: number) => ({ run: { font: FONTS.heading, size, bold: false, color: '000000' }, paragraph: { spacing: { before: 240, after: 120 } } });
  const document = new Document({
    creator: 'Crosstrack',
    title: report.title,
    description: report.subtitle,
    styles: {
      default: {
        document: { run: { font: FONTS.body, size: 21, language: { value: 'zh-CN', eastAsia: 'zh-CN' } }, paragraph: { spacing: lines(300) } },
        title: { run: { font: FONTS.heading, size: 36, bold: false, color: '000000' }, paragraph: { spacing: { after: 120 } } },
        heading1: heading(30),
        heading2: heading(24)
      },
      paragraphStyles: [
        { id: 'Caption', name: 'Caption', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { font: FONTS.heading, size: 21 }, paragraph: { spacing: { before: 80, after: 40 } } },
        { id: 'SourceLine', name: 'Source Line', basedOn: 'Normal', run: { size: 18, color: '555555' }, paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 40, ...lines(260) } } },
        { id: 'ItemNote', name: 'Item Note', basedOn: 'Normal', run: { size: 21 }, paragraph: { spacing: { before: 60, after: 120 } } },
        { id: 'MethodText', name: 'Method Text', basedOn: 'Normal', run: { size: 21 }, paragraph: { spacing: { after: 100 }, indent: { firstLine: 420 } } },
        { id: 'TableText', name: 'Table Text', basedOn: 'Normal', run: { size: 18 }, paragraph: { spacing: lines(260) } }
      ]
    },
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: { top: PAGE.marginTop, bottom: PAGE.marginBottom, left: PAGE.marginSide, right: PAGE.marginSide }
          }
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: pageNumberRuns(docx, w('docx.page', { n: '\u0000' }))
              })
            ]
          })
        },
        children
      }
    ]
  });

  function wordTable(d: DocxModule, t: ReportTable): Docx.Table {
    const widths = columnWidths(t);
    const border = { style: BorderStyle.SINGLE, size: 4, color: '999999' };
    const cell = (text: string, column: { numeric?: boolean }, header: boolean, width: number) =>
      new TableCell({
        width: { size: width, type: WidthType.DXA },
        margins: { top: 40, bottom: 40, left: 80, right: 80 },
        ...(header ? { shading: { type: ShadingType.CLEAR, color: 'auto', fill: 'EDEFF2' } } : {}),
        children: String(text)
          .split('\n')
          .map(
            (line) =>
              new d.Paragraph({
                style: 'TableText',
                alignment: column.numeric && !header ? AlignmentType.RIGHT : AlignmentType.LEFT,
                children: [new TextRun({ text: line, bold: header, ...(header ? { font: FONTS.heading } : {}) })]
              })
          )
      });
    return new Table({
      width: { size: TEXT_WIDTH_TWIPS, type: WidthType.DXA },
      columnWidths: widths,
      borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
      rows: [
        new TableRow({ tableHeader: true, cantSplit: true, children: t.columns.map((c, i) => cell(c.label, c, true, widths[i])) }),
        ...t.rows.map((r) => new TableRow({ cantSplit: true, children: t.columns.map((c, i) => cell(r[i] ?? '', c, false, widths[i])) }))
      ]
    });
  }

  return new Uint8Array(await Packer.toArrayBuffer(document));
}

/** "第 {n} 页" with the page number field where {n} was. */
function pageNumberRuns(docx: DocxModule, text: string): Docx.TextRun[] {
  const [before, after] = text.split('\u0000');
  return [new docx.TextRun({ children: [before ?? '', docx.PageNumber.CURRENT, after ?? ''], size: 18 })];
}

/**
 * Column widths that fill the 16 cm text width. Each column would like room for its
 * longest line (a header may wrap once; cells are capped at 40 characters). Columns that
 * want less than an even share get what they want (numbers, names, dates); the rest share
 * what is left by the square root of their wish, so one long text column does not squeeze
 * the titles beside it into a character per line.
 */
export function columnWidths(t: Pick<ReportTable, 'columns' | 'rows'>): number[] {
  const CELL_PAD = 200;
  const twips = (text: string) => estimateTextWidth(text, 9) * 20;
  const wish = t.columns.map((c, i) => {
    const longest = Math.max(0, ...t.rows.slice(0, 200).map((r) => Math.max(...String(r[i] ?? '').split('\n').map(twips))));
    return Math.max(700, Math.min(Math.max(twips(c.label) / 2, longest), twips('字'.repeat(40))) + CELL_PAD);
  });
  const widths: number[] = new Array(wish.length).fill(0);
  let open = wish.map((_, i) => i);
  let room = TEXT_WIDTH_TWIPS;
  for (;;) {
    const share = room / open.length;
    const met = open.filter((i) => wish[i] <= share);
    if (met.length === 0) break;
    for (const i of met) {
      widths[i] = wish[i];
      room -= wish[i];
    }
    open = open.filter((i) => wish[i] > share);
    if (open.length === 0) break;
  }
  if (open.length) {
    const weights = open.map((i) => Math.sqrt(wish[i]));
    const sum = weights.reduce((a, b) => a + b, 0);
    open.forEach((i, k) => (widths[i] = (weights[k] / sum) * room));
  } else {
    // Everything fits: spread the spare room in proportion.
    const total = widths.reduce((a, b) => a + b, 0);
    for (let i = 0; i < widths.length; i++) widths[i] = (widths[i] / total) * TEXT_WIDTH_TWIPS;
  }
  const rounded = widths.map(Math.floor);
  rounded[rounded.length - 1] += TEXT_WIDTH_TWIPS - rounded.reduce((a, b) => a + b, 0);
  return rounded;
}
