"""The demo school: a junior middle school in Baoshan District, Shanghai (fictional people)."""

from __future__ import annotations

import random
import uuid
from datetime import date

from tortoise.transactions import in_transaction

from shouhu.accounts.models import Account, DistrictStaff, StaffRole, StaffRoleKind
from shouhu.auth.passwords import hash_password
from shouhu.schools.models import District, Guardianship, School, SchoolClass, Student

DEMO_PASSWORD = "shouhu-demo"
NAMESPACE = uuid.UUID("5e0d7a0e-2f4c-4d1b-9a57-0b6a1c3d2e10")

# login, display name, what the person is (printed by `make run`)
DEMO_LOGINS = [
    ("demo-admin", "王建国", "school admin 管理员"),
    ("demo-counsellor", "陈思雨", "counsellor 心理教师"),
    ("demo-teacher", "李雪梅", "class teacher of 七年级(1)班 班主任"),
    ("demo-mentor1", "张志强", "mentor 导师 of 3 students in class 1"),
    ("demo-mentor2", "刘芳", "mentor 导师 of 3 students in two classes"),
    ("demo-parent1", "周丽华", "guardian of 周子涵 (class 1) 家长"),
    ("demo-parent2", "吴国栋", "guardian of 吴昊然 (class 1) 家长"),
    ("demo-student1", "周子涵", "student, child of demo-parent1 学生"),
    ("demo-district", "孙立新", "Baoshan district centre 区心理中心"),
]

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩冯邓曹彭曾萧田董潘袁蔡蒋余于杜叶程魏苏吕丁沈任姚卢傅钟姜崔谭陆范汪廖石金贾夏韦付方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
GIVEN = [
    "子轩", "浩然", "梓涵", "欣怡", "宇航", "诗涵", "俊杰", "雨桐", "思远", "语嫣", "一诺", "佳怡", "明轩", "若曦",
    "博文", "雅琪", "天佑", "梦瑶", "嘉懿", "晨曦", "沐阳", "可馨", "皓宇", "心怡", "承泽", "紫萱", "逸飞", "婉清",
    "泽宇", "思彤", "宇辰", "静怡", "睿哲", "安琪", "文博", "依诺", "家豪", "晓彤", "昊天", "书瑶", "志远", "乐萱",
]
GUARDIAN_GIVEN = ["建华", "丽娟", "海燕", "伟", "静", "军", "敏", "磊", "婷", "强", "艳", "勇", "洁", "斌", "红梅", "志刚"]


def demo_id(name: str) -> uuid.UUID:
    return uuid.uuid5(NAMESPACE, name)


async def seed_demo(care: bool = True) -> bool:
    """Create the demo school once, and (with `care`) its care cases, 30 days of entries and its
    counselling room with a few bookings.
    Returns False when nothing was missing."""
    school_id = demo_id("school")
    created = False
    if not await School.filter(id=school_id).exists():
        await _seed_roster(school_id)
        created = True
    if care:
        from shouhu.demo.care import seed_care  # care imports demo_id from here

        from shouhu.demo.counselling import seed_counselling

        created = await seed_care(school_id) or created
        created = await seed_counselling(school_id) or created
    return created


