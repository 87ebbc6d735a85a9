/**
 * How each statistic the dashboard shows is defined, for the methods section of a Word
 * report: the definitions of /work/shared/reference/statistics.md in Chinese (and
 * English). Every formula is written exactly as in statistics.md, and a test holds them
 * to it, so the report cannot drift from the definitions the figures follow.
 */
import type { Lang } from '../state/filters.ts';

export interface StatisticDefinition {
  name: { zh: string; en: string };
  /** Verbatim from statistics.md (null for counts defined in words only). */
  formula: string | null;
  zh: string;
  en: string;
}

export const STATISTICS = {
  count: {
    name: { zh: '词频', en: 'Frequency' },
    formula: null,
    zh: '词条在统计单元中出现的次数（题目 = 标题 + 正文）。词条是分词（nodejieba 加自定义词典 terms.txt）后经同义词表归并为规范形式的词，不含停用词、标点和数字。',
    en: 'Tokens of the term in a unit (topic = title + body). A term is a token after segmentation (nodejieba + terms.txt) mapped through the thesaurus to its canonical form, not a stop word, punctuation or a number.'
  },
  per10k: {
    name: { zh: '每万词频次', en: 'Per 10,000 tokens' },
    formula: 'count / tokens × 10,000',
    zh: 'per10k = count / tokens × 10,000，即词频 ÷ 该单元计入统计的全部词数 × 10,000，可在长短不同的赛道或版本之间比较。',
    en: 'Count divided by all counted tokens of the unit, times 10,000: comparable between long and short tracks or editions.'
  },
  topics: {
    name: { zh: '含该词题目数', en: 'Topics with the term' },
    formula: 'n_i',
    zh: '含有该词条的题目数 n_i；N 为版本的题目总数。',
    en: 'n_i, the topics that contain term i; N is the number of topics in the edition.'
  },
  tracks: {
    name: { zh: '覆盖赛道数', en: 'Tracks covered' },
    formula: null,
    zh: '题目中含有该词条的赛道个数。',
    en: 'Number of tracks whose topics contain the term.'
  },
  tfidf: {
    name: { zh: 'TF-IDF（区分度）', en: 'TF-IDF (distinctiveness)' },
    formula: 'idf = ln(T / df)',
    zh: '「领域词」开关按 TF-IDF 排序时：词频 × idf，idf = ln(T / df)，T 为所选赛道数，df 为所选赛道中含该词的赛道数；只出现在少数赛道里的词排在前面，出现在每个所选赛道中的词为 0。',
    en: 'When the 「领域词」 switch ranks by TF-IDF: count × idf, idf = ln(T / df), T = the chosen tracks, df = the chosen tracks containing the term; terms of few tracks come first, a term in every chosen track scores 0.'
  },
  dp: {
    name: { zh: '离散度 (DP)', en: 'Dispersion (DP)' },
    formula: 'DP = ½ · Σ_k |v_k/v − s_k|',
    zh: 'Gries (2008)：v_k 为该词在赛道 k 的词频，v = Σ v_k，s_k 为赛道 k 的词数占全版本的比例，DP = ½ · Σ_k |v_k/v − s_k|。0 表示与全文分布一致，接近 1 表示集中在个别小赛道；DPnorm = DP / (1 − min_k s_k)。',
    en: 'Gries (2008): v_k the term’s count in track k, v = Σ v_k, s_k track k’s share of the edition’s tokens; DP = ½ · Σ_k |v_k/v − s_k|. 0 = spread like the text, near 1 = all in one small track; DPnorm = DP / (1 − min_k s_k).'
  },
  cooccurrence: {
    name: { zh: '共现题目数', en: 'Co-occurring topics' },
    formula: 'a_ij',
    zh: '同时含有词条 i 和 j 的题目数 a_ij（句内窗口时按句子计，句子以 。！？； 切分）。',
    en: 'a_ij, the topics that contain both terms i and j (sentences, split at 。！？；, for the sentence window).'
  },
  jaccard: {
    name: { zh: 'Jaccard 系数（共现）', en: 'Jaccard (co-occurrence)' },
    formula: 'a_ij / (n_i + n_j − a_ij)',
    zh: 'a_ij / (n_i + n_j − a_ij)：含其中任一词的题目中同时含两词的比例（KH Coder 的默认统计量）。',
    en: 'a_ij / (n_i + n_j − a_ij): the share of topics with either term that have both (KH Coder’s default).'
  },
  association: {
    name: { zh: '关联强度', en: 'Association strength' },
    formula: 'a_ij · N / (n_i · n_j)',
    zh: 'a_ij · N / (n_i · n_j)：实际共现 ÷ 相互独立时的预期共现，1 表示无关联（van Eck 与 Waltman 2009 的概率测度，VOSviewer 采用）。',
    en: 'a_ij · N / (n_i · n_j): observed ÷ expected under independence; 1 = independent (van Eck & Waltman 2009, used by VOSviewer).'
  },
  npmi: {
    name: { zh: '标准化点互信息 (NPMI)', en: 'NPMI' },
    formula: 'log₂(a_ij·N/(n_i·n_j)) / −log₂(a_ij/N)',
    zh: 'log₂(a_ij·N/(n_i·n_j)) / −log₂(a_ij/N)，取值 −1 至 1，0 表示相互独立；a_ij = N 时定义为 1。',
    en: 'log₂(a_ij·N/(n_i·n_j)) / −log₂(a_ij/N), from −1 to 1, 0 = independent; 1 when a_ij = N.'
  },
  g2: {
    name: { zh: '显著性 (G²)', en: 'Keyness (G²)' },
    formula: 'G² = 2(a·ln(a/E₁) + b·ln(b/E₂))',
    zh: '对数似然（Rayson 与 Garside 2000 的两项形式）：a、b 为目标与参照中的词频，c、d 为两者的词数，E₁ = c(a+b)/(c+d)，E₂ = d(a+b)/(c+d)，G² = 2(a·ln(a/E₁) + b·ln(b/E₂))，0·ln 0 = 0。a/c < b/d 时取负号。3.84 ≈ p < 0.05，6.63 ≈ p < 0.01，15.13 ≈ p < 0.0001。赛道以本版本其余赛道为参照。',
    en: 'Log-likelihood (two-term form, Rayson & Garside 2000): a, b counts in target and reference, c, d their tokens; E₁ = c(a+b)/(c+d), E₂ = d(a+b)/(c+d), G² = 2(a·ln(a/E₁) + b·ln(b/E₂)), 0·ln 0 = 0; negative when a/c < b/d. 3.84 ≈ p < 0.05, 6.63 ≈ p < 0.01, 15.13 ≈ p < 0.0001. A track is compared with the rest of its edition.'
  },
  logRatio: {
    name: { zh: '对数比', en: 'Log ratio' },
    formula: 'log₂((a/c) / (b/d))',
    zh: 'Hardie (2014)：log₂((a/c) / (b/d))，词频为 0 时以 0.5 代替；+1 表示在目标中的频率是参照的 2 倍。',
    en: 'Hardie (2014): log₂((a/c) / (b/d)), with 0.5 in place of a zero count; +1 = twice as frequent in the target.'
  },
  trackJaccard: {
    name: { zh: '重合度（Jaccard）', en: 'Overlap (Jaccard)' },
    formula: null,
    zh: '两个赛道词条集合的 Jaccard 系数：共有词条数 ÷ 两赛道词条并集的大小。',
    en: 'Jaccard of the two tracks’ term sets: shared terms ÷ terms in either.'
  },
  cosine: {
    name: { zh: '重合度（余弦）', en: 'Overlap (cosine)' },
    formula: 'idf = ln(T / df)',
    zh: '两个赛道 TF-IDF 向量的余弦相似度：tf 为词条在赛道中的词频，idf = ln(T / df)，T 为版本的赛道数，df 为含该词的赛道数。',
    en: 'Cosine of the tracks’ TF-IDF vectors: tf = the term’s count in the track; idf = ln(T / df), T = tracks in the edition, df = tracks containing the term.'
  },
  sharedWeight: {
    name: { zh: '共有词权重', en: 'Shared-term weight' },
    formula: 'min(tf_a, tf_b) · idf',
    zh: '两个赛道共有的词条按 min(tf_a, tf_b) · idf 排序，即在两赛道中较小的词频乘以 idf。',
    en: 'Shared terms ordered by min(tf_a, tf_b) · idf: the smaller of the two counts times idf.'
  },
  nearDuplicate: {
    name: { zh: '近似重复', en: 'Near-duplicates' },
    formula: 'Jaccard ≥ 0.8',
    zh: '两个题目中逐字相同、至少 20 个字符的句子（本工具也比较以 ，： 切分的分句），或正文的字符 5-gram 集合 Jaccard ≥ 0.8 的题目。',
    en: 'Sentences of at least 20 characters that occur word for word in two topics (Crosstrack also compares clauses split at ，：), or bodies whose character 5-gram shingle sets have Jaccard ≥ 0.8.'
  },
  trend: {
    name: { zh: '版本间趋势', en: 'Trend between editions' },
    formula: null,
    zh: '版本 A 与 B 之间：各自的每万词频次，以及以 A 为参照的对数比和带符号的 G²（定义同上）。',
    en: 'Between editions A and B: per10k in each, and Log Ratio and signed G² as above with A as reference.'
  },
  trendStatus: {
    name: { zh: '词条升降类别', en: 'Term trend status' },
    formula: null,
    zh: '以 A 为参照：A 中没有、B 中有为“新出现”，反之为“消失”；G² 绝对值 ≥ 3.84（约 p < 0.05）时按符号记为“上升”或“下降”，其余为“持平”。一方仅含题目标题时，两边都只按标题计算。',
    en: 'A is the reference: absent from A and present in B = new, the reverse = dropped; |G²| ≥ 3.84 (about p < 0.05) = rising or falling by its sign; otherwise stable. When one edition has titles only, both sides count titles only.'
  },
  alignment: {
    name: { zh: '版本对齐', en: 'Edition alignment' },
    formula: null,
    zh: '两个版本的赛道和题目按内容对应，不看编号和顺序。文本去掉空白和标点、统一全半角后切成相邻两字，相似度为两者共有的两字组数 × 2 ÷ 两者两字组总数（Sørensen–Dice 系数，0–1），标题和正文分别计算；再按相似度做一对一匹配（匈牙利算法）。题目：未变（标题、正文相同）、正文修改（标题相同）、改写（标题不同而内容相近）、调整赛道（所在赛道不是原赛道的对应赛道）、新增、删除。赛道：同名为相同；原赛道一半以上题目归入一个新名称的赛道为更名；其余为新增、删除。一方仅含题目标题时只比较标题。',
    en: 'Tracks and topics of two editions are matched by content, never by number or order. Text without spaces and punctuation, width folded, is cut into character bigrams; similarity is 2 × shared bigrams ÷ all bigrams of both (Sørensen–Dice, 0–1), for titles and paragraphs; a one-to-one assignment (Hungarian algorithm) then pairs them. Topics: unchanged (same title and paragraph), paragraph edited (same title), reworded (another title, similar content), moved (its track is not the aligned track of its old one), added, removed. Tracks: same name = matched; more than half of a track’s topics in one newly named track = renamed; otherwise added or removed. With a titles-only edition only titles are compared.'
  },
  communities: {
    name: { zh: '共现网络社群', en: 'Network communities' },
    formula: null,
    zh: '节点为所选范围内词频最高的词条，边为达到阈值的共现词对（按所选统计量取最强的若干条）；社群由 Leiden 算法按模块度在所画的边上划分（边权为所选统计量，NPMI 移至 0 至 1），随机种子固定，按规模编号。',
    en: 'Nodes are the most frequent terms in the chosen scope, edges the co-occurring pairs at the threshold (the strongest ones by the chosen statistic); communities come from Leiden optimising modularity on the drawn edges (weighted by the statistic, NPMI moved to 0 … 1), seeded, numbered by size.'
  }
} as const satisfies Record<string, StatisticDefinition>;

export type StatisticKey = keyof typeof STATISTICS;

/** The definitions the items use, each once, in the order of STATISTICS. */
export function usedStatistics(keys: Iterable<StatisticKey>, lang: Lang): { key: StatisticKey; name: string; text: string }[] {
  const used = new Set(keys);
  return (Object.keys(STATISTICS) as StatisticKey[])
    .filter((k) => used.has(k))
    .map((key) => ({ key, name: STATISTICS[key].name[lang], text: STATISTICS[key][lang] }));
}
