// Strings of the class teacher's and counsellor's screens (boards, student page, team, rota).
export const boardZh = {
  'board.title': '关爱看板',
} as const;
