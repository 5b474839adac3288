import { en } from '../../apps/console/src/i18n/en';
import { zhCN } from '../../apps/console/src/i18n/zh-CN';

type Tree = { readonly [key: string]: string | Tree };

function entries(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : entries(value, `${prefix}${key}.`),
  );
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort();

/** Every label of the console exists in both languages, with the same placeholders, and none is left empty. */
describe("the console's dictionaries", () => {
  const english = new Map(entries(en));
  const chinese = new Map(entries(zhCN));

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
