"""The demo school's care data: six students under care, their teams and week rota, and the
last 30 days of check-ins, home logs, observations and alerts (fictional people and events).

Every row is anchored to the school's calendar day, so a run on the same day writes the same rows
(entries later today than the current clock are left out). Written in one transaction, with one
timeline event per entry, case change and alert, as the services write them.
"""

from __future__ import annotations

import hashlib
import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from uuid import UUID
from zoneinfo import ZoneInfo

from tortoise.transactions import in_transaction

from shouhu.accounts.models import Account
from shouhu.alerts.models import Alert
from shouhu.care.models import (
    CareCase,
    CaseChange,
    CaseChangeKind,
    CaseReason,
    CaseStatus,
    RotaAssignment,
    SchoolPeriod,
    TeamMember,
    TeamRole,
    WarningLevel,
)
from shouhu.clock import utcnow
from shouhu.demo.seed import demo_id
from shouhu.entries.models import Accompaniment, CheckIn, HomeLog, InSchoolStatus, Observation, Visibility
from shouhu.entries.signals import Signal, crisis_in
from shouhu.schools import calendar
from shouhu.schools.models import Guardianship, School, Student
from shouhu.timeline.models import EventKind, TimelineEvent

DAYS = 30  # entries of the last 30 days, today included

# The school day, in minutes after midnight (school time).
PERIODS = [
    ("早读", 7 * 60 + 30, 7 * 60 + 55),
    ("第1节", 8 * 60, 8 * 60 + 45),
    ("第2节", 8 * 60 + 55, 9 * 60 + 40),
    ("第3节", 10 * 60 + 10, 10 * 60 + 55),
    ("第4节", 11 * 60 + 5, 11 * 60 + 50),
    ("午休", 11 * 60 + 50, 12 * 60 + 50),
    ("第5节", 13 * 60, 13 * 60 + 45),
    ("第6节", 13 * 60 + 55, 14 * 60 + 40),
    ("第7节", 14 * 60 + 50, 15 * 60 + 35),
    ("第8节", 15 * 60 + 45, 16 * 60 + 30),
    ("放学后", 16 * 60 + 40, 17 * 60 + 30),
]
# When a mentor finds a moment for a check-in: early reading, breaks, lunch, after school (weight, from, to).
CHECK_IN_WINDOWS = [
    (4, 7 * 60 + 32, 7 * 60 + 54),
    (1, 8 * 60 + 46, 8 * 60 + 54),
    (3, 9 * 60 + 41, 10 * 60 + 8),
    (1, 10 * 60 + 56, 11 * 60 + 4),
    (4, 11 * 60 + 55, 12 * 60 + 45),
    (1, 13 * 60 + 46, 13 * 60 + 54),
    (1, 14 * 60 + 41, 14 * 60 + 49),
    (1, 15 * 60 + 36, 15 * 60 + 44),
    (3, 16 * 60 + 40, 17 * 60 + 20),
]


@dataclass(frozen=True)
class CaseSpec:
    key: str
    student_number: str
    level: WarningLevel  # today
    opened_level: WarningLevel
    opened_days_ago: int
    reasons: tuple[CaseReason, ...]
    summary: str
    members: tuple[tuple[str, TeamRole], ...]  # logins
    mood: tuple[tuple[int, float], ...]  # (days ago, mean mood at school), oldest first
    signs: tuple[Signal, ...]  # early signs this student tends to show
    home_signs: tuple[Signal, ...]
    check_ins: tuple[int, ...]  # how many check-ins a school day, drawn from
    home: tuple[float, int, int]  # guardian: chance to skip an evening, mean listening, mean exercise minutes
    level_change: tuple[int, str] | None = None  # (days ago, reason): opened_level -> level
    no_check_in_today: bool = False  # demo-mentor1's students: today's check-ins are still to do


