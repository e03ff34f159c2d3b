import { sitePatternSchema } from '../../settings';

/**
 * The match pattern for the site a reader typed or pasted: `www.city.example.jp`,
 * `https://www.city.example.jp/kurashi/kokuho.html` → `https://www.city.example.jp/*`. Only
 * web sites: anything else (other schemes, `<all_urls>`, wildcards typed by hand) is refused, as
 * the reader is granting this one origin and nothing more.
 */
export function sitePatternFromInput(input: string): string | undefined {
  const trimmed = input.trim();
  if (!trimmed || /\s/.test(trimmed) || trimmed.includes('*')) return undefined;
  const withScheme = /^[a-z][a-z0-9+.-]*:/i.test(trimmed) ? trimmed : `https://${trimmed}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  if (!url.hostname || url.username || url.password) return undefined;
  // Permission patterns do not carry ports; the grant covers every port of the host.
  const pattern = `${url.protocol}//${url.hostname}/*`;
  return sitePatternSchema.safeParse(pattern).success ? pattern : undefined;
}

/** The host of a site pattern, for display. */
export function siteHost(pattern: string): string {
  return pattern.replace(/^[a-z]+:\/\//, '').replace(/\/\*$/, '');
}
