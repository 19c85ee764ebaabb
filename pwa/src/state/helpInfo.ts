// The help page's data, cached in localStorage so the page works offline after one visit.
// With nothing cached (never signed in) the built-in Baoshan and national hotlines are shown.
import type { MeQuery } from '../api/generated';
import { t } from '../i18n';

type School = NonNullable<NonNullable<MeQuery['me']>['school']>;

export interface Hotline {
  label: string;
  number: string;
}

export interface HelpInfo {
  schoolName: string | null;
  hotlines: Hotline[];
  roomPlace: string | null;
  roomHours: string | null;
}

const STORAGE_KEY = 'shouhu.help';

export function saveHelpInfo(school: School): void {
  const info: HelpInfo = {
    schoolName: school.name,
    hotlines: school.hotlines.map(({ label, number }) => ({ label, number })),
    roomPlace: school.roomPlace || null,
    roomHours: school.roomHours || null,
  };
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(info));
  } catch {
    // Storage full or unavailable: the page falls back to the defaults.
  }
}

function isHelpInfo(value: unknown): value is HelpInfo {
  if (typeof value !== 'object' || value === null) return false;
  const hotlines = (value as { hotlines?: unknown }).hotlines;
  return Array.isArray(hotlines) && hotlines.every((h) => typeof h?.label === 'string' && typeof h?.number === 'string');
}

export function defaultHelpInfo(): HelpInfo {
  return {
    schoolName: null,
    hotlines: [
      { label: t('help.defaultBaoshan'), number: '4008200535' },
      { label: t('help.defaultNational'), number: '12356' },
    ],
    roomPlace: null,
    roomHours: null,
  };
}

export function loadHelpInfo(): HelpInfo {
  try {
    const parsed: unknown = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null');
    if (isHelpInfo(parsed) && parsed.hotlines.length > 0) return parsed;
  } catch {
    // Corrupt or unavailable storage: use the defaults.
  }
  return defaultHelpInfo();
}
