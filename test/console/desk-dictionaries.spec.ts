import { deskEn, deskZhCN } from '../../apps/console/src/agreements-desk/desk.labels';

// The desk's labels load with its chunk (apps/console/src/agreements-desk/desk.labels.ts), outside en.ts and zh-CN.ts:
// the same checks as dictionaries.spec.ts, over that section.

type Tree = { readonly [key: string]: string | Tree };

function entries(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'string' ? [[`${prefix}${key}`, value] as [string, string]] : entries(value, `${prefix}${key}.`),
  );
}

const placeholders = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((match) => match[1]).sort();

describe("the agreements desk's dictionaries", () => {
  const english = new Map(entries(deskEn));
  const chinese = new Map(entries(deskZhCN));

  it('have the same keys in en and zh-CN, each filled, with the same placeholders', () => {
    expect([...chinese.keys()].sort()).toEqual([...english.keys()].sort());
    for (const [key, text] of english) {
      const translated = chinese.get(key) ?? '';
      expect({ key, empty: text.trim() === '' || translated.trim() === '' }).toEqual({ key, empty: false });
      expect({ key, placeholders: placeholders(translated) }).toEqual({ key, placeholders: placeholders(text) });
    }
  });

  it('translate the labels rather than copy the English', () => {
    expect([...english].filter(([key, text]) => chinese.get(key) === text).map(([key]) => key)).toEqual([]);
  });
});
