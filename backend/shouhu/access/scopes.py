"""Read scopes: the only way the API reads school data.

Each function returns a queryset already narrowed to what the principal may see, so that a
resolver, a nested field or a DataLoader built on it cannot reach further than its parent.
"""

from __future__ import annotations

from tortoise.expressions import Q, Subquery
from tortoise.queryset import QuerySet

from shouhu.access.principal import Principal
from shouhu.accounts.models import Account, StaffRole
from shouhu.alerts.models import Alert
from shouhu.care.models import CareCase, CaseChange, RotaAssignment, SchoolPeriod, TeamMember
from shouhu.counselling.models import Booking, NonSchoolDay, OpeningException, OpeningTemplate, Room, SessionRecord
from shouhu.entries.models import CheckIn, CheckInRevision, HomeLog, Observation, Visibility
from shouhu.notify.models import Notification, PushSubscription, SchoolWebhook
from shouhu.schools.models import District, Guardianship, School, SchoolClass, Student
from shouhu.timeline.models import TimelineEvent

NOTHING = Q(id__in=[])


def _any(*conditions: Q | None) -> Q:
    kept = [c for c in conditions if c is not None]
    if not kept:
        return NOTHING
    return Q(*kept, join_type="OR")


def visible_schools(principal: Principal) -> QuerySet[School]:
    """The principal's own school (for hotline and room info) and schools they serve."""
    ids = set(principal.staff_of | principal.school_wide_of)
    if principal.school_id:
        ids.add(principal.school_id)
    return School.filter(id__in=list(ids))


def visible_districts(principal: Principal) -> QuerySet[District]:
    """Districts whose centre the principal works for."""
    return District.filter(id__in=list(principal.district_ids))


def visible_students(principal: Principal) -> QuerySet[Student]:
    """Students whose record the principal may open: whole school for admins and counsellors,
    their class for class teachers, their children for guardians, themselves for students."""
    return Student.filter(
        _any(
            Q(school_id__in=list(principal.school_wide_of)) if principal.school_wide_of else None,
            Q(school_class_id__in=list(principal.class_teacher_of)) if principal.class_teacher_of else None,
            Q(id__in=list(principal.guardian_of)) if principal.guardian_of else None,
            Q(id=principal.student_id) if principal.student_id else None,
            Q(id__in=list(principal.team_students)) if principal.team_students else None,
        )
    )


def visible_classes(principal: Principal) -> QuerySet[SchoolClass]:
    return SchoolClass.filter(
        _any(
            Q(school_id__in=list(principal.school_wide_of)) if principal.school_wide_of else None,
            Q(id__in=list(principal.class_teacher_of)) if principal.class_teacher_of else None,
        )
    )


# The roster (accounts, classes, students, guardians) is managed by school admins.


def roster_students(principal: Principal) -> QuerySet[Student]:
    return Student.filter(school_id__in=list(principal.admin_of))


def roster_classes(principal: Principal) -> QuerySet[SchoolClass]:
    return SchoolClass.filter(school_id__in=list(principal.admin_of))


def roster_accounts(principal: Principal) -> QuerySet[Account]:
    return Account.filter(school_id__in=list(principal.admin_of))


def roster_guardianships(principal: Principal) -> QuerySet[Guardianship]:
    return Guardianship.filter(school_id__in=list(principal.admin_of))


def roster_staff_roles(principal: Principal) -> QuerySet[StaffRole]:
    return StaffRole.filter(school_id__in=list(principal.admin_of))


# Care data. Staff read a student's care data through one of three relations: school-wide
# (admin, counsellor), class teacher of the student's class, or member or lead of the team.


def _staff_reader(principal: Principal, path: str = "") -> Q:
    """Rows about students whose care data the principal reads as staff; `path` leads from the
    row to its student ("" when the row has student_id, "case__" via a case)."""
    return _any(
        Q(**{"school_id__in": list(principal.school_wide_of)}) if principal.school_wide_of else None,
        Q(**{f"{path}student__school_class_id__in": list(principal.class_teacher_of)})
        if principal.class_teacher_of
        else None,
        Q(**{f"{path}student_id__in": list(principal.team_students)}) if principal.team_students else None,
    )


def _guardian_of(principal: Principal, path: str = "") -> Q | None:
    return Q(**{f"{path}student_id__in": list(principal.guardian_of)}) if principal.guardian_of else None


STAFF_VISIBILITIES = [Visibility.TEAM, Visibility.FAMILY]