CASES = [
    CaseSpec(
        key="zihan", student_number="202507101", level=WarningLevel.FOCUS, opened_level=WarningLevel.WATCH,
        opened_days_ago=45, reasons=(CaseReason.ACADEMIC_PRESSURE, CaseReason.PEER_DIFFICULTIES),
        summary="期中考试成绩明显下滑，与同桌关系紧张；家长反映入睡困难，回家后话少。",
        members=(("demo-mentor1", TeamRole.MENTOR), ("demo-mentor2", TeamRole.MENTOR)),
        mood=((45, 3.4), (20, 2.8), (14, 2.2), (7, 2.6), (0, 3.1)),
        signs=(Signal.LOW_MOOD, Signal.SLEEP_PROBLEMS, Signal.PEER_CONFLICT, Signal.GRADE_DROP),
        home_signs=(Signal.SLEEP_PROBLEMS, Signal.LOW_MOOD, Signal.WITHDRAWAL),
        check_ins=(0, 1, 1, 2, 2, 2), home=(0.0, 20, 50),
        level_change=(14, "近两周三次早读迟到、情绪持续低落，家长反映入睡困难；经班级研判会议，调整为重点关注。"),
        no_check_in_today=True,
    ),
    CaseSpec(
        key="haoran", student_number="202507102", level=WarningLevel.FOCUS, opened_level=WarningLevel.FOCUS,
        opened_days_ago=38, reasons=(CaseReason.FAMILY_PROBLEMS, CaseReason.TEACHER_CONFLICT),
        summary="父母正在办理离婚，随父亲生活；近期两次顶撞任课老师，情绪容易激动。",
        members=(("demo-mentor1", TeamRole.MENTOR), ("teacher-4", TeamRole.SOCIAL_WORKER)),
        mood=((38, 3.2), (15, 2.8), (9, 2.0), (5, 2.9), (0, 3.2)),
        signs=(Signal.TEACHER_CONFLICT, Signal.FAMILY_CONFLICT, Signal.LOW_MOOD, Signal.PEER_CONFLICT),
        home_signs=(Signal.FAMILY_CONFLICT, Signal.WITHDRAWAL),
        check_ins=(0, 1, 1, 2, 2), home=(0.35, 14, 45),
        no_check_in_today=True,
    ),
    CaseSpec(
        key="wenbo", student_number="202507103", level=WarningLevel.SEVERE, opened_level=WarningLevel.FOCUS,
        opened_days_ago=52, reasons=(CaseReason.DIAGNOSED_CONDITION, CaseReason.ACADEMIC_PRESSURE),
        summary="在区精神卫生中心确诊抑郁发作，门诊服药治疗中；曾在周记中流露消极念头。",
        members=(("demo-mentor2", TeamRole.MENTOR), ("teacher-3", TeamRole.MENTOR)),
        mood=((52, 2.6), (20, 1.8), (10, 2.3), (2, 2.5), (1, 1.8), (0, 2.0)),
        signs=(Signal.LOW_MOOD, Signal.WITHDRAWAL, Signal.SLEEP_PROBLEMS, Signal.APPETITE_CHANGE),
        home_signs=(Signal.SLEEP_PROBLEMS, Signal.LOW_MOOD, Signal.APPETITE_CHANGE),
        check_ins=(1, 2, 2, 3), home=(0.15, 18, 35),
        level_change=(20, "区精神卫生中心确诊抑郁发作，医生建议加强在校看护；经学校研判升级为高危，已报备区心理中心。"),
    ),
    CaseSpec(
        key="yuyan", student_number="202507104", level=WarningLevel.WATCH, opened_level=WarningLevel.WATCH,
        opened_days_ago=33, reasons=(CaseReason.FAMILY_PROBLEMS, CaseReason.PEER_DIFFICULTIES),
        summary="父母在外地工作，随祖父生活；开学以来朋友少，课间多独处。",
        members=(("demo-mentor1", TeamRole.MENTOR),),
        mood=((33, 3.0), (15, 3.4), (0, 3.8)),
        signs=(Signal.WITHDRAWAL, Signal.PEER_CONFLICT, Signal.LOW_MOOD),
        home_signs=(Signal.WITHDRAWAL,),
        check_ins=(0, 1, 1, 1, 2), home=(0.3, 12, 55),
        no_check_in_today=True,
    ),
    CaseSpec(
        key="zhiyuan", student_number="202507205", level=WarningLevel.WATCH, opened_level=WarningLevel.WATCH,
        opened_days_ago=40, reasons=(CaseReason.DISCIPLINARY_SANCTION, CaseReason.PEER_DIFFICULTIES),
        summary="上月因课间打闹受到警告处分，之后明显沉默，与原来的朋友疏远。",
        members=(("demo-mentor2", TeamRole.MENTOR),),
        mood=((40, 3.0), (0, 3.6)),
        signs=(Signal.WITHDRAWAL, Signal.PEER_CONFLICT),
        home_signs=(Signal.FAMILY_CONFLICT,),
        check_ins=(0, 1, 1, 1, 2), home=(0.25, 16, 65),
    ),
    CaseSpec(
        key="kexin", student_number="202508303", level=WarningLevel.WATCH, opened_level=WarningLevel.WATCH,
        opened_days_ago=31, reasons=(CaseReason.ACADEMIC_PRESSURE,),
        summary="初二下学期起考试焦虑明显，考前失眠、胃痛，多次请假。",
        members=(("teacher-1", TeamRole.MENTOR),),
        mood=((31, 3.5), (6, 2.7), (3, 2.8), (0, 3.3)),
        signs=(Signal.SLEEP_PROBLEMS, Signal.GRADE_DROP, Signal.APPETITE_CHANGE),
        home_signs=(Signal.SLEEP_PROBLEMS, Signal.APPETITE_CHANGE),
        check_ins=(0, 1, 1, 1, 2), home=(0.2, 22, 40),
    ),
]

