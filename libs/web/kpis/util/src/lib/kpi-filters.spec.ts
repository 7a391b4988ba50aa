import { institutionIdOf, institutionKey, institutionOf, kpiParams, shanghaiYear, yearChoices } from './kpi-filters';

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

  it('names an institution in an address by its credit code, and reads old addresses by id', () => {
    const id = '0b7e6d1c-2f3a-4b5c-8d9e-0a1b2c3d4e5f';
    const none = 'f0e1d2c3-b4a5-4968-8776-655443322110';
    const list = [{ id, creditCode: '12320000MB10000012' }, { id: none, creditCode: null }];
    expect(institutionKey(id, list)).toBe('12320000MB10000012');
    expect(institutionKey(none, list)).toBe(none);
    expect(institutionKey(null, list)).toBeNull();
    expect(institutionIdOf('12320000MB10000012', list)).toBe(id);
    expect(institutionIdOf('12320000mb10000012', list)).toBe(id);
    expect(institutionIdOf(id.toUpperCase(), list)).toBe(id);
    expect(institutionIdOf('91320000XXXXXXXXXX', list)).toBeNull();
    expect(institutionIdOf(undefined, list)).toBeNull();
    // While the list loads: an id is usable at once, a code waits.
    expect(institutionIdOf(id, null)).toBe(id);
    expect(institutionIdOf('12320000MB10000012', null)).toBeUndefined();
  });
});
