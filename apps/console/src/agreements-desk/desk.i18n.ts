import type { PageDictionary } from '../i18n/page-dictionary';
import { deskEn, deskZhCN } from './desk.labels';

/** The desk's labels under `desk`, added when a desk page's chunk loads (see i18n/page-dictionary.ts). */
export const deskDictionary: PageDictionary = { en: { desk: deskEn }, 'zh-CN': { desk: deskZhCN } };
