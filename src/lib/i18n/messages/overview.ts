/** Words of 总览 (overview). */
import { m, type Message } from './message.ts';

export const OVERVIEW = {
  // ── 总览 (overview) ─────────────────────────────────────────────
  'overview.heading': m('总览', 'Overview'),
  'overview.corpus': m('全部数据', 'All data'),
  'overview.edition': m('本版本', 'This edition'),
  'overview.titlesOnly': m('该版本仅含题目标题，无正文', 'This edition lists topic titles only, without paragraphs'),
  'overview.topTerms': m('{edition} 高频词条（前 {n}）', 'Top {n} terms, {edition}'),
  'overview.tracksList': m('赛道与题目数', 'Tracks and topics'),
  'overview.editionFacts': m('本版本概况', 'This edition at a glance'),
  'overview.distinctTerms': m('不同词条数', 'distinct terms'),
  'overview.openTrack': m('打开赛道页：{track}', 'Open the track page: {track}'),
  'overview.cloudTitle': m('{edition} 词云（{scope}，前 {n}）', 'Word cloud, {edition} ({scope}, top {n})'),
  'overview.cloudScope': m('词云范围', 'Cloud of'),
  'overview.cloudAllTracks': m('全部所选赛道', 'all chosen tracks'),
  'overview.cloudShown': m('显示 {shown} / {n} 个词条：字号与颜色深浅表示词频，文字不旋转。', 'Showing {shown} of {n} terms: size and shade show frequency; words are never rotated.'),
  'overview.cloudCount': m('{term}：词频 {count}', '{term}: frequency {count}'),
  'overview.cloudEmpty': m('该赛道不在当前的赛道筛选范围内，或没有计入统计的词条。', 'This track is outside the track filter, or has no counted terms.'),
  'overview.helpCloud': m('字越大、颜色越深，词频越高（字号按词频的平方根缩放，面积与词频成正比）。标点、数字和（勾选时）通用动词不会出现。布局固定，刷新后不变。', 'Bigger, darker words are more frequent (size follows the square root of frequency, so area follows frequency). Punctuation, numbers and, when removed, generic verbs never appear. The layout is fixed and survives a reload.'),
  'overview.heatmapTitle': m('{edition} 主题 × 赛道（词频）', 'Themes × tracks, {edition} (frequency)'),
  'overview.helpHeatmap': m('每格是该主题全部成员词在该赛道出现的次数，颜色越深越多。点击格子查看该赛道中与该主题相关的题目。', 'Each cell counts the theme’s member terms in the track; darker = more. Click a cell to see the track’s topics on that theme.'),
  'overview.crossTitle': m('{edition} 跨赛道词条（覆盖赛道数最多的前 {n} 个）', 'Most cross-track terms, {edition} (top {n} by tracks covered)'),
  'overview.helpCross': m('行按覆盖赛道数从多到少排列（相同时按词频），每格是该词在该赛道的词频。点击格子打开该赛道，词条会突出显示。', 'Rows run from the most tracks covered down (ties by frequency); each cell is the term’s frequency in the track. Click a cell to open the track with the term highlighted.'),
  'overview.crossTop': m('词条数', 'Terms shown'),
  'overview.crossEmpty': m('当前筛选条件下，没有出现在至少 2 个赛道中的词条。', 'No term occurs in at least 2 tracks under the current filters.')
} as const satisfies Record<string, Message>;
