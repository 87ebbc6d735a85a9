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
  'topics.help': m(
    '检索词是词条（或词条的同义写法）时，按词条检索：题目中该词条的全部写法都算，题目数与词条页的“含该词题目数”一致；也可改为按原文逐字检索。其他检索词按原文逐字匹配标题和正文（英文字母不分大小写，% _ 引号等符号也按字面匹配）。',
    'A search text that is a term (or a variant of one) is searched as that term: every way the topics write it counts, so the number matches the term page; you can switch to exact text instead. Any other text matches titles and paragraphs literally (Latin letters in any case; % _ and quotes match themselves).'
  ),
  'topics.byTerm': m('按词条“{term}”检索：它在题目中的全部写法都计入，题目数与词条页一致。', 'Searching the term {term}: every way the topics write it counts, so the number matches its term page.'),
  'topics.byVariant': m('“{q}”是词条“{term}”的同义写法：按该词条检索，题目数与词条页一致。', '{q} is a variant of the term {term}: searching that term, so the number matches its term page.'),
  'topics.variantsCount': m('同义词变体“{variants}”也计入。', 'The variants {variants} count too.'),
  'topics.termPage': m('查看词条页', 'Open the term page'),
  'topics.exactInstead': m('改为按原文逐字检索', 'Search the exact text instead'),
  'topics.byText': m('按原文逐字检索。', 'Searching the exact text.'),
  'topics.termInstead': m('改为按词条“{term}”检索（含同义词变体）', 'Search the term {term} instead (variants included)'),
  'topics.notATerm': m('“{q}”不是词条，按原文逐字检索。', '{q} is not a term: searching the exact text.'),
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