def visible_cases(principal: Principal) -> QuerySet[CareCase]:
    """Cases with their level and reasons: never guardians or the student."""
    return CareCase.filter(_staff_reader(principal))


def led_cases(principal: Principal) -> QuerySet[CareCase]:
    """Cases whose team and rota the principal manages: lead, class teacher, counsellor, admin."""
    return CareCase.filter(
        _any(
            Q(school_id__in=list(principal.school_wide_of)) if principal.school_wide_of else None,
            Q(student__school_class_id__in=list(principal.class_teacher_of)) if principal.class_teacher_of else None,
            Q(id__in=list(principal.lead_of)) if principal.lead_of else None,
        )
    )


def managed_cases(principal: Principal) -> QuerySet[CareCase]:
    """Cases whose level and status the principal sets: counsellors and admins of the school."""
    return CareCase.filter(school_id__in=list(principal.school_wide_of))


def family_cases(principal: Principal) -> QuerySet[CareCase]:
    """Cases of the principal's children: guardians see that there is a team, not the level."""
    return CareCase.filter(_any(_guardian_of(principal)))


def visible_team_members(principal: Principal) -> QuerySet[TeamMember]:
    return TeamMember.filter(_any(_staff_reader(principal, "case__"), _guardian_of(principal, "case__")))


def visible_case_changes(principal: Principal) -> QuerySet[CaseChange]:
    return CaseChange.filter(_staff_reader(principal, "case__"))


def visible_periods(principal: Principal) -> QuerySet[SchoolPeriod]:
    return SchoolPeriod.filter(school_id__in=list(principal.staff_of))


def visible_rota(principal: Principal) -> QuerySet[RotaAssignment]:
    return RotaAssignment.filter(_staff_reader(principal, "case__"))


def visible_check_ins(principal: Principal) -> QuerySet[CheckIn]:
    family = _guardian_of(principal)
    return CheckIn.filter(
        _any(
            _staff_reader(principal) & Q(visibility__in=STAFF_VISIBILITIES),
            family & Q(visibility=Visibility.FAMILY) if family else None,
        )
    )


def visible_home_logs(principal: Principal) -> QuerySet[HomeLog]:
    """Home logs are shared with the family: the team and every guardian of the student."""
    return HomeLog.filter(_any(_staff_reader(principal), _guardian_of(principal)))


def visible_observations(principal: Principal) -> QuerySet[Observation]:
    """Observations go to the team; their authors outside it cannot read them back."""
    return Observation.filter(_staff_reader(principal))


def visible_alerts(principal: Principal) -> QuerySet[Alert]:
    """Alerts are for the lead, the class teacher, the counsellors and leadership."""
    return Alert.filter(
        _any(
            Q(school_id__in=list(principal.school_wide_of)) if principal.school_wide_of else None,
            Q(student__school_class_id__in=list(principal.class_teacher_of)) if principal.class_teacher_of else None,
            Q(case_id__in=list(principal.lead_of)) if principal.lead_of else None,
        )
    )


def visible_timeline(principal: Principal) -> QuerySet[TimelineEvent]:
    family = _guardian_of(principal)
    return TimelineEvent.filter(
        _any(
            _staff_reader(principal) & Q(visibility__in=STAFF_VISIBILITIES),
            family & Q(visibility=Visibility.FAMILY) if family else None,
        )
    )


# Who may write about a student.


def home_log_students(principal: Principal) -> QuerySet[Student]:
    return Student.filter(id__in=list(principal.guardian_of), is_active=True)


def observable_students(principal: Principal) -> QuerySet[Student]:
    """Any staff member of the school, and the student's guardians, may report an observation."""
    return Student.filter(
        _any(
            Q(school_id__in=list(principal.staff_of)) if principal.staff_of else None,
            Q(id__in=list(principal.guardian_of)) if principal.guardian_of else None,
        ),
        is_active=True,
    )


def team_candidates(principal: Principal) -> QuerySet[Account]:
    """Accounts a team manager may add: active staff of the schools they serve (outside social
    workers and doctors are given a staff account by the school admin)."""
    return Account.filter(
        id__in=Subquery(StaffRole.filter(school_id__in=list(principal.staff_of)).values("account_id")),
        is_active=True,
    )


def school_people(principal: Principal) -> QuerySet[Account]:
    """Names and phones of people of the principal's schools, for authors and team contacts
    of rows the principal already reads."""
    schools = set(principal.staff_of)
    if principal.school_id:
        schools.add(principal.school_id)
    return Account.filter(school_id__in=list(schools))


