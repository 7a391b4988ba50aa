/** Client routes that more than one library links to; one place to rename them. */
export const WebPath = {
  signIn: 'sign-in',
  register: 'register',
  forgotPassword: 'forgot-password',
  resetPassword: 'reset-password',
  setup: 'setup',
  profile: 'profile',
  workspace: 'workspace',
  manage: 'manage',
  verification: 'manage/verification',
  users: 'manage/users',
  organizations: 'manage/organizations',
  auditLog: 'manage/audit-log',
  outbox: 'manage/outbox',
  jobs: 'manage/jobs',
  ndaVersions: 'manage/nda',
  fields: 'manage/fields',
  synonyms: 'manage/synonyms',
  results: 'results',
  needs: 'needs',
  experts: 'experts',
  laboratories: 'laboratories',
  carriers: 'carriers',
  instruments: 'instruments',
  notices: 'notices',
  myListings: 'workspace/listings',
  newResult: 'workspace/results/new',
  newNeed: 'workspace/needs/new',
  review: 'manage/review',
  import: 'manage/import',
  matching: 'manage/matching',
  dealBoard: 'manage/deals',
  deals: 'deals',
  myDeals: 'workspace/deals',
  kpis: 'manage/kpis',
} as const;

/** Only same-app paths are followed after sign-in (`//evil.example` is not one). */
export function safeReturnUrl(url: string | null | undefined): string | null {
  return url && url.startsWith('/') && !url.startsWith('//') && !url.startsWith('/\\') ? url : null;
}
