/**
 * Where a page comes from: municipal and prefectural host names → region ids of the rule set
 * (`<prefecture>` or `<prefecture>/<municipality>`, romanized as in the geographic domains).
 *
 * Three kinds of host carry a region:
 * - geographic domains: `city.kurume.fukuoka.jp`, `pref.saga.jp` — the prefecture is in the name;
 * - LGJP domains: `city.chitose.lg.jp`, `pref.hokkaido.lg.jp` — only the prefectural form says
 *   where it is, so municipal LGJP hosts are listed one by one;
 * - designated-city domains (`city.sapporo.jp`) and the sites of 後期高齢者医療広域連合 and
 *   国保連合会, which have their own names.
 */

/** The 47 prefectures: id (the geographic second-level domain) and Japanese name. */
export const PREFECTURES = [
  ['hokkaido', '北海道'],
  ['aomori', '青森県'],
  ['iwate', '岩手県'],
  ['miyagi', '宮城県'],
  ['akita', '秋田県'],
  ['yamagata', '山形県'],
  ['fukushima', '福島県'],
  ['ibaraki', '茨城県'],
  ['tochigi', '栃木県'],
  ['gunma', '群馬県'],
  ['saitama', '埼玉県'],
  ['chiba', '千葉県'],
  ['tokyo', '東京都'],
  ['kanagawa', '神奈川県'],
  ['niigata', '新潟県'],
  ['toyama', '富山県'],
  ['ishikawa', '石川県'],
  ['fukui', '福井県'],
  ['yamanashi', '山梨県'],
  ['nagano', '長野県'],
  ['gifu', '岐阜県'],
  ['shizuoka', '静岡県'],
  ['aichi', '愛知県'],
  ['mie', '三重県'],
  ['shiga', '滋賀県'],
  ['kyoto', '京都府'],
  ['osaka', '大阪府'],
  ['hyogo', '兵庫県'],
  ['nara', '奈良県'],
  ['wakayama', '和歌山県'],
  ['tottori', '鳥取県'],
  ['shimane', '島根県'],
  ['okayama', '岡山県'],
  ['hiroshima', '広島県'],
  ['yamaguchi', '山口県'],
  ['tokushima', '徳島県'],
  ['kagawa', '香川県'],
  ['ehime', '愛媛県'],
  ['kochi', '高知県'],
  ['fukuoka', '福岡県'],
  ['saga', '佐賀県'],
  ['nagasaki', '長崎県'],
  ['kumamoto', '熊本県'],
  ['oita', '大分県'],
  ['miyazaki', '宮崎県'],
  ['kagoshima', '鹿児島県'],
  ['okinawa', '沖縄県'],
] as const;

export type PrefectureId = (typeof PREFECTURES)[number][0];

const PREFECTURE_NAMES: ReadonlyMap<string, string> = new Map(PREFECTURES);

/**
 * Designated cities that have their own second-level domain (`*.sapporo.jp`); the others live
 * under their prefecture's geographic domain or under lg.jp.
 */
export const DESIGNATED_CITY_DOMAINS = [
  'sapporo',
  'sendai',
  'yokohama',
  'kawasaki',
  'nagoya',
  'kobe',
  'kitakyushu',
] as const;

interface KnownHost {
  /** The host or a parent domain of it, e.g. `city.chitose.lg.jp`. */
  domain: string;
  region: string;
  /** Japanese name of the municipality or body. */
  ja: string;
}

/**
 * Municipalities in the rule set and the 20 designated cities, by every host they are known to
 * use, plus the 広域連合 / 国保連 sites. Hosts were read off the source URLs of the rule files
 * and of pages in the reference corpus.
 */
