/** Words of 题目检索 (topic search). */
import { m, type Message } from './message.ts';

export const TOPICS = {
  // ── 题目检索 (topic search) ──────────────────────────────────────
  'topics.heading': m('题目检索', 'Topic search'),
  'topics.query': m('检索词', 'Search for'),
  'topics.placeholder': m('标题或正文中的文字，如：可信数据空间', 'Text in a title or paragraph'),
  'topics.submit': m('检索', 'Search'),
  'topics.clear': m('清除', 'Clear'),
  'topics.scope': m('检索范围', 'Search in'),
  'topics.scopeEdition': m('当前版本（按赛道、主题筛选）', 'this edition (track and theme filters apply)'),
  'topics.scopeAll': m('全部版本（按主题筛选）', 'every edition (theme filter applies)'),
  'topics.help': m('按原文逐字匹配标题和正文（英文字母不分大小写），% _ 引号等符号也按字面匹配。', 'Matches titles and paragraphs literally (Latin letters in any case); symbols such as % _ and quotes match themselves.'),
  'topics.count': m('共 {n} 个题目', '{n} topics'),
  'topics.countLimited': m('共 {n} 个题目，显示前 {shown} 个', '{n} topics, showing the first {shown}'),
  'topics.browse': m('未输入检索词：列出筛选范围内的全部题目。', 'No search text: listing every topic the filters allow.'),
  'topics.emptyQuery': m('没有题目的标题或正文包含“{q}”。可以换一个词、改为检索全部版本，或放宽赛道和主题筛选。', 'No topic title or paragraph contains “{q}”. Try another word, search every edition, or loosen the track and theme filters.'),
  'topics.emptyFilters': m('当前筛选条件下没有题目：请放宽赛道或主题筛选。', 'No topic matches the current filters: loosen the track or theme filter.'),
  'topics.inTitle': m('标题命中', 'in title'),
  'topics.inBody': m('正文命中', 'in paragraph'),
  'topics.titlesOnly': m('仅标题', 'title only'),
  'topics.resultsLabel': m('检索结果', 'Search results'),
  'topics.topicOf': m('{track} · 题目 {n}', '{track} · topic {n}')
} as const satisfies Record<string, Message>;
