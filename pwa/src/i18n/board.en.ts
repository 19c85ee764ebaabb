import type { boardZh } from './board.zh-CN';

export const boardEn: Record<keyof typeof boardZh, string> = {
  'board.title': 'Care board',
};