def team_guardianships(principal: Principal) -> QuerySet[Guardianship]:
    """Guardians as team contacts: to the team's staff, and to the student's other guardians."""
    return Guardianship.filter(_any(_staff_reader(principal), _guardian_of(principal)))


def visible_check_in_revisions(principal: Principal) -> QuerySet[CheckInRevision]:
    return CheckInRevision.filter(check_in_id__in=Subquery(visible_check_ins(principal).values("id")))


def visible_timeline_alerts(principal: Principal) -> QuerySet[Alert]:
    """Alerts as timeline entries: the team sees that an alert was raised."""
    return Alert.filter(_staff_reader(principal))


# The counselling room. A student's bookings are confidential (个案保密): the student and the
# school's counsellors only, never guardians, the team, leadership or the district.


def visible_bookings(principal: Principal) -> QuerySet[Booking]:
    return Booking.filter(
        _any(
            Q(student_id=principal.student_id) if principal.student_id else None,
            Q(school_id__in=list(principal.counsellor_of)) if principal.counsellor_of else None,
        )
    )


def visible_rooms(principal: Principal) -> QuerySet[Room]:
    """Rooms and their place are no secret to anyone of the school."""
    schools = set(principal.staff_of)
    if principal.school_id:
        schools.add(principal.school_id)
    return Room.filter(school_id__in=list(schools))


def managed_rooms(principal: Principal) -> QuerySet[Room]:
    return Room.filter(school_id__in=list(principal.counsellor_of))


def visible_templates(principal: Principal) -> QuerySet[OpeningTemplate]:
    """Opening hours, for the counsellors and leadership who watch the weekly minimum."""
    return OpeningTemplate.filter(school_id__in=list(principal.school_wide_of))


def sealed_session_records(principal: Principal) -> QuerySet[SessionRecord]:
    """Session records are sealed: the school's counsellors only, not leadership."""
    return SessionRecord.filter(school_id__in=list(principal.counsellor_of))


def visible_conclusions(principal: Principal) -> QuerySet[SessionRecord]:
    """Shared conclusions, for those who read the student's care data. Only the conclusion
    field may be shown from these rows (see the API type)."""
    return SessionRecord.filter(_staff_reader(principal, "booking__"), conclusion_shared_at__isnull=False)


def reporting_schools(principal: Principal) -> QuerySet[School]:
    """Schools whose de-identified daily report the principal reads: their own (admins and
    counsellors) and those of their district (district centre staff)."""
    return School.filter(
        _any(
            Q(id__in=list(principal.school_wide_of)) if principal.school_wide_of else None,
            Q(district_id__in=list(principal.district_ids)) if principal.district_ids else None,
        )
    )


def visible_opening_exceptions(principal: Principal) -> QuerySet[OpeningException]:
    return OpeningException.filter(school_id__in=list(principal.school_wide_of))


def visible_non_school_days(principal: Principal) -> QuerySet[NonSchoolDay]:
    schools = set(principal.staff_of)
    if principal.school_id:
        schools.add(principal.school_id)
    return NonSchoolDay.filter(school_id__in=list(schools))


def reporting_bookings(principal: Principal) -> QuerySet[Booking]:
    """Bookings counted (never listed) in the daily reports the principal reads: those of the
    schools of `reporting_schools`. Callers read times and statuses only, never topics."""
    return Booking.filter(school_id__in=Subquery(reporting_schools(principal).values("id")))


def reporting_cases(principal: Principal) -> QuerySet[CareCase]:
    """Care cases of the reporting schools, to count how many of the students seen have one."""
    return CareCase.filter(school_id__in=Subquery(reporting_schools(principal).values("id")))


# Notifications: each person's own inbox and devices; a school's chat robots for its admins.


def own_notifications(principal: Principal) -> QuerySet[Notification]:
    """A person's inbox is theirs alone: nobody else, not even an admin, reads it."""
    if principal.account_id is None:
        return Notification.filter(NOTHING)
    return Notification.filter(recipient_id=principal.account_id)


def own_push_subscriptions(principal: Principal) -> QuerySet[PushSubscription]:
    if principal.account_id is None:
        return PushSubscription.filter(NOTHING)
    return PushSubscription.filter(account_id=principal.account_id)


def managed_webhooks(principal: Principal) -> QuerySet[SchoolWebhook]:
    """Chat robots of the schools the principal administers."""
    return SchoolWebhook.filter(school_id__in=list(principal.admin_of))
