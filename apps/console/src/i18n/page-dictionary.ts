import i18next from 'i18next';

/** A page's labels in every language of the console, under the page's own top-level key. */
export type PageDictionary<Labels extends object = object> = { readonly en: Labels; readonly 'zh-CN': Labels };

/**
 * Adds a page's labels when its chunk loads (call at the top of the page's module, before it renders). Only the
 * shell's and the Portfolio's labels are in the first chunk: every page's own would otherwise grow the initial
 * JavaScript with each page added. test/console/dictionaries.spec.ts checks every dictionary in both languages.
 */
export function addPageDictionary(dictionary: PageDictionary): void {
  for (const language of ['en', 'zh-CN'] as const) {
    i18next.addResourceBundle(language, 'translation', dictionary[language], true, false);
  }
}
