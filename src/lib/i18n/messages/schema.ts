/**
 * The contract's tables and columns in Chinese (SQL 控制台's schema list, the loading
 * status): a short name and a description of every table, a description of every column.
 * English reads the contract itself (analysis/contract.ts). The type follows the contract,
 * so a new table or column fails the type check until it has its words here.
 */
import type { TABLES, TableName } from '../../../../analysis/contract.ts';

interface TableWords<Columns> {
  /** Short name for status lines, e.g. 题目词频. */
  name: string;
  doc: string;
  columns: { [C in keyof Columns]: string };
}

type SchemaWords = { [T in TableName]: TableWords<(typeof TABLES)[T]['columns']> };

const EDITION = '版本编号';
const VERBS = "'removed'（通用政策动词按停用词处理）或 'kept'（保留）；term_stats 的文件只存 'removed'，其余由看板从 term_topic 算出";

export const SCHEMA_ZH: SchemaWords = {
  editions: {
    name: '版本',
    doc: '每个指南版本（一个源文件）一行。',
    columns: {
      edition_id: '版本编号，如 2026-hunan',
      year: '大赛年份',
      region: '地区，如 湖南、福建厦门',
      title: '指南标题',
      source: '文件来源',
      notes: 'editions.json 中的备注（可为空）',
      file: '输入文件夹中的源文件名',
      encoding: '识别出的文本编码（utf-8、utf-16le、gb18030、docx）',
      tracks: '赛道数',
      topics: '题目数',
      sentences: '全部标题和正文的句子数（按 。！？； 切分）',
      tokens: '计入统计的词数（通用动词停用）',
      chars: '标题和正文的字数',
      has_bodies: '至少一个题目有正文时为真（不是只有标题的清单）'
    }
  },
  tracks: {
    name: '赛道',
    doc: '每个版本的每个赛道一行。',
    columns: {
      edition_id: EDITION,
      track_no: '赛道在版本中的序号（从 1 起）',
      track_name: '赛道简称，如 工业制造（去掉“赛道一：”“数据要素×”等前缀和“赛道”后缀）',
      heading: '原文标题，如 赛道一：工业制造赛道',
      line: '标题在源文件中的行号',
      topics: '赛道中的题目数',
      tokens: '计入统计的词数（通用动词停用）',
      tokens_with_verbs: '计入统计的词数（保留通用动词）'
    }
  },
  topics: {
    name: '题目',
    doc: '每个题目一行：标题和正文。',
    columns: {
      edition_id: EDITION,
      track_no: '赛道序号',
      track_name: '赛道简称',
      topic_no: '题目在赛道中的序号（从 1 起）',
      printed_no: '原文编号（一 → 1，赛题3 → 3）；无编号时为空',
      title: '题目标题',
      body: '题目正文，多段以换行连接；只有标题的清单为空',
      line: '标题在源文件中的行号',
      chars: '标题和正文的字数'
    }
  },
  terms: {
    name: '词条',
    doc: '全部版本的词表，也是分词检查清单。',
    columns: {
      term: '词条（规范形式）',
      count: '全部版本中的词频',
      editions: '含该词的版本数',
      topics: '全部版本中含该词的题目数',
      chars: '词条字数（单字词值得检查）',
      in_dictionary: '在自定义词典（terms.txt）中时为真',
      generic_verb: '在通用政策动词表中时为真',
      themes: '所属主题，以 、 连接（无则为空）',
      variants: '同义词表并入该词、且在原文中出现过的写法，以 、 连接'
    }
  },
  themes: {
    name: '主题词表',
    doc: '主题与成员词（来自 themes.tsv）。',
    columns: { theme: '主题名，如 隐私计算', term: '成员词（规范形式）' }
  },
  term_topic: {
    name: '题目词频',
    doc: '每个词条在每个题目（标题 + 正文）中的词频。',
    columns: {
      edition_id: EDITION,
      track_no: '赛道序号',
      topic_no: '题目序号',
      term: '词条（规范形式）',
      count: '该词在该题目中的词频',
      title_spans: "在标题中的位置：以空格分隔的 '起点:长度'（经同义词表合并的写法长度可能不同）",
      body_spans: "在正文中的位置：以空格分隔的 '起点:长度'"
    }
  },
  term_track: {
    name: '赛道词频',
    doc: '每个词条在每个赛道中的词频，以及该赛道相对本版本其他赛道的显著性。分析结果里没有这张表的文件：首次查询时由看板从 term_topic、terms 和 tracks 算出。',
    columns: {
      edition_id: EDITION,
      generic_verbs: VERBS,
      track_no: '赛道序号',
      term: '词条（规范形式）',
      count: '该词在该赛道中的词频',
      topics: '该赛道中含该词的题目数',
      per10k: '词频 ÷ 赛道词数 × 10,000',
      keyness_g2: '带符号的对数似然比 G²（Rayson & Garside 2000）；偏少时为负',
      log_ratio: '对数比（Hardie 2014）：频率之比的以 2 为底的对数，零频次以 0.5 代替'
    }
  },
  term_stats: {
    name: '版本词频',
    doc: '每个词条在每个版本中的词频及其在各赛道的分布。',
    columns: {
      edition_id: EDITION,
      generic_verbs: VERBS,
      term: '词条（规范形式）',
      count: '该版本中的词频',
      topics: '含该词的题目数',
      tracks: '含该词的赛道数',
      per10k: '词频 ÷ 版本词数 × 10,000',
      dispersion_dp: 'Gries 离散度 DP：0 表示分布与全文一致，接近 1 表示集中',
      dp_norm: 'DP ÷ (1 − 最小赛道的篇幅占比)'
    }
  },
  cooccurrence: {
    name: '共现',
    doc: '在同一题目（及句子）中共现的词对，term_a < term_b；共现次数低于最低词对数的不收录。分析结果里没有这张表的文件：首次查询时由看板从 term_topic 和 topics 算出。',
    columns: {
      edition_id: EDITION,
      term_a: '第一个词（按码位顺序）',
      term_b: '第二个词',
      topics: 'a_ij：同时含两词的题目数',
      sentences: '同时含两词的句子数',
      jaccard: 'a_ij / (n_i + n_j − a_ij)，按题目',
      association_strength: '关联强度 a_ij · N / (n_i · n_j)，按题目',
      npmi: '归一化点互信息，按题目，−1 … 1',
      sentence_jaccard: 'Jaccard，按句子；两词没有同句时为空',
      sentence_association_strength: '关联强度，按句子',
      sentence_npmi: '归一化点互信息，按句子'
    }
  },
  track_overlap: {
    name: '赛道重合度',
    doc: '同一版本中每两个赛道的相似程度（track_a < track_b）。分析结果里没有这张表的文件：首次查询时由看板从 term_topic、terms 和 tracks 算出。',
    columns: {
      edition_id: EDITION,
      generic_verbs: VERBS,
      track_a: '第一个赛道序号',
      track_b: '第二个赛道序号',
      shared_terms: '两个赛道共有的词条数',
      jaccard: '两个赛道词条集合的 Jaccard 系数',
      cosine: 'TF-IDF 向量的余弦（tf = 赛道词频，idf = ln(T/df)）',
      top_shared: '按 min(tf_a, tf_b) · idf 排在前 10 的共有词，以 、 连接'
    }
  },
  theme_track: {
    name: '主题 × 赛道',
    doc: '每个主题（任一成员词）在每个赛道中的词频。',
    columns: {
      edition_id: EDITION,
      theme: '主题名',
      track_no: '赛道序号',
      count: '成员词在该赛道中的词频之和',
      topics: '该赛道中含任一成员词的题目数'
    }
  },
  near_duplicates: {
    name: '近似重复',
    doc: '在版本内或版本间重复的段落：标题或正文中至少 20 字的相同句子或分句（按 ，： 切分），或 5 字片段 Jaccard ≥ 0.8 的正文。a 侧是较早的题目（按版本、赛道、题目顺序）。大量相同段落按与首次出现的配对列出。',
    columns: {
      edition_a: '较早题目的版本',
      track_a: '较早题目的赛道',
      topic_a: '较早题目的序号',
      edition_b: '较晚题目的版本',
      track_b: '较晚题目的赛道',
      topic_b: '较晚题目的序号',
      kind: "'sentence'（相同句子）或 'body'（正文几乎相同）",
      similarity: '两段正文（无正文时为标题）按 5 字片段计算的 Jaccard 系数',
      shared_text: '重复的句子或分句，按 b 题目中的顺序以换行连接（body 类：最长的共有句子或分句，可为空）'
    }
  },
  track_alignment: {
    name: '赛道对应',
    doc: '两个版本（A 为较早或作参照的一方）的赛道按内容一一对应：相同、更名、新增或删除。同一地区相邻年份的版本对已预先算好，其他版本对由看板按同样方法即时计算。',
    columns: {
      edition_a: '版本 A（较早的一方，作参照）',
      edition_b: '版本 B',
      track_a: 'A 中的赛道序号；新增时为空',
      track_b: 'B 中的赛道序号；删除时为空',
      name_a: 'A 中的赛道名称（新增时为空字符串）',
      name_b: 'B 中的赛道名称（删除时为空字符串）',
      status: "'matched'（相同）、'renamed'（更名）、'added'（新增）或 'removed'（删除）",
      similarity: '两个赛道保留下来的题目比例：2 × 对应题目对数 ÷（A 中题目数 + B 中题目数）；新增、删除时为空'
    }
  },
  topic_alignment: {
    name: '题目对应',
    doc: 'A、B 两个版本的每个题目各出现一次：按标题和正文的内容对应（不看编号和顺序），状态为未变、正文修改、改写、调整赛道、新增或删除。',
    columns: {
      edition_a: '版本 A（作参照）',
      edition_b: '版本 B',
      track_a: 'A 中的赛道序号；新增时为空',
      topic_a: 'A 中的题目序号；新增时为空',
      track_b: 'B 中的赛道序号；删除时为空',
      topic_b: 'B 中的题目序号；删除时为空',
      status: "'matched'（未变）、'edited'（正文修改）、'reworded'（改写）、'moved'（调整赛道）、'added'（新增）或 'removed'（删除）",
      title_similarity: '两个标题（规范化后）的二字片段 Dice 系数，0 … 1；新增、删除时为空',
      body_similarity: '两段正文的同一系数；新增、删除时，或任一版本仅有标题时为空'
    }
  },
  term_trend: {
    name: '词条升降',
    doc: '两个版本之间每个词条的词频变化：新出现、消失、上升、下降或持平（G² 低于 3.84 为持平）。任一版本仅有标题时两边都只按标题计数。',
    columns: {
      edition_a: '版本 A（作参照）',
      edition_b: '版本 B',
      basis: "'full'（标题和正文）或 'titles'（任一版本没有正文时只计标题）",
      term: '规范词条',
      count_a: 'A 中按该口径的词频',
      count_b: 'B 中按该口径的词频',
      per10k_a: 'count_a ÷ A 按该口径的词次总数 × 10,000',
      per10k_b: 'count_b ÷ B 按该口径的词次总数 × 10,000',
      log_ratio: 'B 相对 A 的对数比（以 2 为底，零计数按 0.5 计）；+1 表示在 B 中频率是 A 的两倍',
      g2: '带符号的 G²（B 相对 A）；在 B 中更常见时为正',
      status: "'new'（新出现）、'dropped'（消失）、'rising'（上升）、'falling'（下降）或 'stable'（持平）"
    }
  }
};
