/** Route paths shared by the API controllers and the web data-access services. */
export const API_PREFIX = 'api';
export const ApiPath = {
  health: 'health',
  overview: 'stats/overview',
  home: 'portal/home',
  site: 'portal/site',
  organizations: 'organizations',
  experts: 'experts',
  laboratories: 'laboratories',
} as const;
