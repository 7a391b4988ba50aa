import { institutionOf, kpiParams, shanghaiYear, yearChoices } from './kpi-filters';

describe('KPI filters', () => {
  it('drops empty filters from the query', () => {
    expect(kpiParams({ year: 2026, view: 'registered', institutionId: null, fieldCode: 'NE', brokerId: null, dimension: 'MONTH', key: '03' })).toEqual({ year: '2026', view: 'registered', fieldCode: 'NE', dimension: 'MONTH', key: '03' });
  });

  it('knows the year in Shanghai and offers six years', () => {
    expect(shanghaiYear(new Date('2025-12-31T16:30:00Z'))).toBe(2026);
    expect(yearChoices(2026)).toEqual([2026, 2025, 2024, 2023, 2022, 2021]);
  });

  it('finds the institution a user’s organization stands for', () => {
    const institutions = [{ id: 'nju', nameZh: '南京大学' }, { id: 'njupt', nameZh: '南京邮电大学' }, { id: 'nj', nameZh: '南京' }];
    expect(institutionOf({ id: 'u1', nameZh: '东南大学', kind: 'UNIVERSITY' }, institutions)).toBe('u1');
    expect(institutionOf({ id: 'a1', nameZh: '南京大学技术转移中心', kind: 'AGENCY' }, institutions)).toBe('nju');
    expect(institutionOf({ id: 'a2', nameZh: '栖霞区技术转移中心', kind: 'AGENCY' }, institutions)).toBeNull();
    expect(institutionOf({ id: 'e1', nameZh: '南京大学科技园公司', kind: 'ENTERPRISE' }, institutions)).toBeNull();
    expect(institutionOf(null, institutions)).toBeNull();
  });
});
