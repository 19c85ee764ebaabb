// Strings of the mentor and family screens (check-ins, home logs, observations).
export const mentorZh = {
  'mentor.title': '我的学生',
  'role.MENTOR': '导师 · 工作专班',
  'role.MENTOR.text': '今天要签到的学生和陪伴安排。',
} as const;
