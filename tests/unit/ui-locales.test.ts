import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LANGUAGE_CODES } from '../../src/i18n/languages';

/**
 * Interface and calculator strings: every supported language ships every English key, with the
 * same interpolation variables, so no reader meets an English sentence or a broken placeholder.
 */
const LOCALES = join(import.meta.dirname, '../../locales');
const FILES = ['ui.json', 'calc.json', 'calc.benefits.json', 'calc.kokuho.json'];
const PLURAL = /_(zero|one|two|few|many|other)$/;

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

function load(language: string, file: string): Map<string, string> {
  const path = join(LOCALES, language, file);
  return existsSync(path) ? flatten(JSON.parse(readFileSync(path, 'utf8')) as Tree) : new Map();
}

/** The set of variables a text uses (a translation may repeat one). */
function variables(text: string): string[] {
  return [...new Set([...text.matchAll(/\{\{\s*([^},\s]+)[^}]*\}\}/g)].map((m) => m[1]!))].sort();
}

/** Plural forms differ by language: compare `key_one`/`key_other` as one key `key`. */
function base(key: string): string {
  return key.replace(PLURAL, '');
}

const others = LANGUAGE_CODES.filter((code) => code !== 'en');

describe.each(FILES)('%s', (file) => {
  const english = load('en', file);
  const englishBases = new Map<string, string[]>();
  for (const [key, text] of english) englishBases.set(base(key), variables(text));

  it.each(others)('is complete in %s with the same variables as English', (language) => {
    const translated = load(language, file);
    const bases = new Map<string, string>();
    for (const [key, text] of translated) bases.set(base(key), text);
    const missing = [...englishBases.keys()].filter((key) => !bases.get(key)?.trim());
    const wrongVariables = [...englishBases].filter(([key, vars]) => {
      const text = bases.get(key);
      return text !== undefined && JSON.stringify(variables(text)) !== JSON.stringify(vars);
    });
    expect({ missing, wrongVariables: wrongVariables.map(([key]) => key) }).toEqual({
      missing: [],
      wrongVariables: [],
    });
  });
});

it('has a folder for every supported language', () => {
  const folders = new Set(readdirSync(LOCALES));
  expect(LANGUAGE_CODES.filter((code) => !folders.has(code))).toEqual([]);
});
