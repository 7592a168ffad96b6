// What the demo's people write: sentence templates per line of work of a city tax bureau.
// Placeholders in braces are filled by writing.ts: {n} a small count, {big} a larger count,
// {k} a count of one to three, {amt} ten-thousands of yuan, {yi} hundred-millions of yuan, {pct} a rate, {co} a company,
// {area} a district, {tax} a tax, {law} a law, {q} the quarter, {month} the month, {score} a
// test score, {reads} page reads, {dept} a department of the bureau.

/** A line of work; each department mixes a few. */
export type Topic =
  | 'office'
  | 'legal'
  | 'policy'
  | 'revenue'
  | 'service'
  | 'publicity'
  | 'collection'
  | 'risk'
  | 'hr'
  | 'party'
  | 'it'
  | 'inspection'
  | 'branch'
  | 'leadership';

/** The templates of one line of work. */
export interface TopicCorpus {
  /** The report category its items carry (one of the default settings' categories). */
  category: string;
  /** What was done: a template, then the outcomes it may have had. */
  work: readonly (readonly [string, ...string[]])[];
  plan: readonly string[];
  tags: readonly string[];
  /** Chance that a work item is restricted (case details, personnel matters). */
  restricted: number;
  /** What a week's work was about, for report summaries. */
  focus: readonly string[];
}

