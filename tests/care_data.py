"""Generated care data of any size, written directly (for query counts and benchmarks)."""

from __future__ import annotations

import hashlib
import uuid
from datetime import timedelta

from shouhu.accounts.models import Account, StaffRole, StaffRoleKind
from shouhu.alerts.models import Alert
from shouhu.care.models import CareCase, CaseChange, CaseChangeKind, TeamMember, WarningLevel
from shouhu.clock import utcnow
from shouhu.entries.models import CheckIn, HomeLog, Observation, Visibility
from shouhu.schools.calendar import local_date
from shouhu.schools.models import Guardianship, Student
from shouhu.timeline.models import EventKind, TimelineEvent

KINDS = [EventKind.CHECK_IN, EventKind.HOME_LOG, EventKind.OBSERVATION, EventKind.CASE_CHANGE, EventKind.ALERT]


async def staff(school_id, count: int, prefix: str) -> list[uuid.UUID]:
    accounts = [Account(id=uuid.uuid4(), school_id=school_id, login=f"{prefix}-{n}", display_name=f"导师{n}")
                for n in range(count)]
    await Account.bulk_create(accounts)
    await StaffRole.bulk_create([StaffRole(school_id=school_id, account_id=a.id, kind=StaffRoleKind.TEACHER) for a in accounts])
    return [a.id for a in accounts]


async def care_case(student: Student, lead_id, members: list[uuid.UUID], entries: int, level=WarningLevel.FOCUS) -> CareCase:
    """A case with `members` on its team and `entries` timeline entries of every kind in turn,
    one every two hours going back from now."""
    now = utcnow()
    case = await CareCase.create(school_id=student.school_id, student_id=student.id, level=level, reasons=["other"],
                                 lead_id=lead_id, opened_at=now - timedelta(days=60), updated_at=now)
    await TeamMember.bulk_create([TeamMember(school_id=student.school_id, case_id=case.id, account_id=a, added_at=now)
                                  for a in members])
    guardian = await Guardianship.filter(student_id=student.id).values_list("guardian_id", flat=True)
    authors = members or [lead_id]
    rows: dict[type, list] = {CheckIn: [], HomeLog: [], Observation: [], CaseChange: [], Alert: []}
    events = []
    for n in range(entries):
        kind = KINDS[n % len(KINDS)]
        at = now - timedelta(hours=2 * n)
        author = authors[n % len(authors)]
        entry_id = uuid.uuid4()
        common = {"id": entry_id, "school_id": student.school_id, "student_id": student.id}
        print_ = hashlib.sha256(entry_id.bytes).hexdigest()
        visibility = Visibility.TEAM
        if kind is EventKind.CHECK_IN:
            rows[CheckIn].append(CheckIn(**common, case_id=case.id, author_id=author, occurred_at=at,
                                         school_date=local_date(at, "Asia/Shanghai"), mood=1 + n % 5, status="present",
                                         signals=["low_mood"] if n % 3 == 0 else [], note=f"第{n}条签到", fingerprint=print_,
                                         created_at=at))
        elif kind is EventKind.HOME_LOG:
            if not guardian:
                continue
            author = guardian[0]
            visibility = Visibility.FAMILY
            rows[HomeLog].append(HomeLog(**common, author_id=author, log_date=local_date(at, "Asia/Shanghai") - timedelta(days=n),
                                         listening_minutes=15, exercise_minutes=60, accompaniment="whole", mood=3,
                                         note=f"第{n}条家庭记录", fingerprint=print_, created_at=at))
        elif kind is EventKind.OBSERVATION:
            rows[Observation].append(Observation(**common, author_id=author, observed_at=at, note=f"第{n}条观察",
                                                 fingerprint=print_, created_at=at))
        elif kind is EventKind.CASE_CHANGE:
            del common["student_id"]
            rows[CaseChange].append(CaseChange(**common, case_id=case.id, kind=CaseChangeKind.MEMBER_ADDED,
                                               subject_id=author, changed_by_id=lead_id, changed_at=at))
        else:
            rows[Alert].append(Alert(**common, case_id=case.id, source_kind="check_in", source_id=uuid.uuid4(),
                                     signals=["self_harm"], raised_by_id=author, raised_at=at))
        events.append(TimelineEvent(school_id=student.school_id, student_id=student.id, kind=kind, entry_id=entry_id,
                                    author_id=author, occurred_at=at, visibility=visibility, has_signal=n % 3 == 0))
    for model, objects in rows.items():
        if objects:
            await model.bulk_create(objects, batch_size=500)
    await TimelineEvent.bulk_create(events, batch_size=500)
    return case
