import i18next from 'i18next';
import { deskEn, deskZhCN } from './desk.labels';

// Registered when a desk page's chunk loads, before the page renders; deep-merged into the `desk` key of each language.
i18next.addResourceBundle('en', 'translation', { desk: deskEn }, true, true);
i18next.addResourceBundle('zh-CN', 'translation', { desk: deskZhCN }, true, true);
