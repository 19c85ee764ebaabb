// The week's open hours against the two targets: at least 5 hours a week (宝山) and at least half
// of the students' time in school (苏州). Words and marks, not colour alone, say met or below.
import type { OpeningSummaryQuery } from '../../api/generated';
import { t } from '../../i18n';
import { hours, percent } from './format';

export type HoursFigures = NonNullable<OpeningSummaryQuery['openingHours']>;

function Check({ met, children }: { met: boolean; children: string }) {
  return (
    <li class={met ? 'check check-met' : 'check check-below'}>
      <span class="check-mark" aria-hidden="true">
        {met ? '✓' : '!'}
      </span>
      <span>{children}</span>
    </li>
  );
}

export function HoursChecks({ hours: figures }: { hours: HoursFigures }) {
  const minimum = hours(figures.minimumMinutes);
  const school = figures.schoolMinutes;
  return (
    <div class="hours-checks">
      <p class="hours-total">{t('counselling.hours.total', { hours: hours(figures.openMinutes), minutes: figures.openMinutes })}</p>
      <ul class="checks">
        <Check met={figures.meetsMinimum}>
          {figures.meetsMinimum
            ? t('counselling.hours.minimumMet', { minimum })
            : t('counselling.hours.minimumBelow', { minimum, missing: hours(figures.minimumMinutes - figures.openMinutes) })}
        </Check>
        <Check met={figures.meetsShare}>
          {school <= 0
            ? t('counselling.hours.shareUnknown')
            : figures.meetsShare
              ? t('counselling.hours.shareMet', { share: percent(figures.share), school: hours(school) })
              : t('counselling.hours.shareBelow', {
                  share: percent(figures.share),
                  school: hours(school),
                  needed: hours(Math.ceil(school * figures.shareTarget)),
                })}
        </Check>
      </ul>
    </div>
  );
}