/** Every line of work and its templates. */
export const TOPICS: Record<Topic, TopicCorpus> = {
  service: {
    category: '纳税服务',
    work: [
      ['为{n}户企业办理跨区迁移，平均办理时长缩短至1个工作日', '经验做法被市局简报采用'],
      ['办税服务厅接待纳税人{big}人次，办理各类涉税业务{big}笔', '纳税人满意度100%'],
      ['受理12366热线及网络咨询{big}件，按时答复率100%', '收到纳税人感谢锦旗1面'],
      ['上门辅导{co}使用电子税务局，解决出口退税申报问题{n}项', '收到企业感谢信1封'],
      ['办理增值税留抵退税{n}户，退税金额{amt}万元', '退税平均办理时间压缩至2个工作日'],
      ['为{n}户新办企业提供“套餐式”服务，一次性办结登记和发票领用', '做法被省局《纳税服务工作简报》采用'],
      ['梳理纳税人意见建议{n}条，协调相关科室完成整改'],
      ['开展“便民办税春风行动”，推出预约办、延时办服务{n}项', '信息被省局采用'],
    ],
    plan: [
      '开展{area}纳税人满意度回访',
      '推进办税服务厅“一窗通办”改造',
      '做好个人所得税汇算清缴辅导预热',
      '整理本月纳税人咨询热点问题并编印问答',
    ],
    tags: ['便民办税春风行动', '跨区迁移', '优化营商环境', '12366', '留抵退税'],
    restricted: 0,
    focus: ['优化办税服务', '便民办税春风行动', '留抵退税办理'],
  },
  revenue: {
    category: '收入核算',
    work: [
      ['完成{month}月税收收入分析，全市累计组织税收收入{yi}亿元', '分析报告获市政府领导批示'],
      ['对{n}户重点税源企业开展税源调查，掌握生产经营变化'],
      ['核对入库数据{big}条，更正错误入库{n}笔'],
      ['对{tax}收入波动原因开展专题分析，形成分析报告1篇', '信息被省局采用'],
      ['测算减税降费政策效应，本月新增减税降费{amt}万元', '测算结果被市委《每日要情》采用'],
      ['参加市财税收入形势分析会，汇报收入进度和下阶段预测', '收入预测偏差率控制在2%以内'],
    ],
    plan: ['做好月度收入预测和进度监控', '完成第{q}季度税收经济分析报告初稿', '走访重点税源企业{n}户'],
    tags: ['组织收入', '税源分析', '减税降费'],
    restricted: 0.02,
    focus: ['组织收入', '税收经济分析', '重点税源监控'],
  },
  publicity: {
    category: '税收宣传',
    work: [
      ['撰写税收宣传稿件{n}篇，其中{k}篇在市级以上媒体刊发', '稿件被《中国税务报》刊发'],
      ['走进{area}开展税费优惠政策宣讲，覆盖纳税人{big}户'],
      ['编发微信公众号推文{n}篇，累计阅读{reads}次', '单篇推文阅读量突破1万次'],
      ['向省局、市委市政府报送政务信息{n}条', '信息被省局采用', '信息被市委办公室《每日要情》采用'],
      ['制作{tax}新政解读短视频1部', '短视频被省局官方账号转发'],
    ],
    plan: ['策划下月税收宣传主题活动', '约稿各分局典型经验做法', '更新办税指南宣传折页'],
    tags: ['税收宣传', '政务信息', '新媒体'],
    restricted: 0,
    focus: ['税收宣传', '政务信息报送'],
  },
  inspection: {
    category: '税务稽查',
    work: [
      ['检查{co}，查补税款{amt}万元，依法加收滞纳金并处罚款', '查补税款已全部入库'],
      ['回复外省发来的虚开发票协查线索{n}条'],
      ['参与公安、海关等部门联合打击涉税违法犯罪行动，移送案件{n}起', '移送案件均已被公安机关立案'],
      ['对{n}户企业开展“双随机、一公开”抽查'],
      ['整理稽查案卷{n}卷并完成归档'],
      ['撰写{co}案件审理报告1份，提交重大案件审理委员会', '案件被省局列为典型案例'],
    ],
    plan: ['推进{co}案件检查进度', '完成虚开发票协查线索回复', '开展稽查案卷自查'],
    tags: ['打击虚开', '双随机一公开', '案件审理'],
    restricted: 0.3,
    focus: ['案件检查', '打击虚开骗税'],
  },
  collection: {
    category: '税收征管',
    work: [
      ['清理非正常户{n}户，为{k}户办理解除'],
      ['开展欠税清缴，清缴欠税{amt}万元', '欠税清缴任务提前完成'],
      ['推广数电发票，辖区{big}户纳税人完成数电发票开具', '做法被省局征管简报采用'],
      ['审核发票领用和增量申请{big}份'],
      ['统计征期申报情况，{tax}按期申报率达{pct}%', '申报率居全市第一'],
      ['开展房地产项目土地增值税清算{n}户'],
    ],
    plan: ['做好征期申报督促', '开展存量房交易征管风险排查', '完成非正常户认定和公告'],
    tags: ['数电发票', '欠税清缴', '征期管理'],
    restricted: 0.02,
    focus: ['征期管理', '欠税清缴', '数电发票推广'],
  },
  risk: {
    category: '税收征管',
    work: [
      ['推送风险应对任务{n}批{big}户，应对完成率{pct}%'],
      ['建立{tax}风险识别指标{n}个并完成测试', '风险指标被省局采纳推广'],
      ['对{co}开展风险应对，补缴税款{amt}万元', '应对补税全部入库'],
      ['开展出口退税风险分析，核查疑点企业{n}户'],
    ],
    plan: ['评估风险应对任务质量', '完善风险指标模型', '开展{tax}专项风险分析'],
    tags: ['风险应对', '大数据', '出口退税'],
    restricted: 0.15,
    focus: ['风险应对', '风险指标建设'],
  },
  legal: {
    category: '税收征管',
    work: [
      ['审核规范性文件和合同{n}件，提出修改意见{n}条'],
      ['审理重大税务案件{n}件'],
      ['开展执法督察，抽查执法案卷{big}份', '执法案卷评查获评优秀'],
      ['办理行政复议案件1件，按期作出复议决定', '复议决定维持原具体行政行为'],
      ['落实税务行政处罚“首违不罚”清单，梳理适用案例{n}个'],
    ],
    plan: ['开展执法案卷评查', '组织学习《行政处罚法》专题讲座', '做好行政应诉准备'],
    tags: ['依法治税', '执法督察', '首违不罚'],
    restricted: 0.2,
    focus: ['执法督察', '法制审核'],
  },
  policy: {
    category: '税收征管',
    work: [
      ['开展{tax}政策执行情况调研，形成调研报告1篇', '调研报告获市局领导肯定'],
      ['答复基层{tax}政策疑难问题{n}个', '答复口径被省局采纳'],
      ['落实研发费用加计扣除政策，审核备案资料{n}户'],
      ['审核个人所得税汇算清缴退税{big}笔'],
    ],
    plan: ['梳理{tax}政策执行口径', '开展政策落实情况回头看'],
    tags: ['政策落实', '研发费用加计扣除', '个税汇算'],
    restricted: 0,
    focus: ['政策落实', '政策调研'],
  },
  office: {
    category: '综合事务',
    work: [
      ['起草局务会工作报告等文稿{n}篇', '文稿获市局主要领导肯定'],
      ['组织召开局务会、党委会{n}次，整理会议纪要'],
      ['办理公文{big}件，督办重点工作{n}项', '督办事项按期办结率100%'],
      ['做好市局领导赴{area}调研的保障工作'],
      ['整理文书档案{big}卷'],
    ],
    plan: ['筹备全市税务工作会议', '开展公文质量检查', '做好重点工作督办通报'],
    tags: ['公文办理', '督查督办', '会务保障'],
    restricted: 0.02,
    focus: ['文稿起草', '督查督办', '会务保障'],
  },
  hr: {
    category: '综合事务',
    work: [
      ['审核{n}名干部的平时考核材料'],
      ['组织干部教育培训{n}期，培训{big}人次', '培训满意度98%'],
      ['办理干部职工社保和公积金基数调整'],
      ['核对“数字人事”平时考核数据{big}条'],
    ],
    plan: ['做好年度考核前期准备', '开展青年干部“导师制”结对', '组织新录用公务员岗前培训'],
    tags: ['数字人事', '干部培训', '绩效考评'],
    restricted: 0.25,
    focus: ['干部培训', '绩效考评'],
  },
  party: {
    category: '党建工作',
    work: [
      ['组织{n}个支部开展主题党日活动，{big}名党员参加', '活动被市直机关工委网站报道'],
      ['检查各支部“三会一课”记录{n}本'],
      ['编发党建工作简报1期', '党建经验被市直机关工委推广'],
      ['组织观看警示教育片，开展廉政教育'],
    ],
    plan: ['做好党费收缴核对', '筹备党委理论学习中心组学习', '开展支部标准化建设检查'],
    tags: ['党建引领', '主题党日', '廉政建设'],
    restricted: 0,
    focus: ['支部建设', '党风廉政建设'],
  },
  it: {
    category: '综合事务',
    work: [
      ['处理金税系统运维问题{n}个，保障征期系统平稳运行', '征期系统零故障'],
      ['完成{n}个办税服务厅网络设备巡检'],
      ['开展网络安全检查，整改隐患{n}处'],
      ['配合省局完成电子税务局版本升级测试', '测试发现的问题全部闭环'],
    ],
    plan: ['做好征期系统运行保障', '开展数据安全自查', '更新终端安全软件'],
    tags: ['金税四期', '网络安全', '运维保障'],
    restricted: 0.05,
    focus: ['系统运维', '网络安全'],
  },
  branch: {
    category: '税收征管',
    work: [
      ['走访辖区{co}，宣讲{tax}优惠政策'],
      ['完成辖区个体工商户定额调整{n}户', '调整工作零投诉'],
      ['对{area}{n}户企业开展纳税信用复评', '辖区欠税动态清零'],
      ['核实辖区新办企业实际经营情况{n}户'],
    ],
    plan: ['开展辖区重点企业走访', '做好个体工商户定额核定', '推进{area}税源巡查'],
    tags: ['税源管理', '纳税信用', '个体工商户'],
    restricted: 0.03,
    focus: ['辖区税源管理', '纳税信用管理'],
  },
  leadership: {
    category: '综合事务',
    work: [
      ['主持召开局务会议，研究部署{tax}征管工作'],
      ['带队赴{area}开展调研，走访企业{n}户', '调研报告获市委领导批示'],
      ['参加省局视频会议并安排贯彻落实'],
      ['督导{dept}重点工作推进情况'],
    ],
    plan: ['带队开展{dept}工作专项督导', '主持召开党委理论学习中心组学习', '走访{area}重点企业'],
    tags: ['调查研究', '督导检查'],
    restricted: 0.1,
    focus: ['统筹部署', '调查研究'],
  },
};

