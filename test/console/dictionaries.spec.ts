import { readdirSync } from 'node:fs';
import path from 'node:path';
import { en } from '../../apps/console/src/i18n/en';
import { zhCN } from '../../apps/console/src/i18n/zh-CN';
import type { PageDictionary } from '../../apps/console/src/i18n/page-dictionary';

type Tree = { readonly [key: string]: string | Tree };

function entries(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : entries(value, `${prefix}${key}.`),
  );
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort();

const consoleSource = path.join(__dirname, '../../apps/console/src');
/** Every page's own dictionary (`<page>/<page>.i18n.ts`), loaded with its page's chunk. */
const pageFiles = readdirSync(consoleSource, { recursive: true, encoding: 'utf8' })
  .filter((file) => file.endsWith('.i18n.ts'))
  .sort();

/** Every label of the console exists in both languages, with the same placeholders, and none is left empty. */
describe("the console's dictionaries", () => {
  const pageDictionaries: { file: string; dictionary: PageDictionary<Tree> }[] = [];
  const english = new Map<string, string>();
  const chinese = new Map<string, string>();

  beforeAll(async () => {
    for (const file of pageFiles) {
      const exported = Object.values((await import(path.join(consoleSource, file))) as Record<string, unknown>);
      expect(exported).toHaveLength(1);
      pageDictionaries.push({ file, dictionary: exported[0] as PageDictionary<Tree> });
    }
    for (const tree of [en, ...pageDictionaries.map(({ dictionary }) => dictionary.en)]) {
      for (const [key, text] of entries(tree)) english.set(key, text);
    }
    for (const tree of [zhCN, ...pageDictionaries.map(({ dictionary }) => dictionary['zh-CN'])]) {
      for (const [key, text] of entries(tree)) chinese.set(key, text);
    }
  });

  it("give each page's dictionary top-level keys of its own, none of the shell's or another page's", () => {
    expect(pageDictionaries.length).toBeGreaterThanOrEqual(5);
    const owners = new Map<string, string>(Object.keys(en).map((key) => [key, 'i18n/en.ts']));
    for (const { file, dictionary } of pageDictionaries) {
      for (const key of Object.keys(dictionary.en)) {
        expect({ key, owner: owners.get(key) }).toEqual({ key, owner: undefined });
        owners.set(key, file);
      }
      expect(Object.keys(dictionary['zh-CN'])).toEqual(Object.keys(dictionary.en));
    }
  });

  it('have the same keys in en and zh-CN', () => {
    expect([...chinese.keys()].sort()).toEqual([...english.keys()].sort());
    expect(english.size).toBeGreaterThan(30);
  });

  it('fill every key, with the same {{placeholders}} in both languages', () => {
    for (const [key, text] of english) {
      const translated = chinese.get(key) ?? '';
      expect({ key, empty: text.trim() === '' || translated.trim() === '' }).toEqual({ key, empty: false });
      expect({ key, placeholders: placeholders(translated) }).toEqual({ key, placeholders: placeholders(text) });
    }
  });

  it('translate the labels rather than copy the English', () => {
    const copied = [...english].filter(([key, text]) => chinese.get(key) === text).map(([key]) => key);
    expect(copied).toEqual([]);
  });
});
