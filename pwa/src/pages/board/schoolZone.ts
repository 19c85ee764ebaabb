// Times on these screens are shown in the school's time zone (DESIGN §4: "today" follows the
// school), not the device's: a teacher on a trip still sees 07:50 for the early-reading check-in.
import { request } from '../../api/client';
import { SchoolTimeZoneDocument } from '../../api/operations/board';

let zone: string | undefined;
let loading: Promise<void> | null = null;

/** Loads the zone once per page load; pages await it with their data. Never fails. */
export function loadSchoolZone(): Promise<void> {
  loading ??= request(SchoolTimeZoneDocument)
    .then((data) => {
      zone = data.me?.school?.timeZone || undefined;
    })
    .catch(() => {
      loading = null; // fall back to the device's zone; try again next time
    });
  return loading;
}

export function schoolZone(): string | undefined {
  return zone;
}
