// People and departments of the demo city tax bureau: Chinese names with their pinyin (for
// ascii usernames), the departments of a city bureau, and the job titles used in the tax service.

import type { Topic } from './corpus';
import type { Rng } from './prng';

/** Common surnames with pinyin, most common first (the order sets the weights). */
const SURNAMES: readonly (readonly [string, string])[] = (
  '王wang 李li 张zhang 刘liu 陈chen 杨yang 黄huang 赵zhao 吴wu 周zhou 徐xu 孙sun 马ma 朱zhu 胡hu 郭guo 何he 林lin ' +
  '罗luo 高gao 郑zheng 梁liang 谢xie 宋song 唐tang 许xu 邓deng 韩han 冯feng 曹cao 彭peng 曾zeng 肖xiao 田tian 董dong ' +
  '潘pan 袁yuan 蔡cai 蒋jiang 余yu 于yu 杜du 叶ye 程cheng 魏wei 苏su 吕lv 丁ding 任ren 卢lu 姚yao 沈shen 钟zhong 姜jiang ' +
  '崔cui 谭tan 陆lu 范fan 汪wang 廖liao 石shi 金jin 贾jia 夏xia 付fu 方fang 邹zou 熊xiong 白bai 孟meng 秦qin 邱qiu ' +
  '侯hou 江jiang 尹yin 薛xue 段duan 雷lei 龙long 黎li 史shi 陶tao 贺he 毛mao 郝hao 顾gu 龚gong 邵shao 万wan 武wu ' +
  '钱qian 戴dai 严yan 莫mo 孔kong 向xiang 常chang'
)
  .split(' ')
  .map((s) => [s.slice(0, 1), s.slice(1)] as const);

const SURNAME_WEIGHTS = SURNAMES.map((s, i) => [s, 1 / (i + 3) ** 0.8] as const);

/** Characters of given names with pinyin. */
const GIVEN: readonly (readonly [string, string])[] = (
  '伟wei 强qiang 磊lei 军jun 勇yong 杰jie 涛tao 斌bin 超chao 明ming 刚gang 平ping 辉hui 鹏peng 华hua 飞fei 鑫xin ' +
  '波bo 宇yu 浩hao 凯kai 健jian 俊jun 帆fan 旭xu 宁ning 林lin 阳yang 建jian 国guo 志zhi 文wen 成cheng 海hai 东dong ' +
  '亮liang 峰feng 晨chen 博bo 睿rui 轩xuan 子zi 一yi 思si 嘉jia 芳fang 娜na 敏min 静jing 丽li 艳yan 娟juan 霞xia ' +
  '玲ling 燕yan 婷ting 雪xue 慧hui 莉li 倩qian 琳lin 洁jie 颖ying 佳jia 欣xin 悦yue 雯wen 琪qi 萍ping 红hong 梅mei ' +
  '兰lan 蓉rong 璐lu 晓xiao 秀xiu 月yue 瑶yao 薇wei 春chun 丹dan 妍yan 彤tong 诗shi 玉yu 德de 春chun 卫wei 毅yi'
)
  .split(' ')
  .map((s) => [s.slice(0, 1), s.slice(1)] as const);

/** A person's name and the ascii base of their username. */
export interface PersonName {
  displayName: string;
  pinyin: string;
}

/** A realistic Chinese name: a surname and one or two given-name characters. */
export function personName(rng: Rng): PersonName {
  const [surname, sp] = rng.weighted(SURNAME_WEIGHTS);
  const first = rng.pick(GIVEN);
  const second = rng.chance(0.6) ? rng.pick(GIVEN) : null;
  const displayName = `${surname}${first[0]}${second ? second[0] : ''}`;
  return { displayName, pinyin: `${sp}${first[1]}${second ? second[1] : ''}` };
}

/** Hands out unique ascii usernames: `zhangwei01`, `zhangwei02`, … */
export class Usernames {
  private readonly used = new Map<string, number>();

  /** The next free username for a pinyin base. */
  next(pinyin: string): string {
    const n = (this.used.get(pinyin) ?? 0) + 1;
    this.used.set(pinyin, n);
    return `${pinyin}${String(n).padStart(2, '0')}`;
  }
}

