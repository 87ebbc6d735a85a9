/** Words of 主题 (the theme index and one theme's page). */
import { m, type Message } from './message.ts';

export const THEMES = {
  'nav.themes': m('主题', 'Themes'),

  // ── 主题 (index) ────────────────────────────────────────────────
  'themes.heading': m('主题', 'Themes'),
  'themes.intro': m(
    '{edition}：主题词表共 {n} 个主题。每个主题是一组相关的词条，计数时合并它的全部成员词；点击主题查看成员词在各赛道的分布和原文。',
    '{edition}: the theme list has {n} themes. A theme is a group of related terms counted together; open a theme for its members by track and the passages.'
  ),
  'themes.chartTitle': m('{edition} 各主题词频', 'Theme frequency, {edition}'),
  'themes.listTitle': m('{edition} 主题与成员词', 'Themes and their member terms, {edition}'),
  'themes.topics': m('含主题词的题目数', 'topics with a member'),
  'themes.help': m(
    '每个主题的词频是它全部成员词在所选赛道中出现的次数之和（每个词只算一次，即使它属于多个主题）。点击条形打开主题页。',
    'A theme’s frequency is the sum of its member terms’ occurrences in the chosen tracks. Click a bar to open the theme.'
  ),
  'themes.openCounts': m('查看“{theme}”各成员词在各赛道的词频', 'Member counts by track for {theme}'),
  'themes.openTopics': m('列出含“{theme}”成员词的题目（会把主题筛选设为该主题）', 'List the topics with a member of {theme} (sets the theme filter)'),

  // ── 主题 (one theme) ────────────────────────────────────────────
  'theme.back': m('全部主题', 'All themes'),
  'theme.unknown': m('主题词表中没有“{theme}”这个主题。', 'The theme list has no theme called {theme}.'),
  'theme.membersTitle': m('成员词（{n} 个）', 'Member terms ({n})'),
  'theme.summary': m('{edition}：成员词共出现 {count} 次，分布在 {tracks} 个赛道。', '{edition}: the members occur {count} times, in {tracks} tracks.'),
  'theme.useAsFilter': m('在全部视图中按此主题筛选', 'Filter every view by this theme'),
  'theme.isFilter': m('当前主题筛选就是此主题', 'This is the current theme filter'),
  'theme.showMember': m('查看“{term}”出现的原文', 'Show the passages with {term}'),
  'theme.absent': m('{edition} 中未出现的成员词：', 'Members not in {edition}: '),
  'theme.matrixTitle': m('{theme}：成员词 × 赛道（词频，{edition}）', '{theme}: member terms × tracks (frequency), {edition}'),
  'theme.totalRow': m('合计（主题）', 'Total (theme)'),
  'theme.helpMatrix': m(
    '每格是该成员词在该赛道出现的次数；最上面的“合计”一行是主题在该赛道的词频，就是总览“主题 × 赛道”热力图中的数字，每列成员词之和等于它。颜色按平方根缩放，个别很大的数不会让其余格子都变浅。点击格子查看原文。',
    'Each cell counts the member in the track; the Total row is the theme’s count there, the number in the overview’s theme × track heatmap, and each column’s members add up to it. Colours follow the square root, so one large count does not wash out the rest. Click a cell for the passages.'
  ),
  'theme.matrixNote': m('每列成员词之和 = 该列“合计”= 总览“主题 × 赛道”热力图中的同一格。', 'Each column’s members add up to its Total, the same cell as in the overview’s theme × track heatmap.'),
  'theme.matrixEmpty': m('{edition} 的所选赛道中没有“{theme}”的成员词。', 'No member of {theme} occurs in the chosen tracks of {edition}.'),
  'theme.passagesTitle': m('原文：{place} · {what}', 'Passages: {place} · {what}'),
  'theme.allMembers': m('“{theme}”的全部成员词', 'every member of {theme}'),
  'theme.passagesCount': m('共 {tokens} 次，{topics} 个题目', '{tokens} occurrences in {topics} topics'),
  'theme.passagesNote': m('高亮的是所点的词条；其他成员词带下划线，点击可打开词条页。只改变本页，不改变全局筛选。', 'Highlighted: what you clicked; other members are underlined and open their term pages. This changes this page only, not the global filters.'),
  'theme.clear': m('清除选择', 'Clear the selection'),
  'theme.passagesEmpty': m('这里没有含这些词的题目。', 'No topic here holds these terms.')
} as const satisfies Record<string, Message>;