# What a mentor writes (team only unless said), each with the earliest minute of the school day
# it can be written at (a note about lunch is not written at early reading).
EARLY, LESSONS, BREAK, NOON, LUNCH_DONE, AFTERNOON, HOME_TIME, AFTER_SCHOOL = 450, 525, 590, 720, 735, 825, 990, 1000
GOOD_NOTES = [
    ("早读时精神不错，主动交了作业。", EARLY),
    ("课间和同桌有说有笑，状态比上周好。", LESSONS),
    ("数学课上主动举手回答问题，回答得很完整。", LESSONS),
    ("午饭吃得不错，饭后和同学在操场散步。", LUNCH_DONE),
    ("今天值日很认真，主动帮同学擦黑板。", LESSONS),
    ("大课间跑操跟上了队伍，跑完还和同学聊天。", BREAK),
    ("放学前主动来办公室问了一道物理题。", HOME_TIME),
    ("今天笑容多了，还和同学约了周末一起去图书馆。", EARLY),
    ("体育课打羽毛球很投入，出了一身汗。", LESSONS),
    ("主动报名了班级的黑板报小组。", EARLY),
]
OKAY_NOTES = [
    ("上课能听讲，但笔记记得不多，状态一般。", LESSONS),
    ("早读声音比较小，问了一句说没事。", EARLY),
    ("午休趴在桌上休息，没有和同学交流。", NOON),
    ("作业按时交了，字迹有些潦草。", EARLY),
    ("课间一个人在座位上看书，问起来说想安静一会儿。", LESSONS),
    ("今天话不多，但情绪平稳，没有异常。", EARLY),
    ("英语听写错了一半，有点沮丧，鼓励了几句。", EARLY),
    ("上午有点犯困，第二节课打了瞌睡。", BREAK),
    ("和同学一起吃的午饭，话不多。", LUNCH_DONE),
    ("放学时主动和我打了招呼。", HOME_TIME),
]
LOW_NOTES = [
    ("早读时趴在桌上，叫了两次才抬头，眼睛有点红。", EARLY),
    ("一上午都没怎么说话，午饭只吃了几口。", LUNCH_DONE),
    ("课堂上走神，作业没交，说昨晚没写完。", LESSONS),
    ("课间一个人站在走廊窗边，问起来说心里烦。", LESSONS),
    ("情绪低落，问话只回答一两个字。", EARLY),
    ("上课时一直低着头，在草稿纸上乱画。", LESSONS),
    ("下午说头疼想回家，陪着去了医务室，休息后回班。", AFTERNOON + 15),
]
TALK_NOTES = [
    ("午休时一个人坐在走廊，聊了{m}分钟，说最近睡不好。", NOON),
    ("放学后留下来谈了{m}分钟，说起考试的压力，哭了一会儿，后来平静了。", AFTER_SCHOOL),
    ("大课间叫到办公室聊了{m}分钟，说周末在家和爸妈闹了别扭。", BREAK),
    ("午饭后一起在操场走了两圈，聊了{m}分钟，愿意说说班里的事了。", LUNCH_DONE),
    ("谈心{m}分钟，主要聊了和同学的相处，约好下周再聊。", EARLY),
    ("放学前聊了{m}分钟，说最近晚上老想事情，建议睡前少看手机。", HOME_TIME),
    ("利用自习课谈了{m}分钟，谈完比之前放松一些。", LESSONS),
    ("早读后聊了{m}分钟，说起小时候的事，笑了好几次。", EARLY + 20),
]
SIGN_NOTES = {
    Signal.LOW_MOOD: [("早上进教室就闷闷不乐，问什么都说“还行”。", EARLY),
                      ("情绪低落，午休时一直趴着，没有睡着。", LUNCH_DONE),
                      ("一整天情绪都很低，下午的课基本没抬头。", AFTERNOON + 60)],
    Signal.WITHDRAWAL: [("课间不出教室，同学叫去打球也不去。", LESSONS),
                        ("小组讨论时一句话没说，一直看着窗外。", LESSONS)],
    Signal.SLEEP_PROBLEMS: [("说昨晚一点多才睡着，早读一直打哈欠。", EARLY)],
    Signal.APPETITE_CHANGE: [("早饭没吃，说没胃口，课间给了一盒牛奶。", LESSONS),
                             ("午饭几乎没动，说没胃口。", LUNCH_DONE)],
    Signal.GRADE_DROP: [("周测成绩比上次下降二十多分，拿到卷子后一直不说话。", LESSONS)],
    Signal.PEER_CONFLICT: [("课间和同学因为座位的事争了几句，已分开谈话。", LESSONS)],
    Signal.TEACHER_CONFLICT: [("被任课老师批评后顶了几句嘴，下课后情绪还没平复。", LESSONS)],
    Signal.FAMILY_CONFLICT: [("说昨晚爸妈又吵架了，自己躲在房间里。", EARLY)],
}
STATUS_NOTES = {
    InSchoolStatus.LATE: [("早读迟到十分钟，说早上起不来。", EARLY), ("迟到了，说路上堵车，精神还可以。", EARLY)],
    InSchoolStatus.LEFT_EARLY: [("第五节课后说头晕，家长来接，提前离校。", AFTERNOON),
                                ("下午说胃不舒服，家长接回家了。", AFTERNOON + 60)],
    InSchoolStatus.ABSENT_WITH_LEAVE: [("家长请了病假，电话里说在家发烧，已叮嘱注意休息。", EARLY),
                                       ("请假去医院复诊，家长全程陪同。", EARLY)],
}
FAMILY_NOTES = [  # shared with the family
    ("今天在数学课上主动回答问题，表现很好，请家长多鼓励。", LESSONS),
    ("这周作业都按时完成了，进步明显，回家可以表扬一下。", EARLY),
    ("今天体育课很投入，建议周末也多带孩子出去运动。", LESSONS),
    ("孩子最近午饭吃得不多，麻烦家长留意一下早餐和晚饭。", LUNCH_DONE),
    ("今天情绪平稳，和同学相处融洽，请家长放心。", EARLY),
    ("孩子说最近睡得晚，建议晚上十点前收手机。", EARLY),
    ("今天主动帮同学讲题，很有耐心，值得肯定。", LESSONS),
    ("这周英语听写有进步，家里可以陪孩子再复习一下单词。", EARLY),
]
# What a guardian writes in the evening.
HOME_GOOD = [
    "今晚一起散步半小时，孩子主动说了学校的事。",
    "晚饭后陪着跳绳，孩子心情不错。",
    "吃饭时聊了班里的趣事，笑了好几次。",
    "作业写得比较顺利，九点半就睡了。",
    "一起去小区楼下打了羽毛球，孩子玩得很开心。",
    "主动帮忙洗碗，还和我们聊了明天的考试。",
]
HOME_OKAY = [
    "作业写到十点，中间休息时聊了一会儿。",
    "回家后话不多，吃完饭就进房间写作业了。",
    "陪着下楼打了半小时球，回来洗澡睡觉。",
    "晚上玩手机时间有点长，提醒后收了。",
    "今天比较累，早早就睡了。",
    "问学校的事只说“还好”，没有多问。",
]
HOME_LOW = [
    "回家一直没说话，晚饭吃得很少。",
    "写作业时发脾气，说题太难，陪着坐了一会儿才好些。",
    "晚上很晚还没睡，房间里一直亮着灯。",
    "说不想去上学，问原因也不说，明天想和班主任沟通一下。",
]
HOME_SIGN_NOTES = {
    Signal.SLEEP_PROBLEMS: "十二点多还没睡着，说脑子停不下来。",
    Signal.FAMILY_CONFLICT: "晚上因为玩手机的事和孩子起了争执，我们也有不对的地方。",
    Signal.LOW_MOOD: "整晚情绪低落，问什么都不想说。",
    Signal.APPETITE_CHANGE: "晚饭几乎没吃，说不饿。",
    Signal.WITHDRAWAL: "回家就关上房门，叫吃饭才出来。",
}
# Things other staff noticed: (case, about how many days ago, time, author, signals, note).
OBSERVATIONS = [
    ("zihan", 20, (14, 10), "teacher-2", (Signal.LOW_MOOD, Signal.WITHDRAWAL),
     "语文课上一直低着头，作业本上画满了涂鸦，叫了两次才回应。"),
    ("yuyan", 15, (15, 5), "teacher-4", (Signal.WITHDRAWAL,),
     "体育课分组时没有同学愿意和她一组，一个人站在一边，后来我和她一组。"),
    ("haoran", 12, (9, 50), "teacher-3", (Signal.TEACHER_CONFLICT,),
     "数学课上被提醒收起手机后顶撞老师，摔门出去，五分钟后自己回来了。"),
    ("zhiyuan", 8, (10, 0), "demo-teacher", (Signal.PEER_CONFLICT,),
     "大课间在楼梯口和别班学生推搡，被我劝开，情绪很快平复。"),
    ("wenbo", 6, (12, 20), "demo-admin", (Signal.APPETITE_CHANGE,),
     "午饭时间在食堂只吃了几口就离开，值班老师说近一周都这样。"),
    ("kexin", 4, (16, 45), "teacher-3", (Signal.LOW_MOOD,),
     "月考前一天放学后在教室里哭，说怕考不好，陪她到心语小屋坐了一会儿。"),
    ("zihan", 3, (12, 30), "demo-counsellor", (),
     "午休时来心语小屋，主动谈到和同桌的矛盾，愿意每周来一次。"),
]


