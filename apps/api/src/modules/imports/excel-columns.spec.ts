import { labelToCode, yesNo } from '../../common/excel/sheet-columns';
import { fenToWan, parseIndicators, parseIpAssets, wanToFen } from './excel-columns';
import { TRANSFER_MODE_LABELS } from '@xkx/contracts';

describe('excel cell parsing', () => {
  it('reads 万元 exactly into fen and back', () => {
    expect(wanToFen('50')).toBe(50_000_000);
    expect(wanToFen('12.3456')).toBe(12_345_600);
    expect(wanToFen('0.01')).toBe(10_000);
    expect(wanToFen('')).toBeNull();
    expect(wanToFen('abc')).toBe('abc');
    expect(wanToFen('1.5亿')).toBe(15_000_000_000);
    expect(wanToFen('3,000,000元')).toBe(300_000_000);
    expect(wanToFen('３００')).toBe(300_000_000);
    expect(fenToWan(50_000_000)).toBe('50');
    expect(fenToWan(123_456_000)).toBe('123.456');
    expect(fenToWan(1)).toBe('0.000001');
  });
  it('maps labels in either language to codes', () => {
    expect(labelToCode(TRANSFER_MODE_LABELS, '独占许可')).toBe('LICENSE_EXCLUSIVE');
    expect(labelToCode(TRANSFER_MODE_LABELS, 'Assignment')).toBe('TRANSFER');
    expect(labelToCode(TRANSFER_MODE_LABELS, '送人')).toBe('送人');
  });
  it('reads yes/no, indicators and IP lists', () => {
    expect(yesNo('是')).toBe(true);
    expect(yesNo('')).toBe(false);
    expect(yesNo('也许')).toBe('也许');
    expect(parseIndicators('容量保持率:≥90:%; 能量密度：300')).toEqual([{ name: '容量保持率', value: '≥90', unit: '%' }, { name: '能量密度', value: '300' }]);
    expect(parseIpAssets('发明专利:CN202310000001.5:已授权')).toEqual([{ type: 'INVENTION_PATENT', number: 'CN202310000001.5', status: 'GRANTED' }]);
  });
});