async def _seed_roster(school_id: uuid.UUID) -> None:
    """The district, the school, its people, classes, students and guardians."""
    password_hash = await hash_password(DEMO_PASSWORD)
    rng = random.Random(48)  # the same school every time
    async with in_transaction():
        district = await District.create(
            id=demo_id("district"), name="宝山区", centre_name="宝山区未成年人心理健康辅导中心", hotline="4008200535"
        )
        school = await School.create(
            id=school_id,
            district=district,
            name="宝山区启航实验中学",
            time_zone="Asia/Shanghai",
            school_days=[1, 2, 3, 4, 5],
            hotlines=[
                {"label": "宝山区心理援助热线（24小时）", "number": "4008200535"},
                {"label": "全国心理援助热线（24小时）", "number": "12356"},
            ],
            room_place="行政楼二楼 203 室 · 心语小屋（心理辅导室）",
            room_hours="周一至周五 12:00–13:00、15:40–17:10（每周开放 12.5 小时，可在“守护”中预约）",
        )

        def account(login: str, name: str, phone: str | None, demo: bool = True) -> Account:
            return Account(id=demo_id(login), school_id=school.id, login=login, display_name=name, phone=phone,
                           password_hash=password_hash if demo else None)

        people = {login: account(login, name, f"1380021{i:04d}") for i, (login, name, _) in enumerate(DEMO_LOGINS)}
        people["demo-district"].school_id = None
        other_teachers = [account(f"teacher-{n}", name, f"1390021{n:04d}", demo=False)
                          for n, name in enumerate(["赵晓东", "孙慧敏", "钱伟民", "郑秀英"], start=1)]
        await Account.bulk_create([*people.values(), *other_teachers])

        roles = [(people["demo-admin"], StaffRoleKind.ADMIN), (people["demo-counsellor"], StaffRoleKind.COUNSELLOR)]
        staff = [people[k] for k in ("demo-admin", "demo-counsellor", "demo-teacher", "demo-mentor1", "demo-mentor2")]
        roles += [(a, StaffRoleKind.TEACHER) for a in staff + other_teachers]
        await StaffRole.bulk_create([StaffRole(school_id=school.id, account_id=a.id, kind=k) for a, k in roles])
        await DistrictStaff.create(district=district, account_id=people["demo-district"].id)

        classes = [
            SchoolClass(id=demo_id("class-1"), school_id=school.id, grade=7, name="(1)班", class_teacher_id=people["demo-teacher"].id),
            SchoolClass(id=demo_id("class-2"), school_id=school.id, grade=7, name="(2)班", class_teacher_id=other_teachers[0].id),
            SchoolClass(id=demo_id("class-3"), school_id=school.id, grade=8, name="(1)班", class_teacher_id=other_teachers[1].id),
        ]
        await SchoolClass.bulk_create(classes)

        students: list[Student] = []
        guardians: list[Account] = []
        links: list[Guardianship] = []
        used_names: set[str] = {"周子涵", "吴昊然"}
        for c_index, school_class in enumerate(classes):
            for n in range(1, 15 if c_index < 2 else 13):
                number = f"2025{school_class.grade:02d}{c_index + 1}{n:02d}"
                if c_index == 0 and n == 1:
                    name = "周子涵"
                elif c_index == 0 and n == 2:
                    name = "吴昊然"
                else:
                    name = rng.choice(SURNAMES) + rng.choice(GIVEN)
                    while name in used_names:
                        name = rng.choice(SURNAMES) + rng.choice(GIVEN)
                    used_names.add(name)
                birth = date(2026 - school_class.grade - 6, rng.randint(1, 12), rng.randint(1, 28))
                student = Student(id=demo_id(f"student-{number}"), school_id=school.id, school_class_id=school_class.id,
                                  name=name, student_number=number, birth_date=birth)
                students.append(student)
                if name == "周子涵":
                    student.account_id = people["demo-student1"].id
                    links.append(Guardianship(school_id=school.id, guardian_id=people["demo-parent1"].id, student_id=student.id, relation="mother"))
                    continue
                if name == "吴昊然":
                    links.append(Guardianship(school_id=school.id, guardian_id=people["demo-parent2"].id, student_id=student.id, relation="father"))
                    continue
                relation = rng.choice(["mother", "father", "mother", "grandparent"])
                surname = name[0] if relation != "mother" else rng.choice(SURNAMES)
                guardian = account(f"parent-{number}", surname + rng.choice(GUARDIAN_GIVEN), f"1370{number[-7:]}", demo=False)
                guardians.append(guardian)
                links.append(Guardianship(school_id=school.id, guardian_id=guardian.id, student_id=student.id, relation=relation))
        await Account.bulk_create(guardians)
        await Student.bulk_create(students)
        await Guardianship.bulk_create(links)
