/** Small hand-made editions for the comparison's unit tests. */
import type { CompareEdition, TermCount } from '../../../analysis/compare/index.ts';

/** { track name: [title, body][] } → an edition with ordinals in the order given. */
export function edition(id: string, tracks: Record<string, [string, string][]>, terms: TermCount[] = []): CompareEdition {
  const names = Object.keys(tracks);
  return {
    edition_id: id,
    tracks: names.map((track_name, i) => ({ track_no: i + 1, track_name })),
    topics: names.flatMap((name, i) => tracks[name].map(([title, body], k) => ({ track_no: i + 1, topic_no: k + 1, title, body }))),
    terms
  };
}

/** Real-looking topics (from the Hunan guide) for building small editions. */
export const T = {
  design: ['数据驱动的高端产品智能设计与迭代', '聚焦产品研发环节，汇聚用户使用数据、运行工况及售后反馈等多源信息，构建产品性能衰退模型与用户需求画像，支撑产品设计的智能优化与个性化服务预测。'],
  agent: ['工业大模型智能体的研发与应用', '以设备数据、工艺参数、运维日志等多模态数据为基础，结合行业知识库，研发具备自然语言交互与任务执行能力的领域智能体，实现故障诊断、工艺调优、生产排程等场景的自主分析与决策。'],
  robot: ['具身智能驱动的机器人作业与协同优化', '基于机器人运行数据、环境感知数据与作业任务数据，构建具备实时感知与自主决策能力的机器人智能体，实现复杂场景下的自适应操作、多机器人协同作业与任务动态调配，提升作业精度与系统效率。'],
  carbon: ['重点工序碳排放智能监测与协同减排', '贯通能耗、物料、生产及排放数据，构建实时可信的碳排放“测、算、溯”模型，研发能碳协同优化策略，实现从单点节能到系统减排的数据驱动解决方案。'],
  supply: ['产业链协同与供应链风险预警', '利用订单、库存、物流、质量等供应链全域数据，构建动态全景视图与风险知识图谱，开发供应链风险传播预警模型与产能调度算法，提升产业链透明度与抗风险韧性。'],
  weather: ['提高气象防灾减灾能力', '围绕暴雨、冰冻、干旱等灾害性天气，融合雷达、卫星与地面观测数据，研发分钟级临近预报与影响预警模型，支撑灾害风险精准识别与分区分级预警发布。'],
  climate: ['提升应对气候变化能力', '汇聚历史气候、能源消费与生态环境数据，开展气候变化影响评估与风险区划，服务重点行业适应气候变化规划与碳达峰碳中和决策。'],
  tcm: ['中医药高质量数据集建设', '围绕中医临床诊疗、中药材种植与炮制、名老中医经验传承等领域，汇聚整理多源数据，建设标注规范、质量可控的中医药高质量数据集。']
} satisfies Record<string, [string, string]>;
