import type { INVITE_ZH_CN } from '../invite.messages';

/** English for invite.messages.ts: loaded only when someone switches to English (messages-en.ts). */
export const INVITE_EN: Record<keyof typeof INVITE_ZH_CN, string> = {
  'invite.open': 'Invite',
  'invite.lead': 'The invitee gets an e-mail with a link to choose a password (valid for seven days), then signs in with that e-mail. For a broker, choose their tech-transfer center.',
  'invite.send': 'Send invitation',
  'invite.sent': 'Invited {email}: the set-password link is on its way',
  'invite.noOrganization': 'Organization not listed?',
  'invite.createCenter': 'Create a tech-transfer center',
  'orgImport.template': 'Import template',
  'orgImport.templateHint': 'Download the Excel template; once filled in, the operator imports it with npm run orgs:import (every row checked; one error and nothing is imported)',
};