export const KNOWN_HOSTS: readonly KnownHost[] = [
  // Municipalities with rules (src/rules/data).
  { domain: 'city.fukuoka.lg.jp', region: 'fukuoka/fukuoka', ja: '福岡市' },
  { domain: 'city.chitose.lg.jp', region: 'hokkaido/chitose', ja: '千歳市' },
  { domain: 'city.hokuto.hokkaido.jp', region: 'hokkaido/hokuto', ja: '北斗市' },
  { domain: 'city.iwamizawa.hokkaido.jp', region: 'hokkaido/iwamizawa', ja: '岩見沢市' },
  { domain: 'city.iwamizawa.lg.jp', region: 'hokkaido/iwamizawa', ja: '岩見沢市' },
  { domain: 'city.sapporo.jp', region: 'hokkaido/sapporo', ja: '札幌市' },
  { domain: 'city.sapporo.lg.jp', region: 'hokkaido/sapporo', ja: '札幌市' },
  { domain: 'city.adachi.tokyo.jp', region: 'tokyo/adachi', ja: '足立区' },
  { domain: 'city.adachi.lg.jp', region: 'tokyo/adachi', ja: '足立区' },
  { domain: 'city.chiyoda.lg.jp', region: 'tokyo/chiyoda', ja: '千代田区' },
  { domain: 'city.koto.lg.jp', region: 'tokyo/koto', ja: '江東区' },
  { domain: 'city.minato.tokyo.jp', region: 'tokyo/minato', ja: '港区' },
  { domain: 'city.minato.lg.jp', region: 'tokyo/minato', ja: '港区' },
  { domain: 'city.ota.tokyo.jp', region: 'tokyo/ota', ja: '大田区' },
  { domain: 'city.ota.lg.jp', region: 'tokyo/ota', ja: '大田区' },
  // Designated cities (政令指定都市).
  { domain: 'city.sendai.jp', region: 'miyagi/sendai', ja: '仙台市' },
  { domain: 'city.sendai.lg.jp', region: 'miyagi/sendai', ja: '仙台市' },
  { domain: 'city.saitama.lg.jp', region: 'saitama/saitama', ja: 'さいたま市' },
  { domain: 'city.saitama.jp', region: 'saitama/saitama', ja: 'さいたま市' },
  { domain: 'city.chiba.jp', region: 'chiba/chiba', ja: '千葉市' },
  { domain: 'city.chiba.lg.jp', region: 'chiba/chiba', ja: '千葉市' },
  { domain: 'city.yokohama.lg.jp', region: 'kanagawa/yokohama', ja: '横浜市' },
  { domain: 'city.yokohama.jp', region: 'kanagawa/yokohama', ja: '横浜市' },
  { domain: 'city.kawasaki.jp', region: 'kanagawa/kawasaki', ja: '川崎市' },
  { domain: 'city.kawasaki.lg.jp', region: 'kanagawa/kawasaki', ja: '川崎市' },
  { domain: 'city.sagamihara.kanagawa.jp', region: 'kanagawa/sagamihara', ja: '相模原市' },
  { domain: 'city.sagamihara.lg.jp', region: 'kanagawa/sagamihara', ja: '相模原市' },
  { domain: 'city.niigata.lg.jp', region: 'niigata/niigata', ja: '新潟市' },
  { domain: 'city.shizuoka.lg.jp', region: 'shizuoka/shizuoka', ja: '静岡市' },
  { domain: 'city.hamamatsu.shizuoka.jp', region: 'shizuoka/hamamatsu', ja: '浜松市' },
  { domain: 'city.hamamatsu.lg.jp', region: 'shizuoka/hamamatsu', ja: '浜松市' },
  { domain: 'city.nagoya.jp', region: 'aichi/nagoya', ja: '名古屋市' },
  { domain: 'city.nagoya.lg.jp', region: 'aichi/nagoya', ja: '名古屋市' },
  { domain: 'city.kyoto.lg.jp', region: 'kyoto/kyoto', ja: '京都市' },
  { domain: 'city.kyoto.jp', region: 'kyoto/kyoto', ja: '京都市' },
  { domain: 'city.osaka.lg.jp', region: 'osaka/osaka', ja: '大阪市' },
  { domain: 'city.sakai.lg.jp', region: 'osaka/sakai', ja: '堺市' },
  { domain: 'city.kobe.lg.jp', region: 'hyogo/kobe', ja: '神戸市' },
  { domain: 'city.kobe.jp', region: 'hyogo/kobe', ja: '神戸市' },
  { domain: 'city.okayama.jp', region: 'okayama/okayama', ja: '岡山市' },
  { domain: 'city.okayama.lg.jp', region: 'okayama/okayama', ja: '岡山市' },
  { domain: 'city.hiroshima.lg.jp', region: 'hiroshima/hiroshima', ja: '広島市' },
  { domain: 'city.kitakyushu.lg.jp', region: 'fukuoka/kitakyushu', ja: '北九州市' },
  { domain: 'city.kitakyushu.jp', region: 'fukuoka/kitakyushu', ja: '北九州市' },
  { domain: 'city.kumamoto.jp', region: 'kumamoto/kumamoto', ja: '熊本市' },
  { domain: 'city.kumamoto.lg.jp', region: 'kumamoto/kumamoto', ja: '熊本市' },
  // 後期高齢者医療広域連合 and 国保連合会 with their own domains.
  { domain: 'fukuoka-kouki.jp', region: 'fukuoka', ja: '福岡県後期高齢者医療広域連合' },
  { domain: 'iryokouiki-hokkaido.jp', region: 'hokkaido', ja: '北海道後期高齢者医療広域連合' },
  {
    domain: 'saitama-koukikourei.org',
    region: 'saitama',
    ja: '埼玉県後期高齢者医療広域連合',
  },
  { domain: 'tokyo-ikiiki.net', region: 'tokyo', ja: '東京都後期高齢者医療広域連合' },
  { domain: 'saga-kouiki.jp', region: 'saga', ja: '佐賀県後期高齢者医療広域連合' },
  { domain: 'fukui-kouiki.or.jp', region: 'fukui', ja: '福井県後期高齢者医療広域連合' },
  { domain: 'shizuoka-ki.jp', region: 'shizuoka', ja: '静岡県後期高齢者医療広域連合' },
  { domain: 'kokuho-nagano.or.jp', region: 'nagano', ja: '長野県国民健康保険団体連合会' },
];

