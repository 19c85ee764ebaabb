// The school's counselling rooms (心理辅导室) and their fixed place (固定场所). Counsellors set the
// opening hours of each room on their own screen.
import { useEffect, useState } from 'preact/hooks';
import { request } from '../../api/client';
import { errorMessage } from '../../api/errors';
import type { CounsellingRoomsQuery } from '../../api/generated';
import { CounsellingRoomsDocument, SaveCounsellingRoomDocument } from '../../api/operations/admin';
import { ErrorAlert, StatusMessage } from '../../components/Alert';
import { Field } from '../../components/Field';
import { useForm } from '../../components/useForm';
import { t } from '../../i18n';
import { AdminPage } from './AdminPage';

type Room = CounsellingRoomsQuery['counsellingRooms'][number];

function RoomForm({ room, onSaved }: { room: Room | null; onSaved: (saved: Room) => void }) {
  const [name, setName] = useState(room?.name ?? '');
  const [place, setPlace] = useState(room?.place ?? '');
  const [saved, setSaved] = useState<string | null>(null);
  const form = useForm(['name', 'place']);
  const title = room ? t('rooms.editTitle', { name: room.name }) : t('rooms.addTitle');

  const onSubmit = async (event: Event) => {
    event.preventDefault();
    setSaved(null);
    await form.submit(async () => {
      const { saveCounsellingRoom: result } = await request(SaveCounsellingRoomDocument, {
        id: room?.id ?? null,
        name: name.trim(),
        place: place.trim(),
      });
      if (result.__typename === 'ValidationError') return result;
      onSaved(result);
      setSaved(t('rooms.saved', { name: result.name }));
      if (!room) {
        setName('');
        setPlace('');
      }
    });
  };

  return (
    <form class="form panel" onSubmit={onSubmit} noValidate aria-label={title}>
      <h3>{title}</h3>
      <ErrorAlert message={form.formError} />
      <StatusMessage>{saved}</StatusMessage>
      <Field label={t('rooms.name')} value={name} onValue={setName} maxLength={50} error={form.fieldErrors.name} />
      <Field label={t('rooms.place')} value={place} onValue={setPlace} maxLength={200} error={form.fieldErrors.place}
        hint={t('rooms.placeHint')} />
      <button type="submit" class="button-primary" disabled={form.busy}>
        {form.busy ? t('common.saving') : room ? t('rooms.save') : t('rooms.add')}
      </button>
    </form>
  );
}

export function RoomsPage() {
  const [rooms, setRooms] = useState<Room[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    request(CounsellingRoomsDocument, {})
      .then((data) => setRooms(data.counsellingRooms))
      .catch((caught) => setError(errorMessage(caught)));
  }, []);
  const saved = (room: Room) =>
    setRooms((all) => [...(all ?? []).filter((r) => r.id !== room.id), room].sort((a, b) => a.name.localeCompare(b.name)));

  return (
    <AdminPage title={t('rooms.title')}>
      <p class="note">{t('rooms.intro')}</p>
      <ErrorAlert message={error} />
      <section aria-labelledby="rooms-list" class="section">
        <h2 id="rooms-list">{t('admin.listTitle')}</h2>
        {rooms === null ? (
          <p>{t('app.loading')}</p>
        ) : rooms.length === 0 ? (
          <p>{t('rooms.none')}</p>
        ) : (
          <ul class="rows">
            {rooms.map((room) => (
              <li key={room.id} class="row">
                <RoomForm room={room} onSaved={saved} />
              </li>
            ))}
          </ul>
        )}
      </section>
      <RoomForm room={null} onSaved={saved} />
    </AdminPage>
  );
}
