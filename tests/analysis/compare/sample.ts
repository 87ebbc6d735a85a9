/**
 * The sample region of the e2e fixtures: three editions built from five Hunan tracks, the
 * changes between 2025 and 2026 known in advance, and the guide files for `npm run analyze`.
 */
import { REWORDINGS, NEW_TOPICS } from './variant-text.ts';
import { clone, guideText, hunanBase, type VEdition } from './variants.ts';

/** The edited body of 产业链协同与供应链风险预警 in the sample's 2026 edition (构建 → 打造, a sentence added). */
export const SAMPLE_EDIT = { from: '构建', to: '打造', added: '方案应说明数据来源的合法合规性及安全保障措施。' };

/**
 * Three editions of one region built from five Hunan tracks, with a known list of changes
 * between 2025 and 2026 (see SAMPLE_TRUTH) and an older 2024 edition for the series view.
 */
export function sampleEditions(base = hunanBase()): { e2024: VEdition; e2025: VEdition; e2026: VEdition } {
  const keep = ['工业制造', '商贸流通', '气象服务', '文物保护利用', '中医药'];
  const subset: VEdition = { id: '2025-hunan-sample', changes: [], tracks: base.tracks.filter((t) => keep.includes(t.name)) };
  const e2025 = clone(subset, '2025-hunan-sample');
  const e2026 = clone(subset, '2026-hunan-sample');
  const track = (e: VEdition, name: string) => e.tracks.find((t) => t.name === name)!;
  const topic = (e: VEdition, title: string) => e.tracks.flatMap((t) => t.topics).find((p) => p.title === title)!;

  track(e2026, '气象服务').name = '智慧气象';
  e2026.tracks = e2026.tracks.filter((t) => t.name !== '商贸流通');
  e2026.tracks.push({ origin: null, name: '低空经济', topics: NEW_TOPICS.slice(0, 2).map((t) => ({ origin: null, ...t })) });
  topic(e2026, '工业大模型智能体的研发与应用').title = REWORDINGS['工业大模型智能体的研发与应用'];
  const edited = topic(e2026, '产业链协同与供应链风险预警');
  edited.body = edited.body.replace(SAMPLE_EDIT.from, SAMPLE_EDIT.to) + SAMPLE_EDIT.added;
  const tcm = track(e2026, '中医药');
  const movedAt = tcm.topics.findIndex((p) => p.title === '数智赋能中药产业高质量发展');
  track(e2026, '工业制造').topics.push(...tcm.topics.splice(movedAt, 1));
  tcm.topics.reverse();
  const relics = track(e2026, '文物保护利用');
  relics.topics = relics.topics.filter((p) => p.title !== '文物资源管理');
  relics.topics.splice(1, 0, { origin: null, ...NEW_TOPICS.find((t) => t.title === '沉浸式文旅体验数据产品')! });
  const respaced = topic(e2026, '提升应对气候变化能力');
  respaced.body = respaced.body.replace(/，/g, ', ');

  const e2024 = clone(subset, '2024-hunan-sample');
  e2024.tracks = e2024.tracks.filter((t) => t.name !== '中医药');
  track(e2024, '工业制造').topics.splice(1, 1);
  return { e2024, e2025, e2026 };
}

/** What 2026 changed against 2025 in the sample, as the summary counts it. */
export const SAMPLE_TRUTH = {
  tracks: { matched: 3, renamed: 1, added: 1, removed: 1 },
  topics: { matched: 18, edited: 1, reworded: 1, moved: 1, added: 3, removed: 4 }
} as const;

export interface CorpusEdition {
  edition: VEdition;
  year: number;
  region: string;
  title: string;
}

/** Guide files and editions.json for `npm run analyze` (file names are the edition ids). */
export function corpusFiles(editions: readonly CorpusEdition[]): Record<string, string> {
  const files: Record<string, string> = {};
  for (const e of editions) files[`${e.edition.id}.txt`] = guideText(e.edition, e.title);
  files['editions.json'] = JSON.stringify(
    {
      editions: editions.map((e) => ({
        file: `${e.edition.id}.txt`,
        edition_id: e.edition.id,
        year: e.year,
        region: e.region,
        title: e.title,
        source: '测试用构造版本',
        notes: e.edition.changes.join('；')
      }))
    },
    null,
    2
  );
  return files;
}

export function sampleCorpus(base = hunanBase()): CorpusEdition[] {
  const { e2024, e2025, e2026 } = sampleEditions(base);
  return [
    { edition: e2024, year: 2024, region: '湖南', title: '2024年湖南样例赛题指南' },
    { edition: e2025, year: 2025, region: '湖南', title: '2025年湖南样例赛题指南' },
    { edition: e2026, year: 2026, region: '湖南', title: '2026年湖南样例赛题指南' }
  ];
}