def _fits(notes: Sequence[tuple[str, int]], minute: int) -> bool:
    return any(earliest <= minute for _, earliest in notes)


def _pick(rng: random.Random, notes: Sequence[tuple[str, int]], minute: int) -> str:
    """A note that can be written at this minute of the school day (any note when none can)."""
    fitting = [text for text, earliest in notes if earliest <= minute] or [text for text, _ in notes]
    return rng.choice(fitting)


def _hash(value: object) -> str:
    return hashlib.sha256(str(value).encode()).hexdigest()


def _clamp(value: float, low: int, high: int) -> int:
    return max(low, min(high, round(value)))


def _mood_at(points: Sequence[tuple[int, float]], days_ago: int) -> float:
    """The mean mood on a day, along a line through the case's points."""
    if days_ago >= points[0][0]:
        return points[0][1]
    for (a_days, a_mood), (b_days, b_mood) in zip(points, points[1:]):
        if b_days <= days_ago <= a_days:
            share = (a_days - days_ago) / (a_days - b_days) if a_days != b_days else 1.0
            return a_mood + (b_mood - a_mood) * share
    return points[-1][1]


class _Demo:
    """Collects the rows, then writes them all at once."""

    def __init__(self, school_id: UUID, zone: ZoneInfo, school_days: list[int], today: date, now: datetime,
                 evening: date):
        self.school_id, self.zone, self.school_days, self.today, self.now = school_id, zone, school_days, today, now
        self.evening = evening  # the evening tonight's home logs are for: yesterday's until 05:00
        self.periods: list[SchoolPeriod] = []
        self.cases: list[CareCase] = []
        self.members: list[TeamMember] = []
        self.changes: list[CaseChange] = []
        self.rota: list[RotaAssignment] = []
        self.check_ins: list[CheckIn] = []
        self.home_logs: list[HomeLog] = []
        self.observations: list[Observation] = []
        self.alerts: list[Alert] = []
        self.events: list[TimelineEvent] = []

    def at(self, day: date, hour: int, minute: int, second: int = 0) -> datetime:
        return datetime.combine(day, time(hour, minute, second), tzinfo=self.zone).astimezone(UTC)

    def is_school_day(self, day: date) -> bool:
        return day.isoweekday() in self.school_days

    def school_day_back(self, days_ago: int) -> date:
        """The last school day at least `days_ago` days back."""
        day = self.today - timedelta(days=days_ago)
        while not self.is_school_day(day):
            day -= timedelta(days=1)
        return day

    def event(self, student_id: UUID, kind: EventKind, entry_id: UUID, author_id: UUID | None, at: datetime,
              visibility: Visibility, has_signal: bool) -> None:
        self.events.append(TimelineEvent(
            id=demo_id(f"care-event-{kind}-{entry_id}"), school_id=self.school_id, student_id=student_id, kind=kind,
            entry_id=entry_id, author_id=author_id, occurred_at=at, visibility=visibility, has_signal=has_signal,
        ))

    def change(self, case: CareCase, kind: CaseChangeKind, by: UUID | None, at: datetime, *, before: str | None = None,
               after: str | None = None, subject_id: UUID | None = None, reason: str = "") -> None:
        change_id = demo_id(f"care-change-{case.id}-{kind}-{len(self.changes)}")
        self.changes.append(CaseChange(
            id=change_id, school_id=self.school_id, case_id=case.id, kind=kind, from_value=before, to_value=after,
            subject_id=subject_id, reason=reason, changed_by_id=by, changed_at=at,
        ))
        self.event(case.student_id, EventKind.CASE_CHANGE, change_id, by, at, Visibility.TEAM, False)

    def alert(self, case: CareCase, source_kind: str, source_id: UUID, signals: list[str], by: UUID, at: datetime,
              acknowledged: tuple[datetime, UUID] | None = None) -> None:
        alert_id = demo_id(f"care-alert-{source_id}")
        self.alerts.append(Alert(
            id=alert_id, school_id=self.school_id, student_id=case.student_id, case_id=case.id,
            source_kind=source_kind, source_id=source_id, signals=crisis_in(signals), raised_by_id=by, raised_at=at,
            acknowledged_at=acknowledged[0] if acknowledged else None,
            acknowledged_by_id=acknowledged[1] if acknowledged else None,
        ))
        self.event(case.student_id, EventKind.ALERT, alert_id, by, at, Visibility.TEAM, True)

    def check_in(self, case: CareCase, author_id: UUID, at: datetime, mood: int, *,
                 status: str = InSchoolStatus.PRESENT,
                 signals: Sequence[str] = (), talk_minutes: int | None = None, note: str = "",
                 visibility: Visibility = Visibility.TEAM, delay: int = 0) -> CheckIn | None:
        created = at + timedelta(seconds=delay)
        if created > self.now:  # later today than now: not yet written
            return None
        entry_id = demo_id(f"care-check-in-{case.id}-{author_id}-{at.isoformat()}")
        row = CheckIn(
            id=entry_id, school_id=self.school_id, student_id=case.student_id, case_id=case.id, author_id=author_id,
            occurred_at=at, school_date=at.astimezone(self.zone).date(), mood=mood, status=status,
            signals=[s.value for s in Signal if s in signals], talked=talk_minutes is not None,
            talk_minutes=talk_minutes, note=note, visibility=visibility, version=1, fingerprint=_hash(entry_id),
            created_at=created,
        )
        self.check_ins.append(row)
        self.event(case.student_id, EventKind.CHECK_IN, entry_id, author_id, at, visibility, bool(row.signals))
        return row

    def home_log(self, case: CareCase, author_id: UUID, day: date, created: datetime, *, listening: int,
                 exercise: int, accompaniment: Accompaniment, sleep: float | None, mood: int | None,
                 screen: int | None, signals: Sequence[str] = (), note: str = "") -> HomeLog:
        entry_id = demo_id(f"care-home-log-{case.student_id}-{author_id}-{day.isoformat()}")
        row = HomeLog(
            id=entry_id, school_id=self.school_id, student_id=case.student_id, author_id=author_id, log_date=day,
            listening_minutes=listening, exercise_minutes=exercise, accompaniment=accompaniment, sleep_hours=sleep,
            mood=mood, screen_minutes=screen, signals=[s.value for s in Signal if s in signals], note=note,
            fingerprint=_hash(entry_id), created_at=created,
        )
        self.home_logs.append(row)
        self.event(case.student_id, EventKind.HOME_LOG, entry_id, author_id, created, Visibility.FAMILY,
                   bool(row.signals))
        return row

    def observation(self, case: CareCase, author_id: UUID, at: datetime, signals: Sequence[str], note: str) -> None:
        entry_id = demo_id(f"care-observation-{case.student_id}-{author_id}-{at.isoformat()}")
        self.observations.append(Observation(
            id=entry_id, school_id=self.school_id, student_id=case.student_id, author_id=author_id, observed_at=at,
            signals=[s.value for s in Signal if s in signals], note=note, fingerprint=_hash(entry_id),
            created_at=at + timedelta(minutes=3),
        ))
        self.event(case.student_id, EventKind.OBSERVATION, entry_id, author_id, at, Visibility.TEAM, bool(signals))

    async def write(self) -> None:
        async with in_transaction() as connection:
            for model, rows in (
                (SchoolPeriod, self.periods), (CareCase, self.cases), (TeamMember, self.members),
                (CaseChange, self.changes), (RotaAssignment, self.rota), (CheckIn, self.check_ins),
                (HomeLog, self.home_logs), (Observation, self.observations), (Alert, self.alerts),
                (TimelineEvent, self.events),
            ):
                if rows:
                    await model.bulk_create(rows, using_db=connection)  # type: ignore[attr-defined]


