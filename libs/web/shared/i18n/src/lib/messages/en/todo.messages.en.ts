import type { TODO_ZH_CN } from '../todo.messages';

/** English for todo.messages.ts: loaded only when someone switches to English (messages-en.ts). */
export const TODO_EN: Record<keyof typeof TODO_ZH_CN, string> = {
  'todo.title': 'To do',
  'todo.count': '{n}',
  'todo.overdueCount': '{n} overdue',
  'todo.allClear': 'Nothing needs you right now.',
  'todo.more': '{n} more',
  'todo.due': 'Due {date}',
  'todo.overdue': 'Overdue',
  'todo.since': 'Since {date}',
  'todo.navCount': '{n} to do',
  'todo.error': 'The to-do list could not be loaded.',
  'todo.retry': 'Retry',
  'prefs.title': 'Reminders',
  'prefs.intro': 'Once a day, overdue to-do items are summed up in the bell and by mail.',
  'prefs.digestMail': 'Also send the daily reminder by mail',
  'prefs.digestHour': 'Hour to send it (China time)',
  'prefs.hour': '{h}:00',
  'prefs.weeklyMatches': 'A weekly mail of new listings matching mine',
  'prefs.save': 'Save reminders',
  'prefs.saved': 'Reminder settings saved.',
};
