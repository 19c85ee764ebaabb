// Works signed out and offline: it renders from the signed-in school, else the cached copy, else
// the built-in defaults, and never waits on the network.
import { Page } from '../components/Page';
import { t } from '../i18n';
import { Link } from '../router';
import { loadHelpInfo, type HelpInfo } from '../state/helpInfo';
import { sessionMe, useSession } from '../state/session';

function telHref(number: string): string {
  return `tel:${number.replace(/[^\d+]/g, '')}`;
}

function current(session: ReturnType<typeof useSession>): HelpInfo {
  const school = sessionMe(session)?.school ?? null;
  if (school && school.hotlines.length > 0) {
    return {
      schoolName: school.name,
      hotlines: school.hotlines,
      roomPlace: school.roomPlace || null,
      roomHours: school.roomHours || null,
    };
  }
  return loadHelpInfo();
}

export function HelpPage() {
  const session = useSession();
  const info = current(session);
  const hasRoom = Boolean(info.roomPlace || info.roomHours);
  const student = sessionMe(session)?.roles.some((role) => role.kind === 'STUDENT') ?? false;

  return (
    <Page title={t('help.title')} className="help">
      <section class="calm" aria-labelledby="help-calm">
        <h2 id="help-calm">{t('help.calmTitle')}</h2>
        <ol>
          <li>{t('help.calm1')}</li>
          <li>{t('help.calm2')}</li>
          <li>{t('help.calm3')}</li>
        </ol>
      </section>

      <section aria-labelledby="help-hotlines">
        <h2 id="help-hotlines">{t('help.hotlinesTitle')}</h2>
        <ul class="hotlines">
          {info.hotlines.map((hotline) => (
            <li key={hotline.number}>
              <a class="hotline" href={telHref(hotline.number)}>
                <span class="hotline-label">{hotline.label}</span>{' '}
                <span class="hotline-number">{hotline.number}</span>
              </a>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="help-room">
        <h2 id="help-room">{t('help.roomTitle')}</h2>
        {info.schoolName && <p class="school-name">{info.schoolName}</p>}
        {hasRoom ? (
          <dl class="room">
            {info.roomPlace && (
              <>
                <dt>{t('help.roomPlace')}</dt>
                <dd>{info.roomPlace}</dd>
              </>
            )}
            {info.roomHours && (
              <>
                <dt>{t('help.roomHours')}</dt>
                <dd>{info.roomHours}</dd>
              </>
            )}
          </dl>
        ) : (
          <p>{t('help.roomUnknown')}</p>
        )}
        {student && (
          <p>
            <Link href="/counselling/book" class="button-secondary">
              {t('help.bookLink')}
            </Link>
          </p>
        )}
      </section>

      <section aria-labelledby="help-emergency">
        <h2 id="help-emergency">{t('help.emergencyTitle')}</h2>
        <p>{t('help.calm4')}</p>
        <ul class="emergency">
          <li>
            <a class="hotline hotline-small" href="tel:120">
              <span class="hotline-label">{t('help.ambulance')}</span>{' '}
              <span class="hotline-number">120</span>
            </a>
          </li>
          <li>
            <a class="hotline hotline-small" href="tel:110">
              <span class="hotline-label">{t('help.police')}</span>{' '}
              <span class="hotline-number">110</span>
            </a>
          </li>
        </ul>
      </section>

      <p class="note">{t('help.offlineNote')}</p>
      {!sessionMe(session) && (
        <p>
          <Link href="/login">{t('help.backToLogin')}</Link>
        </p>
      )}
    </Page>
  );
}
