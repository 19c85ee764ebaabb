import type { mentorZh } from './mentor.zh-CN';

export const mentorEn: Record<keyof typeof mentorZh, string> = {
  'mentor.title': 'My students',
  'role.MENTOR': 'Mentor · care team',
  'role.MENTOR.text': 'Students to check in on today, and the rota.',
};