/** A kind of department: its work topics (with weights) and the title of its head. */
export interface DepartmentKind {
  name: string;
  topics: readonly (readonly [Topic, number])[];
  headTitle: string;
}

/** What a tax branch (税务分局) works on. */
const BRANCH: readonly (readonly [Topic, number])[] = [
  ['service', 2],
  ['collection', 2],
  ['branch', 2],
  ['revenue', 1],
];

/** The departments of a city tax bureau, in the order they are listed. */
export const DEPARTMENT_CATALOGUE: readonly DepartmentKind[] = [
  {
    name: '办公室',
    topics: [
      ['office', 5],
      ['publicity', 2],
    ],
    headTitle: '主任',
  },
  { name: '法制科', topics: [['legal', 1]], headTitle: '科长' },
  {
    name: '税政科',
    topics: [
      ['policy', 4],
      ['revenue', 1],
    ],
    headTitle: '科长',
  },
  { name: '收入核算科', topics: [['revenue', 1]], headTitle: '科长' },
  {
    name: '纳税服务科',
    topics: [
      ['service', 4],
      ['publicity', 1],
    ],
    headTitle: '科长',
  },
  { name: '征收管理科', topics: [['collection', 1]], headTitle: '科长' },
  { name: '风险管理科', topics: [['risk', 1]], headTitle: '科长' },
  { name: '人事科', topics: [['hr', 1]], headTitle: '科长' },
  { name: '机关党委', topics: [['party', 1]], headTitle: '专职副书记' },
  { name: '信息中心', topics: [['it', 1]], headTitle: '主任' },
  { name: '税务稽查局', topics: [['inspection', 1]], headTitle: '局长' },
  { name: '第一税务分局', topics: BRANCH, headTitle: '局长' },
  { name: '考核考评科', topics: [['hr', 1]], headTitle: '科长' },
  { name: '督察内审科', topics: [['legal', 1]], headTitle: '科长' },
  {
    name: '社会保险费和非税收入科',
    topics: [
      ['collection', 2],
      ['revenue', 1],
    ],
    headTitle: '科长',
  },
  { name: '财务管理科', topics: [['office', 1]], headTitle: '科长' },
];

const DIGITS = '零一二三四五六七八九';

/** A number in Chinese numerals, 1 to 9999: 2 → 二, 12 → 十二, 105 → 一百零五. */
export function chineseNumber(n: number): string {
  if (n < 10) return DIGITS[n] as string;
  if (n < 20) return `十${n % 10 ? DIGITS[n % 10] : ''}`;
  const units = ['', '十', '百', '千'];
  const digits = String(n).split('').map(Number);
  let out = '';
  digits.forEach((d, i) => {
    const unit = units[digits.length - 1 - i] as string;
    if (d === 0) {
      if (!out.endsWith('零') && digits.slice(i).some((x) => x > 0)) out += '零';
    } else out += `${DIGITS[d]}${unit}`;
  });
  return out;
}

/** The kind of the i-th department (0-based): the catalogue first, then numbered tax branches. */
export function departmentKind(i: number): DepartmentKind {
  const listed = DEPARTMENT_CATALOGUE[i];
  if (listed) return listed;
  const branch = i - DEPARTMENT_CATALOGUE.length + 2;
  return { name: `第${chineseNumber(branch)}税务分局`, topics: BRANCH, headTitle: '局长' };
}

/** The leadership group: a department of its own, holding the bureau's leaders. */
export const LEADERSHIP = { name: '局领导', titles: ['局长', '副局长', '副局长', '总经济师'] } as const;

/** Staff titles of the tax service, deputy head first. */
export const STAFF_TITLES = [
  '一级主任科员',
  '二级主任科员',
  '三级主任科员',
  '四级主任科员',
  '一级主办',
  '二级主办',
  '三级主办',
  '四级主办',
  '一级行政执法员',
] as const;

/** Fictitious city names for the bureau. */
export const CITIES = ['青川', '云溪', '临江', '南屏', '白石', '安澜'] as const;