async def seed_care(school_id: UUID) -> bool:
    """Create the demo care data once. Returns False when it is already there (or the roster is not)."""
    numbers = [spec.student_number for spec in CASES]
    students = {
        number: (student_id, class_teacher_id)
        for student_id, number, class_teacher_id in await Student.filter(
            school_id=school_id, student_number__in=numbers
        ).values_list("id", "student_number", "school_class__class_teacher_id")
    }
    if len(students) != len(CASES):
        return False
    student_ids = [student_id for student_id, _ in students.values()]
    if await CareCase.filter(student_id__in=student_ids).exists():
        return False
    school = await School.get(id=school_id)
    logins = {"demo-admin", "demo-counsellor", "demo-teacher", "demo-mentor1", "demo-mentor2"}
    logins |= {login for spec in CASES for login, _ in spec.members} | {o[3] for o in OBSERVATIONS}
    people = dict(await Account.filter(login__in=sorted(logins)).values_list("login", "id"))
    if len(people) != len(logins):
        return False
    guardians: dict[UUID, UUID] = {}
    for student_id, guardian_id in await Guardianship.filter(student_id__in=student_ids).order_by(
        "created_at", "id"
    ).values_list("student_id", "guardian_id"):
        guardians.setdefault(student_id, guardian_id)
    existing_periods = await SchoolPeriod.filter(school_id=school_id).order_by("position")

    zone = calendar.zone(school.time_zone)
    now = utcnow()
    demo = _Demo(school_id, zone, list(school.school_days or [1, 2, 3, 4, 5]), now.astimezone(zone).date(), now,
                 calendar.log_evening(now, school.time_zone))
    periods = existing_periods or [
        SchoolPeriod(id=demo_id(f"period-{position}"), school_id=school_id, position=position, name=name,
                     start_minute=start, end_minute=end)
        for position, (name, start, end) in enumerate(PERIODS, start=1)
    ]
    if not existing_periods:
        demo.periods = periods
    counsellor, teacher = people["demo-counsellor"], people["demo-teacher"]

    cases: dict[str, CareCase] = {}
    for spec in CASES:
        student_id, lead_id = students[spec.student_number]
        opened_at = demo.at(demo.school_day_back(spec.opened_days_ago), 10, 30)
        case = CareCase(
            id=demo_id(f"case-{spec.student_number}"), school_id=school_id, student_id=student_id, level=spec.level,
            status=CaseStatus.ACTIVE, reasons=[r.value for r in spec.reasons], summary=spec.summary, lead_id=lead_id,
            opened_by_id=counsellor, opened_at=opened_at, updated_at=opened_at,
        )
        cases[spec.key] = case
        demo.cases.append(case)
        demo.change(case, CaseChangeKind.OPENED, counsellor, opened_at, after=spec.opened_level, reason=spec.summary)
        for n, (login, role) in enumerate(spec.members, start=1):
            added_at = opened_at + timedelta(hours=2, minutes=15 * n)
            demo.members.append(TeamMember(
                id=demo_id(f"care-member-{case.id}-{login}"), school_id=school_id, case_id=case.id,
                account_id=people[login], role=role, added_at=added_at,
            ))
            demo.change(case, CaseChangeKind.MEMBER_ADDED, lead_id or counsellor, added_at, after=role,
                        subject_id=people[login])
            case.updated_at = added_at
        if spec.level_change:
            days_ago, why = spec.level_change
            changed_at = demo.at(demo.school_day_back(days_ago), 16, 20)
            demo.change(case, CaseChangeKind.LEVEL, counsellor, changed_at, before=spec.opened_level,
                        after=spec.level, reason=why)
            case.updated_at = changed_at
        _rota(demo, spec, case, periods, [people[login] for login, role in spec.members if role == TeamRole.MENTOR])

    crisis_day = demo.school_day_back(9)  # 吴昊然's outburst, acknowledged by the class teacher
    for index, spec in enumerate(CASES):
        case = cases[spec.key]
        share_day = demo.school_day_back(2 + index)  # one note for the family at least, in the last week or so
        rng = random.Random(f"shouhu-demo-care-{spec.key}")
        staff = [case.lead_id] + [people[login] for login, role in spec.members if role == TeamRole.MENTOR]
        others = [people[login] for login, role in spec.members if role != TeamRole.MENTOR]
        guardian = guardians.get(case.student_id)
        for days_ago in range(DAYS - 1, -1, -1):
            day = demo.today - timedelta(days=days_ago)
            mean = _mood_at(spec.mood, days_ago)
            if demo.is_school_day(day):
                if spec.key == "haoran" and day == crisis_day:
                    _outburst(demo, case, day, people["demo-mentor1"], teacher)
                elif spec.key == "wenbo" and days_ago == 0:
                    demo.check_in(case, people["demo-mentor2"], demo.at(day, 7, 50), 2, signals=[Signal.LOW_MOOD],
                                  talk_minutes=10, delay=240,
                                  note="昨晚家长反映的情况已知悉，早读时陪在身边。情绪低落但愿意交流，已约心理老师中午见面。")
                elif not (days_ago == 0 and spec.no_check_in_today):
                    # the first school day after the outburst
                    follow_up = spec.key == "haoran" and demo.school_day_back(days_ago + 1) == crisis_day
                    _school_day(demo, rng, spec, case, day, mean, staff, others, follow_up, day == share_day)
            if guardian and days_ago > 0:
                _evening(demo, rng, spec, case, guardian, day, days_ago, mean)

    for key, days_ago, (hour, minute), login, signals, note in OBSERVATIONS:
        day = demo.school_day_back(days_ago)
        demo.observation(cases[key], people[login], demo.at(day, hour, minute), signals, note)

    await demo.write()
    await _inbox(demo, counsellor)
    return True


