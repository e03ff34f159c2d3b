import { regionFromHost, type PageRegion } from './regions';

export type PageScheme = 'kokuho' | 'koki';

/** Words that say a page is about 後期高齢者医療 or about 国民健康保険. */
const KOKI_WORDS = /後期高齢者医療|後期高齢者|後期高齢|広域連合/g;
const KOKUHO_WORDS = /国民健康保険|国保/g;

function count(text: string, pattern: RegExp): number {
  pattern.lastIndex = 0;
  let n = 0;
  while (pattern.exec(text)) n += 1;
  return n;
}

/**
 * The scheme a page is about, from how often it names each: a page that talks mostly of
 * 後期高齢者医療 is a 後期 page even if it mentions 国保 once (and the other way round). A page
 * that names neither, or both about equally, gets no scheme.
 */
export function schemeFromText(text: string, title = ''): PageScheme | undefined {
  const sample = `${title}\n${title}\n${text.length > 200_000 ? text.slice(0, 200_000) : text}`;
  const koki = count(sample, KOKI_WORDS);
  const kokuho = count(sample, KOKUHO_WORDS);
  if (koki === 0 && kokuho === 0) return undefined;
  if (koki > kokuho * 1.5) return 'koki';
  if (kokuho > koki * 1.5) return 'kokuho';
  return undefined;
}

/** Words that say a page is about resident tax rather than insurance premiums. */
const TOPIC_WORDS: ReadonlyArray<[topic: string, pattern: RegExp]> = [
  ['resident-tax', /住民税|市民税|県民税|都民税|区民税|町民税|村民税|府民税|道民税/g],
  ['insurance', /保険料|保険税|被保険者/g],
];

/** Topics the page is mostly about, strongest first; handed to the matcher to pick senses. */
export function topicsFromText(text: string, title = ''): string[] {
  const sample = `${title}\n${title}\n${text.length > 200_000 ? text.slice(0, 200_000) : text}`;
  return TOPIC_WORDS.map(([topic, pattern]) => [topic, count(sample, pattern)] as const)
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1])
    .map(([topic]) => topic);
}

export interface PageContext {
  url: string;
  region?: PageRegion;
  scheme?: PageScheme;
  topics: string[];
}

export function pageContextOf(url: string, text: string, title: string): PageContext {
  let hostname = '';
  try {
    hostname = new URL(url).hostname;
  } catch {
    // about:blank and the like carry no host.
  }
  const region = regionFromHost(hostname);
  const scheme = schemeFromText(text, title);
  return {
    url,
    ...(region ? { region } : {}),
    ...(scheme ? { scheme } : {}),
    topics: topicsFromText(text, title),
  };
}