/** Sites of 広域連合 / 国保連 (own domains), for the content script's default matches. */
export const UNION_DOMAINS = KNOWN_HOSTS.filter((h) => !h.region.includes('/')).map(
  (h) => h.domain,
);

export interface PageRegion {
  /** `hokkaido` or `hokkaido/chitose`. */
  region: string;
  prefecture: PrefectureId;
  /** Romanized municipality when the host names one. */
  municipality?: string;
  /** Japanese name of the municipality or body, when known. */
  ja?: string;
}

const MUNICIPAL_LABELS = new Set(['city', 'town', 'vill', 'ward']);

function prefectureOf(region: string): PrefectureId {
  return region.split('/')[0] as PrefectureId;
}

function isParentDomain(host: string, domain: string): boolean {
  return host === domain || host.endsWith(`.${domain}`);
}

/**
 * The region a host belongs to, or undefined when the host says nothing about it (e.g. a
 * ministry on go.jp, or any site outside Japan's public sector).
 */
export function regionFromHost(hostname: string): PageRegion | undefined {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  const known = KNOWN_HOSTS.find((entry) => isParentDomain(host, entry.domain));
  if (known) {
    const prefecture = prefectureOf(known.region);
    const municipality = known.region.split('/')[1];
    return {
      region: known.region,
      prefecture,
      ...(municipality ? { municipality } : {}),
      ja: known.ja,
    };
  }
  const labels = host.split('.');
  if (labels.at(-1) !== 'jp' || labels.length < 3) return undefined;
  const second = labels.at(-2)!;
  if (second === 'lg') {
    // pref.<prefecture>.lg.jp; municipal LGJP hosts are only known through the table above.
    const prefectureIndex = labels.indexOf('pref');
    const candidate = prefectureIndex >= 0 ? labels[prefectureIndex + 1] : undefined;
    if (candidate && PREFECTURE_NAMES.has(candidate) && labels.length - prefectureIndex === 4) {
      return { region: candidate, prefecture: candidate as PrefectureId };
    }
    return undefined;
  }
  if (PREFECTURE_NAMES.has(second)) {
    // <kind>.<municipality>.<prefecture>.jp or pref.<prefecture>.jp
    const prefecture = second as PrefectureId;
    const kind = labels.at(-4);
    const name = labels.at(-3)!;
    if (name === 'pref' || !kind || !MUNICIPAL_LABELS.has(kind)) {
      return { region: prefecture, prefecture, ja: PREFECTURE_NAMES.get(prefecture)! };
    }
    return { region: `${prefecture}/${name}`, prefecture, municipality: name };
  }
  return undefined;
}

/** Japanese name of a prefecture id. */
export function prefectureName(id: string): string | undefined {
  return PREFECTURE_NAMES.get(id);
}

/**
 * Match patterns of the sites where the page layer runs without being asked: LGJP and
 * government domains, the geographic and designated-city domains, and the 広域連合 / 国保連
 * sites.
 */
export const DEFAULT_MATCHES: readonly string[] = [
  '*://*.lg.jp/*',
  '*://*.go.jp/*',
  ...PREFECTURES.map(([id]) => `*://*.${id}.jp/*`),
  ...DESIGNATED_CITY_DOMAINS.map((city) => `*://*.${city}.jp/*`),
  ...UNION_DOMAINS.map((domain) => `*://*.${domain}/*`),
];