async def _inbox(demo: _Demo, counsellor: UUID) -> None:
    """The open alert in the inboxes of its lead and the counsellor, as it would have arrived."""
    from shouhu.notify.rules import Kind
    from shouhu.notify.services import notify

    leads = dict(await CareCase.filter(id__in=[a.case_id for a in demo.alerts]).values_list("id", "lead_id"))
    for alert in demo.alerts:
        if alert.acknowledged_at is None:
            await notify(school_id=demo.school_id, recipients=[r for r in (leads.get(alert.case_id), counsellor) if r],
                         kind=Kind.CRISIS_ALERT, event=str(alert.id), target=f"/students/{alert.student_id}",
                         at=alert.raised_at)


def _rota(demo: _Demo, spec: CaseSpec, case: CareCase, periods: Sequence[SchoolPeriod],
          mentors: list[UUID]) -> None:
    """The class teacher takes early reading, mentors lunch breaks, lessons go round the team;
    a few periods stay uncovered on purpose (after school and one lesson for the lighter cases)."""
    staff = [case.lead_id, *mentors] if case.lead_id else mentors
    if not staff:
        return
    last = len(periods) - 1
    for weekday in range(1, 6):
        for index, period in enumerate(periods):
            if spec.level == WarningLevel.WATCH and (index == last or (index == 8 and weekday in (2, 4))):
                continue
            if spec.level == WarningLevel.FOCUS and ((index == 7 and weekday == 3) or (index == last and weekday == 5)):
                continue
            if index == 0:
                chosen = [staff[0]]
            elif period.name == "午休" and mentors:
                chosen = [mentors[weekday % len(mentors)]]
                if spec.level == WarningLevel.SEVERE and len(staff) > 1:
                    chosen.append(staff[0] if chosen[0] != staff[0] else staff[1])
            else:
                chosen = [staff[(weekday + index) % len(staff)]]
            for account_id in chosen:
                demo.rota.append(RotaAssignment(
                    id=demo_id(f"care-rota-{case.id}-{weekday}-{period.id}-{account_id}"), school_id=demo.school_id,
                    case_id=case.id, period_id=period.id, weekday=weekday, account_id=account_id,
                ))


