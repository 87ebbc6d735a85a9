/**
 * Region names for metadata inference: the 34 provincial-level regions (pinyin →
 * Chinese) and the cities that host their own divisions of the competitions.
 */

export const PROVINCES: Record<string, string> = {
  beijing: '北京',
  tianjin: '天津',
  shanghai: '上海',
  chongqing: '重庆',
  hebei: '河北',
  shanxi: '山西',
  liaoning: '辽宁',
  jilin: '吉林',
  heilongjiang: '黑龙江',
  jiangsu: '江苏',
  zhejiang: '浙江',
  anhui: '安徽',
  fujian: '福建',
  jiangxi: '江西',
  shandong: '山东',
  henan: '河南',
  hubei: '湖北',
  hunan: '湖南',
  guangdong: '广东',
  hainan: '海南',
  sichuan: '四川',
  guizhou: '贵州',
  yunnan: '云南',
  shaanxi: '陕西',
  gansu: '甘肃',
  qinghai: '青海',
  taiwan: '台湾',
  neimenggu: '内蒙古',
  neimongol: '内蒙古',
  guangxi: '广西',
  xizang: '西藏',
  ningxia: '宁夏',
  xinjiang: '新疆',
  xianggang: '香港',
  hongkong: '香港',
  aomen: '澳门',
  macau: '澳门',
  macao: '澳门',
  bingtuan: '新疆兵团',
  quanguo: '全国',
  national: '全国'
};

/** City → [Chinese name, its province]. */
export const CITIES: Record<string, [string, string]> = {
  xiamen: ['厦门', '福建'],
  fuzhou: ['福州', '福建'],
  quanzhou: ['泉州', '福建'],
  shenzhen: ['深圳', '广东'],
  guangzhou: ['广州', '广东'],
  dongguan: ['东莞', '广东'],
  qingdao: ['青岛', '山东'],
  jinan: ['济南', '山东'],
  dalian: ['大连', '辽宁'],
  shenyang: ['沈阳', '辽宁'],
  ningbo: ['宁波', '浙江'],
  hangzhou: ['杭州', '浙江'],
  nanjing: ['南京', '江苏'],
  suzhou: ['苏州', '江苏'],
  wuxi: ['无锡', '江苏'],
  wuhan: ['武汉', '湖北'],
  changsha: ['长沙', '湖南'],
  chengdu: ['成都', '四川'],
  xian: ['西安', '陕西'],
  zhengzhou: ['郑州', '河南'],
  hefei: ['合肥', '安徽'],
  nanchang: ['南昌', '江西'],
  kunming: ['昆明', '云南'],
  guiyang: ['贵阳', '贵州'],
  nanning: ['南宁', '广西'],
  haikou: ['海口', '海南'],
  shijiazhuang: ['石家庄', '河北'],
  taiyuan: ['太原', '山西'],
  harbin: ['哈尔滨', '黑龙江'],
  changchun: ['长春', '吉林'],
  lanzhou: ['兰州', '甘肃'],
  xining: ['西宁', '青海'],
  yinchuan: ['银川', '宁夏'],
  urumqi: ['乌鲁木齐', '新疆'],
  lhasa: ['拉萨', '西藏'],
  huhehaote: ['呼和浩特', '内蒙古'],
  hohhot: ['呼和浩特', '内蒙古']
};

const CHINESE_PROVINCES = [...new Set(Object.values(PROVINCES))].filter((p) => p !== '全国');
const CHINESE_CITIES = Object.values(CITIES);

/** Region named in Chinese text: the first province, followed by a city after it if one is named. */
export function regionInText(text: string): string | null {
  let province: string | null = null;
  let at = Infinity;
  for (const name of CHINESE_PROVINCES) {
    const i = text.indexOf(name);
    if (i >= 0 && (i < at || (i === at && name.length > province!.length))) {
      province = name;
      at = i;
    }
  }
  const after = province ? text.slice(at + province.length) : text;
  const city = CHINESE_CITIES.find(([name, home]) => after.includes(name) && (!province || home === province));
  if (province && city) return province + city[0];
  if (province) return province;
  if (city) return city[1] + city[0];
  return text.includes('全国') ? '全国' : null;
}

/** Words in file names that say nothing about the region. */
const NOISE_TOKENS = /^(?:v\d+|final|draft|copy|new|guide|guides|list|topics?|saiti|zhinan|txt|docx?)$/i;

/** Region from file-name tokens, e.g. ['fujian', 'xiamen'] → 福建厦门; unknown pinyin is kept. */
export function regionFromTokens(tokens: string[]): string | null {
  const parts: string[] = [];
  for (const raw of tokens) {
    const token = raw.toLowerCase();
    if (!token || NOISE_TOKENS.test(token) || /^\d+$/.test(token)) continue;
    if (PROVINCES[token]) parts.push(PROVINCES[token]);
    else if (CITIES[token]) {
      const [city, province] = CITIES[token];
      if (!parts.includes(province)) parts.push(province);
      parts.push(city);
    } else if (/[\u3400-\u9fff]/.test(raw)) {
      parts.push(regionInText(raw) ?? raw);
    } else parts.push(raw);
  }
  return parts.length > 0 ? parts.join('') : null;
}
