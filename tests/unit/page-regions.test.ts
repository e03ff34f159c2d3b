import { describe, expect, it } from 'vitest';
import { shippedRuleFiles } from '../../src/rules';
import { DEFAULT_MATCHES, PREFECTURES, regionFromHost } from '../../src/page/regions';
import { userSitePatterns } from '../../src/page/activation';

function matchesPattern(pattern: string, host: string): boolean {
  const hostPattern = /^\*:\/\/(.*)\/\*$/.exec(pattern)?.[1] ?? '';
  if (hostPattern.startsWith('*.')) {
    const base = hostPattern.slice(2);
    return host === base || host.endsWith(`.${base}`);
  }
  return host === hostPattern;
}

describe('region from the host name', () => {
  it('reads municipality and prefecture from an old-style geographic domain (city.kurume.fukuoka.jp)', () => {
    expect(regionFromHost('www.city.kurume.fukuoka.jp')).toEqual({
      region: 'fukuoka/kurume',
      prefecture: 'fukuoka',
      municipality: 'kurume',
    });
  });

  it('reads a town and a village the same way', () => {
    expect(regionFromHost('www.town.ashoro.hokkaido.jp')?.region).toBe('hokkaido/ashoro');
    expect(regionFromHost('www.vill.example.nagano.jp')?.region).toBe('nagano/example');
  });

  it('knows the prefectural offices on pref.<name>.jp and pref.<name>.lg.jp', () => {
    expect(regionFromHost('www.pref.saga.lg.jp')).toMatchObject({
      region: 'saga',
      prefecture: 'saga',
    });
    expect(regionFromHost('www.pref.hokkaido.jp')).toMatchObject({ region: 'hokkaido' });
  });

  it('maps municipal LGJP hosts through the table (city.chitose.lg.jp → 千歳市, Hokkaido)', () => {
    expect(regionFromHost('www.city.chitose.lg.jp')).toEqual({
      region: 'hokkaido/chitose',
      prefecture: 'hokkaido',
      municipality: 'chitose',
      ja: '千歳市',
    });
    expect(regionFromHost('www.city.koto.lg.jp')?.region).toBe('tokyo/koto');
  });

  it('maps designated-city domains (city.sapporo.jp) and 広域連合 sites', () => {
    expect(regionFromHost('www.city.sapporo.jp')?.region).toBe('hokkaido/sapporo');
    expect(regionFromHost('www.city.yokohama.lg.jp')?.region).toBe('kanagawa/yokohama');
    expect(regionFromHost('www.tokyo-ikiiki.net')?.region).toBe('tokyo');
    expect(regionFromHost('www.fukuoka-kouki.jp')?.region).toBe('fukuoka');
  });

  it('says nothing for a ministry, an unknown LGJP town or a site outside Japan', () => {
    expect(regionFromHost('www.mhlw.go.jp')).toBeUndefined();
    expect(regionFromHost('www.town.unknown.lg.jp')).toBeUndefined();
    expect(regionFromHost('example.com')).toBeUndefined();
    expect(regionFromHost('jp')).toBeUndefined();
  });

  it('covers all 47 prefectures', () => {
    expect(PREFECTURES).toHaveLength(47);
    for (const [id] of PREFECTURES) {
      expect(regionFromHost(`www.pref.${id}.lg.jp`)?.prefecture).toBe(id);
    }
  });

  it('covers every region that has rules, by at least one official host', () => {
    const regions = new Set(
      Object.values(shippedRuleFiles)
        .map((file) => (file as { region?: string }).region)
        .filter((region): region is string => !!region && region !== 'national'),
    );
    const covered = new Set<string>();
    for (const [id] of PREFECTURES) covered.add(regionFromHost(`www.pref.${id}.lg.jp`)!.region);
    const hosts = [
      'www.city.fukuoka.lg.jp',
      'www.city.chitose.lg.jp',
      'www.city.hokuto.hokkaido.jp',
      'www.city.iwamizawa.hokkaido.jp',
      'www.city.sapporo.jp',
      'www.city.adachi.lg.jp',
      'www.city.chiyoda.lg.jp',
      'www.city.koto.lg.jp',
      'www.city.minato.tokyo.jp',
      'www.city.ota.tokyo.jp',
    ];
    for (const host of hosts) covered.add(regionFromHost(host)!.region);
    expect([...regions].filter((region) => !covered.has(region))).toEqual([]);
  });
});

function runsOn(host: string): boolean {
  return DEFAULT_MATCHES.some((pattern) => matchesPattern(pattern, host));
}

describe('where the content script runs by default', () => {
  it('runs on LGJP, go.jp, geographic, designated-city and 広域連合 hosts', () => {
    const hosts = [
      'www.city.chitose.lg.jp',
      'www.mhlw.go.jp',
      'www.city.kurume.fukuoka.jp',
      'www.town.nanbu.tottori.jp',
      'www.city.nago.okinawa.jp',
      'www.city.sapporo.jp',
      'www.city.kobe.jp',
      'www.tokyo-ikiiki.net',
      'saga-kouiki.jp',
    ];
    expect(hosts.filter((host) => !runsOn(host))).toEqual([]);
  });

  it('does not run on other sites', () => {
    const hosts = ['example.com', 'www.yahoo.co.jp', 'mykoho.jp', 'lg.jp.example.com'];
    expect(hosts.filter(runsOn)).toEqual([]);
  });

  it('registers user-enabled sites apart from the defaults', () => {
    expect(userSitePatterns(['*://*.lg.jp/*', 'https://mykoho.jp/*', 'chrome://x/*'])).toEqual([
      'https://mykoho.jp/*',
    ]);
  });

  it('does not register again what the manifest already matches (the e2e build adds loopback)', () => {
    const granted = ['*://*.lg.jp/*', 'http://127.0.0.1/*', 'https://mykoho.jp/*'];
    expect(userSitePatterns(granted, ['*://*.lg.jp/*', 'http://127.0.0.1/*'])).toEqual([
      'https://mykoho.jp/*',
    ]);
  });
});