def _outburst(demo: _Demo, case: CareCase, day: date, mentor: UUID, teacher: UUID) -> None:
    at = demo.at(day, 10, 20)
    signals = [Signal.EMOTIONAL_OUTBURST, Signal.PEER_CONFLICT]
    row = demo.check_in(
        case, mentor, at, 1, signals=signals, talk_minutes=20, delay=600,
        note="第三节课后和同学争抢篮球，情绪失控，摔了椅子、用力踢门，带到心语小屋冷静了二十分钟。已通知班主任和家长。",
    )
    assert row is not None
    demo.alert(case, "check_in", row.id, row.signals, mentor, row.created_at,
               acknowledged=(row.created_at + timedelta(hours=2, minutes=35), teacher))
    demo.check_in(
        case, teacher, demo.at(day, 16, 50), 2, signals=[Signal.FAMILY_CONFLICT], talk_minutes=30, delay=1800,
        note="放学后和孩子父亲一起谈了半小时，父亲说这几天家里矛盾多，会多陪伴。之后午休由张老师陪同。",
    )


# Days whatever the date the demo is seeded on: (case, school days back) → how the student came to school.
FORCED_STATUS = {("yuyan", 6): InSchoolStatus.ABSENT_WITH_LEAVE, ("zhiyuan", 4): InSchoolStatus.LATE,
                 ("kexin", 9): InSchoolStatus.ABSENT_WITH_LEAVE}


