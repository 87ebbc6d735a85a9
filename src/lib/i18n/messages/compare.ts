/** Words of 版本对比 (edition comparison), and the comparison words the term trend panel shares. */
import { m, type Message } from './message.ts';

export const COMPARE = {
  // ── 版本对比 (compare) ──────────────────────────────────────────
  'compare.heading': m('版本对比', 'Compare editions'),
  'compare.intro': m(
    '对照两个版本的赛题指南：哪些赛道和题目新增、删除、更名、调整赛道或改写，哪些词条和主题升温或降温。题目按内容对应，不看编号和顺序。',
    'Two editions of a guide side by side: which tracks and topics were added, removed, renamed, moved or rewritten, and which terms and themes rose or fell. Topics are matched by content, not by number or order.'
  ),
  'compare.editionA': m('版本 A（参照）', 'Edition A (reference)'),
  'compare.editionB': m('版本 B', 'Edition B'),
  'compare.swap': m('交换 A 和 B', 'Swap A and B'),
  'compare.pickTwo': m('请选择两个不同的版本。', 'Choose two different editions.'),
  'compare.needTwo': m('目前只有一个版本，无法对比。加入另一个版本的赛题指南并重新分析后即可对比。', 'There is only one edition. Add the guide of another edition and analyse again to compare.'),
  'compare.titlesNotice': m(
    '{editions} 仅含题目标题，没有赛题说明：本次对比只比较题目标题，词频也只按两边的标题计算，结果才可比。',
    '{editions} has titles only, no topic paragraphs: this comparison compares titles only, and term rates count the titles on both sides so that they compare like with like.'
  ),
  'compare.sameRegion': m('同一地区的相邻版本（分析时已预先计算）', 'consecutive editions of one region (precomputed by the analysis)'),
  'compare.computed': m('由页面即时计算，方法与分析阶段相同', 'computed here, by the same method as the analysis'),
  'compare.loading': m('正在对照两个版本…', 'Aligning the two editions…'),
  'compare.failed': m('无法完成对比：{reason}', 'The comparison failed: {reason}'),
  'compare.summary': m('变化概览', 'Summary'),
  'compare.summaryTracks': m('赛道', 'Tracks'),
  'compare.summaryTopics': m('题目', 'Topics'),
  'compare.summaryLink': m('查看{status}的{what}', 'Show the {status} {what}'),
  'compare.summaryWhat': m('对象', 'of'),
  'compare.summaryCount': m('数量', 'count'),
  'compare.basisTitles': m('仅比较标题', 'titles only'),
  'compare.basisFull': m('标题和正文', 'titles and paragraphs'),

  'compare.trackStatus.matched': m('相同', 'matched'),
  'compare.trackStatus.renamed': m('更名', 'renamed'),
  'compare.trackStatus.added': m('新增', 'added'),
  'compare.trackStatus.removed': m('删除', 'removed'),
  'compare.topicStatus.matched': m('未变', 'unchanged'),
  'compare.topicStatus.edited': m('正文修改', 'paragraph edited'),
  'compare.topicStatus.reworded': m('改写', 'reworded'),
  'compare.topicStatus.moved': m('调整赛道', 'moved'),
  'compare.topicStatus.added': m('新增', 'added'),
  'compare.topicStatus.removed': m('删除', 'removed'),
  'compare.termStatus.new': m('新出现', 'new'),
  'compare.termStatus.dropped': m('消失', 'dropped'),
  'compare.termStatus.rising': m('上升', 'rising'),
  'compare.termStatus.falling': m('下降', 'falling'),
  'compare.termStatus.stable': m('持平', 'stable'),

  'compare.tracksTitle': m('赛道对应：{a} → {b}', 'Tracks aligned: {a} → {b}'),
  'compare.trackA': m('A 中的赛道', 'Track in A'),
  'compare.trackB': m('B 中的赛道', 'Track in B'),
  'compare.status': m('状态', 'status'),
  'compare.trackSimilarity': m('保留题目比例', 'topics kept'),
  'compare.topicsA': m('A 题目数', 'topics in A'),
  'compare.topicsB': m('B 题目数', 'topics in B'),
  'compare.helpTracks': m(
    '同名赛道视为相同；没有同名赛道、但一半以上题目出现在 B 的某个新赛道中，视为更名。保留题目比例 = 2 × 对应上的题目数 ÷（A 题目数 + B 题目数）。',
    'Tracks with the same name are matched; a track without one whose topics mostly reappear in a new track of B is renamed. Topics kept = 2 × aligned topics ÷ (topics in A + topics in B).'
  ),

  'compare.listTitle': m('题目对照：{a} → {b}', 'Topics side by side: {a} → {b}'),
  'compare.show': m('显示', 'Show'),
  'compare.showChanged': m('有变化的', 'changed'),
  'compare.showAll': m('全部', 'all'),
  'compare.listEmpty': m('没有符合所选状态的题目。', 'No topic has the chosen status.'),
  'compare.listMore': m('再显示 {n} 个', 'Show {n} more'),
  'compare.onlyInA': m('仅在 A 中', 'only in A'),
  'compare.onlyInB': m('仅在 B 中', 'only in B'),
  'compare.movedFrom': m('由「{from}」调整到「{to}」', 'moved from {from} to {to}'),
  'compare.trackGroup': m('{a} → {b}', '{a} → {b}'),
  'compare.noTrack': m('（无）', '(none)'),
  'compare.topicNo': m('第 {no} 题', 'topic {no}'),
  'compare.titleSimilarity': m('标题相似度', 'title similarity'),
  'compare.bodySimilarity': m('正文相似度', 'paragraph similarity'),
  'compare.titleA': m('A 标题', 'title in A'),
  'compare.titleB': m('B 标题', 'title in B'),
  'compare.topicA': m('A 题号', 'topic in A'),
  'compare.topicB': m('B 题号', 'topic in B'),
  'compare.deleted': m('删去的文字', 'deleted text'),
  'compare.inserted': m('新增的文字', 'inserted text'),
  'compare.diffLegend': m('B 中删去的词语标红划线，新增的词语标绿。', 'Words deleted in B are struck through in red, words inserted are green.'),
  'compare.helpList': m(
    '题目按内容对应（标题和正文的字符二元组相似度），编号和顺序不作依据。未变：标题和正文相同（忽略空格、全半角和标点）；正文修改：标题相同、正文不同；改写：标题不同但内容相近；调整赛道：出现在另一个赛道；新增 / 删除：只在一个版本中。相似度 0–1，1 表示相同。',
    'Topics are matched by content (character-bigram similarity of title and paragraph), never by number or order. Unchanged: same title and paragraph (ignoring spaces, width and punctuation); paragraph edited: same title; reworded: another title, similar content; moved: now in another track; added / removed: in one edition only. Similarity 0–1, 1 = the same.'
  ),

  'compare.termsTitle': m('词条升降：{b} 相对 {a}', 'Terms that rose and fell: {b} against {a}'),
  'compare.termsBy': m('排序依据', 'Ranked by'),
  'compare.termsTop': m('显示', 'Show'),
  'compare.termsTopN': m('前 {n} 个', 'top {n}'),
  'compare.termStatuses': m('类别', 'Kinds'),
  'compare.countA': m('A 词频', 'count in A'),
  'compare.countB': m('B 词频', 'count in B'),
  'compare.per10kA': m('A 每万词', 'A per 10k'),
  'compare.per10kB': m('B 每万词', 'B per 10k'),
  'compare.termsEmpty': m('两个版本之间没有新出现、消失或显著升降的词条。', 'No term is new, dropped or significantly up or down between the two editions.'),
  'compare.helpTerms': m(
    '以 A 为参照：正值表示在 B 中更常见。G² 绝对值 ≥ 3.84 约相当于 p < 0.05，记为上升或下降；A 中没有、B 中有的记为新出现，反之为消失。对数比 +1 表示 B 中频率是 A 的 2 倍。',
    'A is the reference: positive = more frequent in B. |G²| ≥ 3.84 (about p < 0.05) counts as rising or falling; a term absent from A and present in B is new, the reverse dropped. Log ratio +1 = twice as frequent in B.'
  ),
  'compare.themeTitle': m('主题 × 版本：{a} 与 {b}（每万词频次）', 'Themes × editions: {a} and {b} (per 10,000 tokens)'),
  'compare.helpTheme': m('每个主题所含词条在两个版本中的每万词频次之和；点击格子查看该版本中含该主题的题目。', 'Rate per 10,000 tokens of each theme’s terms in both editions; click a cell for that edition’s topics with the theme.'),

  'compare.seriesTitle': m('{region} 历年主题走势（每万词频次）', 'Themes over the years in {region} (per 10,000 tokens)'),
  'compare.seriesTermsTitle': m('{region} 历年词条走势（每万词频次）', 'Terms over the years in {region} (per 10,000 tokens)'),
  'compare.seriesNote': m('{region} 共有 {n} 个版本', '{region} has {n} editions'),
  'compare.year': m('年份', 'year'),
  'compare.firstSeenTitle': m('{region} 各词条首次出现的年份', 'The year each term first appears in {region}'),
  'compare.firstYear': m('首次出现', 'first year'),
  'compare.yearsPresent': m('出现的版本数', 'editions with it'),
  'compare.latestCount': m('最新版本词频', 'count in the latest'),
  'compare.firstSeenShown': m('按首次出现年份从近到远，显示前 {n} 个；导出包含全部 {total} 个。', 'Newest first appearances first, {n} shown; exports hold all {total}.'),
  'compare.seriesNone': m('所比较的版本所在地区都不足三个版本，没有历年走势。', 'Neither edition’s region has three or more editions, so there is no series.'),
  'compare.helpSeries': m('同一地区三个及以上版本时显示。某版本仅含标题时，各年都只按标题计算。', 'Shown when a region has three or more editions. When one of them is titles-only, every year counts titles only.'),

  // The term page's trend panel (TermTrend.svelte) uses the same basis rule.
  'compare.trendBasisTitles': m('按标题比较（{editions} 仅含标题）', 'compared on titles ({editions} has titles only)'),
  'compare.trendSeriesTitles': m('有版本仅含题目标题，各版本均只按标题计算每万词频次', 'An edition has titles only, so every edition’s rate counts titles only'),
  'compare.trendCounts': m('{a} → {b} 次', '{a} → {b} tokens'),
  'compare.trendCompare': m('逐题对比这两个版本', 'Compare these editions topic by topic'),
  'compare.helpTrendStatus': m('新出现：A 中没有；消失：B 中没有；上升 / 下降：G² 绝对值 ≥ 3.84（约 p < 0.05）；其余为持平。', 'New: absent from A; dropped: absent from B; rising / falling: |G²| ≥ 3.84 (about p < 0.05); otherwise stable.'),

  // Track page: the same track in other editions.
  'compare.sameTrackElsewhere': m('其他版本中的同名赛道', 'The same track in other editions'),
  'compare.compareTrack': m('对比', 'compare')
} satisfies Record<string, Message>;
