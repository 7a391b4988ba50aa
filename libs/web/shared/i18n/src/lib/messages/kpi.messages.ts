/** KPI dashboard, subsidy report and portal headline strings; spread into MESSAGES. */
export const KPI_ZH_CN = {
  'nav.kpis': '绩效看板',
} as const;

export const KPI_EN: Record<keyof typeof KPI_ZH_CN, string> = {
  'nav.kpis': 'KPI dashboard',
};