def _school_day(demo: _Demo, rng: random.Random, spec: CaseSpec, case: CareCase, day: date, mean: float,
                staff: list[UUID], others: list[UUID], follow_up: bool, share: bool) -> None:
    forced = next((status for (key, back), status in FORCED_STATUS.items()
                   if key == spec.key and day == demo.school_day_back(back)), None)
    candidates = [a for a in staff if a] + [a for a in others if rng.random() < 0.25]
    count = min(max(rng.choice(spec.check_ins), 1 if follow_up or share or forced else 0), len(candidates))
    authors = rng.sample(candidates, count)
    weights = [w for w, _, _ in CHECK_IN_WINDOWS]
    windows = sorted(rng.choices(range(len(CHECK_IN_WINDOWS)), weights=weights, k=count))
    roll = rng.random()
    day_status = (
        InSchoolStatus.ABSENT_WITH_LEAVE if roll < 0.03
        else InSchoolStatus.LATE if roll < 0.09
        else InSchoolStatus.LEFT_EARLY if roll < 0.12
        else InSchoolStatus.PRESENT
    )
    if follow_up or share:
        day_status = InSchoolStatus.PRESENT
    if forced:
        day_status = forced
    if day_status == InSchoolStatus.ABSENT_WITH_LEAVE:
        authors, windows = authors[:1], [0]
    for n, (author, window) in enumerate(zip(authors, windows)):
        _, start, end = CHECK_IN_WINDOWS[window]
        minute = rng.randint(start, end) + n * 3  # two in one break are a few minutes apart
        at = demo.at(day, minute // 60, minute % 60, rng.randint(0, 59))
        mood = _clamp(rng.gauss(mean, 0.6), 1, 5)
        status = InSchoolStatus.PRESENT
        if day_status == InSchoolStatus.ABSENT_WITH_LEAVE or (day_status == InSchoolStatus.LATE and n == 0):
            status = day_status
        elif day_status == InSchoolStatus.LEFT_EARLY and n == len(authors) - 1 and minute >= AFTERNOON:
            status = day_status
        chance = {1: 0.6, 2: 0.4, 3: 0.12}.get(mood, 0.03)
        signals = rng.sample(spec.signs, 2 if rng.random() < 0.2 else 1) if rng.random() < chance else []
        talk = rng.choice([5, 8, 10, 10, 15, 15, 20, 25, 30]) if rng.random() < (
            0.4 if spec.level == WarningLevel.SEVERE else 0.25) else None
        visibility = Visibility.TEAM
        if status != InSchoolStatus.PRESENT:
            note = _pick(rng, STATUS_NOTES[status], minute)
            if status == InSchoolStatus.ABSENT_WITH_LEAVE:  # a phone call with the family
                signals, talk, mood = [], None, _clamp(mean, 1, 5)
        elif follow_up and n == 0:
            note, mood, signals = "上次的事情之后，今天情绪平稳，主动向那位同学道了歉。", 3, []
        elif share and n == 0:
            note, visibility, signals, mood = _pick(rng, FAMILY_NOTES, minute), Visibility.FAMILY, [], max(mood, 3)
        elif signals and (fitting := [s for s in signals if _fits(SIGN_NOTES[s], minute)]):
            note = _pick(rng, SIGN_NOTES[fitting[0]], minute)
        elif talk is not None and _fits(TALK_NOTES, minute):
            note = _pick(rng, TALK_NOTES, minute).format(m=talk)
        elif not signals and mood >= 3 and rng.random() < 0.25:
            note, visibility = _pick(rng, FAMILY_NOTES, minute), Visibility.FAMILY
        elif rng.random() < 0.08:
            note = ""
        else:
            note = _pick(rng, GOOD_NOTES if mood >= 4 else OKAY_NOTES if mood == 3 else LOW_NOTES, minute)
        demo.check_in(case, author, at, mood, status=status, signals=signals, talk_minutes=talk, note=note,
                      visibility=visibility, delay=rng.randint(5, 300))


def _evening(demo: _Demo, rng: random.Random, spec: CaseSpec, case: CareCase, guardian: UUID, day: date,
             days_ago: int, mean: float) -> None:
    skip, listening_mean, exercise_mean = spec.home
    roll = rng.random()
    if spec.key == "wenbo" and days_ago == 1:  # the open alert: a guardian's crisis signal last night
        demo_log = demo.home_log(
            case, guardian, day, demo.at(day, 21, 40), listening=30, exercise=10, accompaniment=Accompaniment.WHOLE,
            sleep=5.5, mood=1, screen=20, signals=[Signal.SELF_HARM, Signal.LOW_MOOD],
            note="晚上洗澡时发现孩子左手臂有几道新的划痕，问了不肯说。已把家里的刀具收起来，今晚陪着睡。明天想和心理老师当面谈谈。",
        )
        demo.alert(case, "home_log", demo_log.id, demo_log.signals, guardian, demo_log.created_at)
        return
    if day >= demo.evening:  # tonight's log is still to write (after midnight, tonight is yesterday evening)
        return
    if spec.key == "zihan":
        if days_ago in (9, 17, 23):  # a few forgotten evenings, then a streak up to yesterday
            return
    elif spec.key == "haoran":
        if days_ago % 3 == 1:  # a father on late shifts: every third evening goes unrecorded, whatever the date
            return
    elif roll < skip:
        return
    mood = _clamp(rng.gauss(mean + 0.3, 0.7), 1, 5)
    signals = rng.sample(spec.home_signs, 1) if rng.random() < (0.25 if mood <= 2 else 0.06) else []
    sleep = min(10.0, max(5.0, round(rng.gauss(8.0, 0.6) * 2) / 2 - (1.0 if Signal.SLEEP_PROBLEMS in signals else 0)))
    if signals:
        note = HOME_SIGN_NOTES[signals[0]]
    elif rng.random() < 0.2:
        note = ""
    else:
        note = rng.choice(HOME_GOOD if mood >= 4 else HOME_OKAY if mood == 3 else HOME_LOW)
    minute = rng.randint(20 * 60 + 10, 22 * 60 + 40)
    demo.home_log(
        case, guardian, day, demo.at(day, minute // 60, minute % 60, rng.randint(0, 59)),
        listening=_clamp(rng.gauss(listening_mean, 6), 8, 35),
        exercise=_clamp(rng.gauss(exercise_mean, 20) / 5, 4, 18) * 5,
        accompaniment=rng.choices(list(Accompaniment), weights=[14, 5, 1])[0],
        sleep=sleep, mood=mood, screen=_clamp(rng.gauss(70, 35) / 5, 2, 48) * 5, signals=signals, note=note,
    )
