"""Catalogue entries: key → {locale → text}. A test checks that every key has every locale."""

MESSAGES: dict[str, dict[str, str]] = {
    # Sign-in and accounts
    "auth.login_failed": {
        "zh-CN": "账号或密码不正确，或尝试次数过多。请核对后再试，或稍后再试。",
        "en": "Wrong login or password, or too many attempts. Check and try again, or try again later.",
    },
    "auth.unauthenticated": {
        "zh-CN": "请先登录。",
        "en": "Please sign in first.",
    },
    "auth.forbidden": {
        "zh-CN": "您没有权限进行此操作。",
        "en": "You are not allowed to do this.",
    },
    "auth.not_found": {
        "zh-CN": "未找到该记录，或您无权查看。",
        "en": "Not found, or you may not see it.",
    },
    "auth.wrong_current_password": {
        "zh-CN": "当前密码不正确。",
        "en": "The current password is wrong.",
    },
    "invitation.invalid": {
        "zh-CN": "激活码无效、已使用或已过期。请向学校索取新的激活码。",
        "en": "This invitation code is invalid, used or expired. Ask the school for a new one.",
    },
    "invitation.throttled": {
        "zh-CN": "尝试次数过多，请稍后再试。",
        "en": "Too many attempts. Please try again later.",
    },
    "invitation.account_inactive": {
        "zh-CN": "该账号已停用，无法发放激活码。",
        "en": "This account is deactivated; no invitation code can be issued.",
    },
    "password.too_short": {
        "zh-CN": "密码至少需要 {min} 个字符。",
        "en": "The password needs at least {min} characters.",
    },
    "password.too_long": {
        "zh-CN": "密码不能超过 {max} 个字符。",
        "en": "The password may have at most {max} characters.",
    },
    "password.same_as_login": {
        "zh-CN": "密码不能与账号名相同或包含账号名。",
        "en": "The password must not be or contain the login name.",
    },
    "password.too_common": {
        "zh-CN": "这个密码太常见，容易被猜到，请换一个。",
        "en": "This password is too common and easy to guess. Choose another.",
    },
    # Roster validation
    "field.required": {
        "zh-CN": "此项为必填。",
        "en": "This field is required.",
    },
    "field.too_long": {
        "zh-CN": "不能超过 {max} 个字符。",
        "en": "At most {max} characters.",
    },
    "field.out_of_range": {
        "zh-CN": "应在 {min} 到 {max} 之间。",
        "en": "Must be between {min} and {max}.",
    },
    "field.invalid_login": {
        "zh-CN": "账号名只能使用 3–64 个小写字母、数字、点、横线或下划线，并以字母或数字开头。",
        "en": "Logins use 3–64 lowercase letters, digits, dots, hyphens or underscores, starting with a letter or digit.",
    },
    "field.invalid_phone": {
        "zh-CN": "请输入有效的电话号码（数字，可含 + 和 -）。",
        "en": "Enter a valid phone number (digits, optionally + and -).",
    },
    "field.invalid_date": {
        "zh-CN": "日期无效或在未来。",
        "en": "The date is invalid or in the future.",
    },
    "dates.bad_days": {
        "zh-CN": "天数应在 1 到 {max} 之间。",
        "en": "The number of days must be between 1 and {max}.",
    },
    "dates.out_of_range": {
        "zh-CN": "日期超出可查询的范围。",
        "en": "The date is outside the range that can be looked up.",
    },
    "field.invalid_relation": {
        "zh-CN": "请选择与学生的关系。",
        "en": "Choose the relation to the student.",
    },
    "login.taken": {
        "zh-CN": "该账号名已被使用。",
        "en": "This login is already taken.",
    },
    "class.duplicate": {
        "zh-CN": "本校已有同年级同名的班级。",
        "en": "The school already has a class with this grade and name.",
    },
    "class.teacher_not_staff": {
        "zh-CN": "班主任必须是本校在职教职工。",
        "en": "The class teacher must be an active member of staff of this school.",
    },
    "class.unknown": {
        "zh-CN": "未找到该班级。",
        "en": "Class not found.",
    },
    "student.duplicate_number": {
        "zh-CN": "本校已有该学号的学生。",
        "en": "The school already has a student with this number.",
    },
    "student.unknown": {
        "zh-CN": "未找到该学生。",
        "en": "Student not found.",
    },
    "guardian.already_linked": {
        "zh-CN": "该家长已与这名学生关联。",
        "en": "This guardian is already linked to the student.",
    },
    "account.unknown": {
        "zh-CN": "未找到该账号。",
        "en": "Account not found.",
    },
    "account.cannot_deactivate_self": {
        "zh-CN": "不能停用自己的账号。",
        "en": "You cannot deactivate your own account.",
    },
    # Transport and GraphQL
    "http.method_not_allowed": {
        "zh-CN": "只接受 POST 请求。",
        "en": "Only POST requests are accepted.",
    },
    "http.unsupported_media_type": {
        "zh-CN": "请求必须使用 application/json。",
        "en": "Requests must use application/json.",
    },
    "http.foreign_origin": {
        "zh-CN": "拒绝来自其他网站的请求。",
        "en": "Requests from other sites are refused.",
    },
    "http.body_too_large": {
        "zh-CN": "请求内容过大。",
        "en": "The request is too large.",
    },
    "http.bad_json": {
        "zh-CN": "请求内容不是有效的 JSON。",
        "en": "The request body is not valid JSON.",
    },
    "http.bad_request": {
        "zh-CN": "请求格式不正确：query 须为字符串，variables 须为对象，operationName 须为字符串。",
        "en": "Malformed request: query must be a string, variables an object and operationName a string.",
    },
    "http.bad_text": {
        "zh-CN": "请求地址中含有不允许的字符。",
        "en": "The request address contains characters that are not allowed.",
    },
    "text.invalid": {
        "zh-CN": "内容中含有不允许的字符（如控制字符或无效的 Unicode 字符），未保存。请删除后重试。",
        "en": "The text contains characters that are not allowed (such as control characters or invalid Unicode); nothing was saved. Remove them and try again.",
    },
    "graphql.syntax": {
        "zh-CN": "查询语句有语法错误。",
        "en": "The query has a syntax error.",
    },
    "graphql.invalid": {
        "zh-CN": "查询不符合接口定义（未知字段或参数错误）。",
        "en": "The query does not match the API (unknown field or wrong argument).",
    },
    "graphql.too_complex": {
        "zh-CN": "查询过于复杂：层级过深、内容过长，或字段、别名、片段过多。",
        "en": "The query is too complex: too deep, too long, or too many fields, aliases or fragments.",
    },
    "graphql.fragment_cycle": {
        "zh-CN": "查询中的片段相互引用，形成了循环。",
        "en": "The query's fragments refer to each other in a cycle.",
    },
    "graphql.no_operation": {
        "zh-CN": "请求中没有可执行的操作（query 或 mutation）。",
        "en": "The request contains no operation (query or mutation) to run.",
    },
    "graphql.operation_name_required": {
        "zh-CN": "请求中有多个操作，请用 operationName 指明要执行哪一个。",
        "en": "The request contains several operations: name the one to run in operationName.",
    },
    "graphql.unknown_operation": {
        "zh-CN": "operationName 指定的操作在请求中不存在。",
        "en": "The operation named in operationName is not in the request.",
    },
    "graphql.subscription": {
        "zh-CN": "不支持订阅（subscription）操作。",
        "en": "Subscriptions are not supported.",
    },
    "graphql.bad_variable": {
        "zh-CN": "变量 {name} 的值不正确：类型不符，或缺少必填的值。",
        "en": "The value of variable {name} is wrong: the wrong type, or a required value is missing.",
    },
    "graphql.internal": {
        "zh-CN": "服务器出错了，请稍后再试。",
        "en": "Something went wrong on the server. Please try again later.",
    },
    "pagination.bad_cursor": {
        "zh-CN": "分页游标无效，请从第一页重新加载。",
        "en": "Invalid page cursor. Reload from the first page.",
    },
    "pagination.bad_first": {
        "zh-CN": "每页条数应在 1 到 {max} 之间。",
        "en": "Page size must be between 1 and {max}.",
    },
    "class.display": {
        "zh-CN": "{grade}年级{name}",
        "en": "Grade {grade} {name}",
    },
    "field.invalid_id": {
        "zh-CN": "编号格式无效。",
        "en": "The id is malformed.",
    },

    # Care: cases, teams, entries, alerts
    "entry.id_conflict": {
        "zh-CN": "这条记录的编号已被另一条不同内容的记录使用，未保存。请重新填写。",
        "en": "This entry's id is already used by a different entry; nothing was saved. Please fill it in again.",
    },
    "entry.bad_id": {
        "zh-CN": "记录编号格式无效，未保存。",
        "en": "The entry id is malformed; nothing was saved.",
    },
    "entry.time_out_of_range": {
        "zh-CN": "时间不能晚于现在，也不能早于 {days} 天前。",
        "en": "The time cannot be in the future or more than {days} days ago.",
    },
    "field.invalid_choice": {
        "zh-CN": "请从给定选项中选择。",
        "en": "Please choose one of the given options.",
    },
    "case.not_active": {
        "zh-CN": "该学生的关爱档案已结案或已转出，不能再签到。",
        "en": "This student's care case is closed or transferred; no more check-ins.",
    },
    "check_in.unknown": {
        "zh-CN": "未找到这条签到，或您不是它的记录人。",
        "en": "Check-in not found, or you did not write it.",
    },
    "check_in.amend_window_closed": {
        "zh-CN": "签到只能在 {hours} 小时内修改。",
        "en": "A check-in can only be amended within {hours} hours.",
    },
    "check_in.changed_meanwhile": {
        "zh-CN": "这条签到刚被修改过，请刷新后再试。",
        "en": "This check-in was just changed; reload and try again.",
    },
    "home_log.future_date": {
        "zh-CN": "日期不能晚于今天。",
        "en": "The date cannot be after today.",
    },
    "home_log.already_recorded": {
        "zh-CN": "您已经记录过这一天。",
        "en": "You have already recorded this day.",
    },
    "signal.unknown": {
        "zh-CN": "包含未知的信号类型。",
        "en": "Unknown signal.",
    },
    "alert.unknown": {
        "zh-CN": "未找到该预警，或您无权处理。",
        "en": "Alert not found, or you may not handle it.",
    },
    "case.reasons_required": {
        "zh-CN": "请至少选择一个关注原因。",
        "en": "Choose at least one reason.",
    },
    "team.unknown_account": {
        "zh-CN": "只能选择本校在职教职工。",
        "en": "Choose an active staff member of the school.",
    },
    "case.exists": {
        "zh-CN": "该学生已有关爱档案。",
        "en": "This student already has a care case.",
    },
    "case.unknown": {
        "zh-CN": "未找到该关爱档案，或您无权修改。",
        "en": "Care case not found, or you may not change it.",
    },
    "case.level_unchanged": {
        "zh-CN": "预警等级没有变化。",
        "en": "The warning level is unchanged.",
    },
    "case.status_unchanged": {
        "zh-CN": "档案状态没有变化。",
        "en": "The case status is unchanged.",
    },
    "team.already_member": {
        "zh-CN": "此人已在工作专班中。",
        "en": "This person is already on the team.",
    },
    "team.not_member": {
        "zh-CN": "此人不在该工作专班中。",
        "en": "This person is not on the team.",
    },
    "period.count": {
        "zh-CN": "请设置 1 到 {max} 个时段。",
        "en": "Set between 1 and {max} periods.",
    },
    "period.ends_before_start": {
        "zh-CN": "结束时间须晚于开始时间。",
        "en": "The end must be after the start.",
    },
    "period.overlap": {
        "zh-CN": "时段「{name}」与前一个时段重叠。",
        "en": "Period “{name}” overlaps the one before it.",
    },
    "period.duplicate_name": {
        "zh-CN": "时段名称不能重复。",
        "en": "Period names must differ.",
    },
    "period.unknown": {
        "zh-CN": "未知的时段。",
        "en": "Unknown period.",
    },
    "rota.too_many": {
        "zh-CN": "陪伴安排最多 {max} 条。",
        "en": "At most {max} rota entries.",
    },

    # The counselling room
    "room.no_school": {
        "zh-CN": "您的账号不属于任何学校。",
        "en": "Your account belongs to no school.",
    },
    "room.unknown": {
        "zh-CN": "未找到该辅导室，或您无权管理。",
        "en": "Room not found, or you may not manage it.",
    },
    "room.too_many_templates": {
        "zh-CN": "每个辅导室最多设置 {max} 段开放时间。",
        "en": "At most {max} opening periods per room.",
    },
    "room.slot_length": {
        "zh-CN": "每次辅导时长须在 1 分钟到 {max} 分钟之间。",
        "en": "A session must last between 1 and {max} minutes.",
    },
    "room.bad_window": {
        "zh-CN": "结束时间须晚于开始时间，且在当天之内。",
        "en": "The end must be after the start, within the day.",
    },
    "room.window_too_short": {
        "zh-CN": "开放时间短于一次辅导的时长。",
        "en": "The opening period is shorter than one session.",
    },
    "room.templates_overlap": {
        "zh-CN": "{day}的开放时间与已有时间重叠。",
        "en": "The opening hours on {day} overlap existing ones.",
    },
    "slot.unknown": {
        "zh-CN": "这个时段不存在、已过去或不开放预约。",
        "en": "This slot does not exist, has passed or is not open for booking.",
    },
    "slot.taken": {
        "zh-CN": "这个时段刚刚被别人约走了。请从下面的空闲时段中另选一个。",
        "en": "Somebody booked this slot a moment ago. Please choose another free slot below.",
    },
    "booking.students_only": {
        "zh-CN": "只有学生本人可以预约；心理教师可以代学生预约。",
        "en": "Only students book for themselves; counsellors may book for a student.",
    },
    "booking.limit": {
        "zh-CN": "您已有 {max} 个未到的预约，请先完成或取消后再约。",
        "en": "You already have {max} upcoming booking(s); attend or cancel first.",
    },
    "booking.unknown": {
        "zh-CN": "未找到该预约，或它已取消。",
        "en": "Booking not found, or already cancelled.",
    },
    "booking.cancel_too_late": {
        "zh-CN": "开始前 {minutes} 分钟内不能再取消，请直接联系心理老师。",
        "en": "It is too late to cancel (less than {minutes} minutes before); please contact the counsellor.",
    },
    "booking.not_started": {
        "zh-CN": "这次辅导还没开始，开始后才能登记到或未到。",
        "en": "The session has not started yet; mark attendance once it has.",
    },
    "record.not_attended": {
        "zh-CN": "只有已到的辅导才能写记录。",
        "en": "Only a session the student attended can have a record.",
    },
    "ics.summary": {
        "zh-CN": "心理辅导（守护）",
        "en": "Counselling session (Shouhu)",
    },
    "report.column.school": {
        "zh-CN": "学校",
        "en": "School",
    },
    "report.column.date": {
        "zh-CN": "日期",
        "en": "Date",
    },
    "report.column.sessions_held": {
        "zh-CN": "已完成辅导",
        "en": "Sessions held",
    },
    "report.column.no_shows": {
        "zh-CN": "未到",
        "en": "No-shows",
    },
    "report.column.new_bookings": {
        "zh-CN": "新增预约",
        "en": "New bookings",
    },
    "report.column.case_students_seen": {
        "zh-CN": "其中在档学生",
        "en": "Of them, students with a care case",
    },
    "room.exception_in_past": {
        "zh-CN": "不能更改已经过去的日期。",
        "en": "A past date cannot be changed.",
    },
    "room.unknown_exception": {
        "zh-CN": "未找到该例外安排。",
        "en": "Exception not found.",
    },
    "weekday.1": {"zh-CN": "星期一", "en": "Monday"},
    "weekday.2": {"zh-CN": "星期二", "en": "Tuesday"},
    "weekday.3": {"zh-CN": "星期三", "en": "Wednesday"},
    "weekday.4": {"zh-CN": "星期四", "en": "Thursday"},
    "weekday.5": {"zh-CN": "星期五", "en": "Friday"},
    "weekday.6": {"zh-CN": "星期六", "en": "Saturday"},
    "weekday.7": {"zh-CN": "星期日", "en": "Sunday"},
    "room.duplicate": {
        "zh-CN": "已有同名的辅导室。",
        "en": "A room with this name exists already.",
    },
    # Notifications: content-free texts for the lock screen, the inbox and chat-group robots.
    # Never a name, a signal or a note; a tap opens Shouhu, which loads details after sign-in.
    "notify.title": {"zh-CN": "守护", "en": "Shouhu"},
    "notify.title.urgent": {"zh-CN": "守护 · 紧急", "en": "Shouhu · urgent"},
    "notify.check_ins_due": {
        "zh-CN": "今天还有 {count} 次签到待完成",
        "en": "{count} check-in(s) due today",
    },
    "notify.home_log_due": {
        "zh-CN": "今晚的家庭记录还没有填写（{count} 份）",
        "en": "Tonight's home log is not recorded yet ({count})",
    },
    "notify.booking_soon": {
        "zh-CN": "你预约的心理辅导将在一小时内开始",
        "en": "Your counselling appointment starts within the hour",
    },
    "notify.booking_changed": {
        "zh-CN": "你的心理辅导预约有变动，请打开守护查看",
        "en": "Your counselling booking changed — open Shouhu",
    },
    "notify.crisis_alert": {
        "zh-CN": "{count} 个新的危机预警 — 请立即打开守护",
        "en": "{count} new crisis alert(s) — open Shouhu now",
    },
    "notify.alert_unacknowledged": {
        "zh-CN": "{count} 个危机预警仍未确认 — 请打开守护",
        "en": "{count} crisis alert(s) still unacknowledged — open Shouhu",
    },
    "notify.missing_check_ins": {
        "zh-CN": "今天有 {count} 位学生没有签到记录",
        "en": "{count} student(s) had no check-in today",
    },
    "notify.rota_gaps": {
        "zh-CN": "明天有 {count} 个值守时段无人负责",
        "en": "{count} rota period(s) uncovered tomorrow",
    },
    "notify.test": {
        "zh-CN": "这是一条测试通知：通知已开启",
        "en": "This is a test notification: notifications are on",
    },
    "notify.webhook_suffix": {"zh-CN": "（守护）", "en": " (Shouhu)"},
    "push.bad_endpoint": {
        "zh-CN": "推送地址无效：必须是推送服务的 https 地址。",
        "en": "The push address is not valid: it must be an https address of a push service.",
    },
    "push.bad_keys": {
        "zh-CN": "推送密钥无效，请在浏览器中重新开启通知。",
        "en": "The push keys are not valid. Please turn notifications on again in the browser.",
    },
    "push.unknown_subscription": {
        "zh-CN": "未找到该设备的推送订阅。",
        "en": "No push subscription found for this device.",
    },
    "push.too_many": {
        "zh-CN": "最多可以在 {max} 台设备上开启通知，请先移除一台。",
        "en": "Notifications can be on for at most {max} devices. Please remove one first.",
    },
    "notify.unknown": {
        "zh-CN": "未找到该通知。",
        "en": "Notification not found.",
    },
    "notify.unknown_kind": {
        "zh-CN": "未知的通知类型。",
        "en": "Unknown notification kind.",
    },
    "notify.bad_time": {
        "zh-CN": "时间格式应为 时:分，例如 15:30。",
        "en": "Times are written hours:minutes, e.g. 15:30.",
    },
    "notify.bad_escalation": {
        "zh-CN": "升级提醒时间应在 {low} 到 {high} 分钟之间。",
        "en": "Escalation must be between {low} and {high} minutes.",
    },
    "webhook.bad_url": {
        "zh-CN": "机器人地址无效：必须是 https 地址，且不能指向内网。",
        "en": "The robot address is not valid: it must be https and not point into a private network.",
    },
    "webhook.unknown": {
        "zh-CN": "未找到该群机器人。",
        "en": "Chat robot not found.",
    },
    "webhook.no_kinds": {
        "zh-CN": "请至少选择一种要推送的通知。",
        "en": "Choose at least one kind of notification to send.",
    },
    "webhook.too_many": {
        "zh-CN": "每所学校最多设置 {max} 个群机器人。",
        "en": "A school may set at most {max} chat robots.",
    },
}
