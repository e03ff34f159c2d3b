import { describe, expect, it } from 'vitest';
import { siteHost, sitePatternFromInput } from '../../src/ui/options/site-pattern';

describe('the site a reader enables', () => {
  it.each([
    ['www.city.example.jp', 'https://www.city.example.jp/*'],
    ['https://www.city.example.jp/kurashi/kokuho.html?x=1#top', 'https://www.city.example.jp/*'],
    ['http://intranet.example.jp/', 'http://intranet.example.jp/*'],
    ['  HTTPS://WWW.Example.JP  ', 'https://www.example.jp/*'],
    ['http://127.0.0.1:8080/page.html', 'http://127.0.0.1/*'],
  ])('turns %j into the origin pattern %s', (input, pattern) => {
    expect(sitePatternFromInput(input)).toBe(pattern);
  });

  it.each([
    [''],
    ['not a site'],
    ['ftp://files.example.jp/'],
    ['file:///home/me/letter.html'],
    ['javascript:alert(1)'],
    ['<all_urls>'],
    ['*.example.jp'],
    ['https://user:secret@example.jp/'],
    ['chrome://extensions'],
  ])('refuses %j', (input) => {
    expect(sitePatternFromInput(input)).toBeUndefined();
  });

  it('shows a pattern as its host', () => {
    expect(siteHost('https://www.city.example.jp/*')).toBe('www.city.example.jp');
  });
});