/** What everyone studies: a template, then the outcomes it may have had. */
export const STUDY: { category: string; items: readonly (readonly [string, ...string[]])[]; tags: readonly string[] } = {
  category: '学习提升',
  items: [
    ['学习{law}并完成测试', '测试成绩优秀'],
    ['在“学习兴税”平台完成{n}学时学习，测试成绩{score}分'],
    ['学习《纳税缴费服务规范》3.0版相关章节'],
    ['研读{tax}最新政策文件，撰写学习笔记1篇', '学习笔记被评为优秀笔记'],
    ['参加全市税务系统业务能力集训', '集训考试成绩位列全市前十'],
    ['参加党委理论学习中心组（扩大）学习'],
  ],
  tags: ['理论学习', '业务培训', '学习兴税'],
};

/** Fillers for the placeholders. */
export const FILLERS = {
  companyStart: ['宏达', '鑫源', '锦华', '恒泰', '瑞丰', '华信', '永安', '天成', '金桥', '博远', '正和', '远航'],
  companyEnd: ['建材', '食品', '物流', '机械', '商贸', '科技', '医药', '能源', '置业', '纺织', '电子', '农业'],
  areas: ['高新区', '经开区', '临港片区', '东城街道', '西湖镇', '北山镇', '南河乡', '城北工业园'],
  taxes: ['增值税', '企业所得税', '个人所得税', '印花税', '房产税', '城镇土地使用税', '资源税', '环境保护税'],
  laws: [
    '《税收征收管理法》第五章',
    '《中华人民共和国增值税法》',
    '《中华人民共和国行政处罚法》',
    '《发票管理办法》',
    '《中华人民共和国个人所得税法》',
    '《企业所得税法实施条例》',
  ],
} as const;

/** Opening sentences of a personal report's summary. */
export const REPORT_SUMMARIES = ['本周围绕{focus}开展工作，完成{count}项主要任务。', '本周重点推进{focus}，各项工作按计划完成。'];

/** The opening of a department summary: counts first, then highlights. */
export const DEPARTMENT_SUMMARY =
  '本周{dept}应报{owed}人，已报{submitted}人，其中迟交{late}人。主要工作如下，下周重点做好{focus}。';
