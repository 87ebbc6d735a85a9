/**
 * Every word the dashboard shows, in 简体中文 and English. Chinese is the default; the
 * English toggle keeps `lang=en` in the URL. Placeholders are `{name}`.
 * Domain words follow /work/shared/reference/ui.md (the 界面用语 table).
 * Views add their keys here under their own prefix (term.*, track.*, network.* …).
 */
import type { Lang } from '../state/filters.ts';

export interface Message {
  zh: string;
  en: string;
}

const m = (zh: string, en: string): Message => ({ zh, en });

export const MESSAGES = {
  // ── app shell ───────────────────────────────────────────────────
  'app.name': m('Crosstrack', 'Crosstrack'),
  'app.title': m('赛题主题与跨赛道交叉分析', 'Topics across competition tracks'),
  'app.skip': m('跳到正文', 'Skip to content'),
  'app.langToggle': m('English', '中文'),
  'app.langToggleLabel': m('切换到英文界面', 'Switch to Chinese'),

  // ── navigation (ui.md order) ────────────────────────────────────
  'nav.label': m('主导航', 'Main navigation'),
  'nav.overview': m('总览', 'Overview'),
  'nav.term': m('词条', 'Terms'),
  'nav.track': m('赛道', 'Tracks'),
  'nav.overlap': m('跨赛道', 'Cross-track'),
  'nav.network': m('共现网络', 'Co-occurrence network'),
  'nav.compare': m('版本对比', 'Compare editions'),
  'nav.topics': m('题目检索', 'Topic search'),
  'nav.sql': m('SQL 控制台', 'SQL console'),
  'nav.manage': m('数据管理', 'Data'),
  'nav.basket': m('报告篮', 'Report basket'),
  'nav.soon': m('即将推出', 'Coming soon'),

  // ── global filters ──────────────────────────────────────────────
  'filter.label': m('全局筛选', 'Global filters'),
  'filter.edition': m('版本', 'Edition'),
  'filter.tracks': m('赛道', 'Tracks'),
  'filter.theme': m('主题', 'Theme'),
  'filter.genericVerbs': m('通用动词停用', 'Remove generic verbs'),
  'filter.genericVerbsHelp': m(
    '勾选时，“推动、提升”等通用政策动词按停用词处理，不计入词频',
    'When ticked, generic policy verbs (推动, 提升 …) are treated as stop words and not counted'
  ),
  'filter.allTracks': m('全部赛道', 'All tracks'),
  'filter.someTracks': m('已选 {n} 个赛道', '{n} tracks'),
  'filter.selectAll': m('全选', 'Select all'),
  'filter.noTheme': m('不限主题', 'Any theme'),
  'filter.themesLoading': m('主题列表加载中…', 'Loading themes…'),
  'filter.summaryTracks': m('赛道：{tracks}', 'Tracks: {tracks}'),
  'filter.summaryTheme': m('主题：{theme}', 'Theme: {theme}'),
  'filter.summaryVerbsRemoved': m('通用动词已停用', 'generic verbs removed'),
  'filter.summaryVerbsKept': m('保留通用动词', 'generic verbs kept'),
  'filter.editionOption': m('{year} {region}', '{year} {region}'),

  // ── domain words (ui.md) ────────────────────────────────────────
  'word.edition': m('版本', 'edition'),
  'word.track': m('赛道', 'track'),
  'word.topic': m('题目', 'topic'),
  'word.term': m('词条', 'term'),
  'word.keyword': m('关键词', 'keyword'),
  'word.frequency': m('词频', 'frequency'),
  'word.tracksCovered': m('覆盖赛道数', 'tracks'),
  'word.dispersion': m('离散度 (DP)', 'dispersion (DP)'),
  'word.cooccurrence': m('共现', 'co-occurrence'),
  'word.association': m('关联强度', 'association strength'),
  'word.keyness': m('显著性 (G²)', 'keyness (G²)'),
  'word.keyTerm': m('特征词', 'key term'),
  'word.logRatio': m('对数比', 'log ratio'),
  'word.theme': m('主题', 'theme'),
  'word.overlap': m('重合度', 'overlap'),
  'word.nearDuplicate': m('近似重复', 'near-duplicate'),
  'word.added': m('新增', 'added'),
  'word.removed': m('删除', 'removed'),
  'word.reworded': m('改写', 'reworded'),
  'word.moved': m('调整赛道', 'moved'),
  'word.stopWords': m('停用词', 'stop words'),
  'word.userDictionary': m('自定义词典', 'user dictionary'),
  'word.thesaurus': m('同义词表', 'thesaurus'),
  'word.themeList': m('主题词表', 'themes'),
  'word.per10k': m('每万词频次', 'per 10,000 tokens'),
  'word.tokens': m('词数', 'tokens'),
  'word.topicsWithTerm': m('含该词题目数', 'topics with the term'),
  'word.editions': m('版本数', 'editions'),
  'word.tracks': m('赛道数', 'tracks'),
  'word.topics': m('题目数', 'topics'),
  'word.terms': m('词条数', 'terms'),
  'word.warnings': m('提示', 'warnings'),

  // ── "如何解读" (how to read) ─────────────────────────────────────
  'help.title': m('如何解读', 'How to read'),
  'help.frequency': m('该词在所选范围内出现的次数（按题目标题和正文计）。', 'How often the term occurs in the chosen scope (titles and paragraphs).'),
  'help.per10k': m('每一万个词中出现的次数，可在长短不同的赛道之间比较。', 'Occurrences per 10,000 tokens, comparable between long and short tracks.'),
  'help.tracksCovered': m('有多少个赛道的题目提到了该词；越多说明越“跨赛道”。', 'How many tracks mention the term; more means more cross-track.'),
  'help.dispersion': m('0 表示分布和全文一样均匀，接近 1 表示集中在个别赛道。', '0 = spread like the text; near 1 = concentrated in a few tracks.'),
  'help.association': m('实际共现次数 ÷ 随机情况下的预期次数；1 表示无关联，越大越常一起出现。', 'Observed ÷ expected co-occurrence; 1 = independent, higher = appear together more often.'),
  'help.keyness': m('该词在本赛道是否明显多于其他赛道；3.84 约相当于 p < 0.05，负值表示偏少。', 'Whether the term is over-represented in the track; 3.84 ≈ p < 0.05, negative = under-represented.'),
  'help.logRatio': m('频率之比的以 2 为底的对数；+1 表示是其他赛道的 2 倍。', 'log₂ of the rate ratio; +1 = twice as frequent as elsewhere.'),
  'help.overlap': m('两个赛道词汇的相似程度，0 表示没有共同词，1 表示完全相同。', 'How alike two tracks’ vocabularies are: 0 = nothing shared, 1 = identical.'),

  // ── data loading states ─────────────────────────────────────────
  'status.manifest': m('正在读取数据清单…', 'Reading the data manifest…'),
  'status.engine': m('正在启动查询引擎（DuckDB）…', 'Starting the query engine (DuckDB)…'),
  'status.tables': m('正在加载分析数据…', 'Loading analysis data…'),
  'status.table': m('正在加载分析数据… {table}（{done}/{total}）', 'Loading analysis data… {table} ({done}/{total})'),
  'status.ready': m('分析数据已就绪', 'Analysis data ready'),
  'status.query': m('正在查询…', 'Querying…'),
  'status.empty': m('当前筛选条件下没有数据', 'No data for the current filters'),
  'status.missingTables': m('数据清单中缺少以下数据表，相关图表为空：{tables}', 'These tables are missing from the manifest, so related charts are empty: {tables}'),

  // ── errors: what failed, then what to do ────────────────────────
  'error.title': m('出错了', 'Something went wrong'),
  'error.manifest-missing': m('未找到分析数据：请先运行 npm run analyze，再刷新本页。', 'No analysis data found: run npm run analyze, then reload this page.'),
  'error.manifest-unreadable': m('无法读取数据清单 {url}（{reason}）：请确认看板服务正在运行，然后刷新本页。', 'Cannot read the data manifest {url} ({reason}): check that the dashboard server is running, then reload.'),
  'error.manifest-invalid': m('数据清单 {url} 已损坏（{reason}）：请重新运行 npm run analyze。', 'The data manifest {url} is damaged ({reason}): run npm run analyze again.'),
  'error.manifest-format': m('分析数据的格式版本为 {found}，本看板需要 {expected}：请用当前版本重新运行 npm run analyze。', 'The analysis data has format {found}; this dashboard needs {expected}: run npm run analyze again with this version.'),
  'error.manifest-columns': m('数据表 {table} 的列与本看板不一致：请用当前版本重新运行 npm run analyze。', 'The columns of table {table} do not match this dashboard: run npm run analyze again with this version.'),
  'error.table-fetch': m('下载数据表 {table}（{file}）失败：{reason}。请检查网络后刷新本页。', 'Could not download table {table} ({file}): {reason}. Check the connection and reload.'),
  'error.table-load': m('载入数据表 {table} 失败：{reason}。请重新运行 npm run analyze 后刷新本页。', 'Could not load table {table}: {reason}. Run npm run analyze again and reload.'),
  'error.table-rows': m('数据表 {table} 应有 {expected} 行，实际读到 {found} 行：文件可能不完整，请重新运行 npm run analyze。', 'Table {table} should have {expected} rows but has {found}: the file may be incomplete; run npm run analyze again.'),
  'error.engine-start': m('查询引擎启动失败：{reason}。请使用新版 Chrome、Edge 或 Firefox 打开本页。', 'The query engine failed to start: {reason}. Open this page in a current Chrome, Edge or Firefox.'),
  'error.query': m('查询失败：{reason}', 'Query failed: {reason}'),
  'error.retry': m('重试', 'Retry'),

  // ── chart frame and exports ─────────────────────────────────────
  'chart.showTable': m('表格', 'Table'),
  'chart.showChart': m('图表', 'Chart'),
  'chart.export': m('导出', 'Export'),
  'chart.exportSvg': m('SVG', 'SVG'),
  'chart.exportPng2': m('PNG 2×', 'PNG 2×'),
  'chart.exportPng3': m('PNG 3×', 'PNG 3×'),
  'chart.exportCsv': m('CSV', 'CSV'),
  'chart.exportLabel': m('导出为 {format}', 'Export as {format}'),
  'chart.source': m('来源：{editions}；词典版本 {dictionary}；{tool} {version}', 'Source: {editions}; dictionary version {dictionary}; {tool} {version}'),
  'chart.tableCaption': m('{title}（数据表）', '{title} (data table)'),
  'chart.rows': m('共 {n} 行', '{n} rows'),
  'chart.clickHint': m('点击图中元素查看详情', 'Click a mark for details'),

  // ── 总览 (overview) ─────────────────────────────────────────────
  'overview.heading': m('总览', 'Overview'),
  'overview.corpus': m('全部数据', 'All data'),
  'overview.edition': m('本版本', 'This edition'),
  'overview.titlesOnly': m('该版本仅含题目标题，无正文', 'This edition lists topic titles only, without paragraphs'),
  'overview.topTerms': m('{edition} 高频词条（前 {n}）', 'Top {n} terms, {edition}'),
  'overview.tracksList': m('赛道与题目数', 'Tracks and topics')
} as const satisfies Record<string, Message>;

export type MessageKey = keyof typeof MESSAGES;
export type MessageVars = Record<string, string | number>;

/** Fills `{name}` placeholders; numbers in zh-CN grouping (12,345). A missing var stays visible. */
export function translate(lang: Lang, key: MessageKey, vars: MessageVars = {}): string {
  const text = MESSAGES[key][lang];
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = vars[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? value.toLocaleString('zh-CN') : value;
  });
}
