/**
 * 栖霞区高校参考名录 — the universities with a campus in Nanjing's Qixia district (仙林大学城 and around),
 * bundled for `npm run orgs:import -- --qixia`. Imported only when an operator asks for it; never at start.
 *
 * Source: the institutions' public names as in the Ministry of Education's list of institutions of higher
 * education (教育部《全国高等学校名单》) and on their own websites; the addresses are those of the campuses
 * in Qixia that the institutions publish, given only where we are sure of them (otherwise left empty).
 * The list is deliberately short: an institution is here only if we are sure of its name and that it
 * is in Qixia. Research institutes are not listed yet for the same reason; add them by file import.
 *
 * 统一社会信用代码 are LEFT EMPTY ON PURPOSE: none has been checked against the official registers (the
 * public register of 事业单位法人 for public universities, 国家企业信用信息公示系统 or the 民政 register for
 * the others), and a code is never invented.
 * Fill them in on the organization page, or import a file with the codes and `--update`.
 *
 * Rows go through exactly the validation and matching of a sheet import (by full name, as they have no
 * code), so a second run changes nothing.
 */
export const QIXIA_LIST_NAME = '栖霞区高校参考名录 (bundled --qixia list)';

export const QIXIA_ORGANIZATIONS: ReadonlyArray<Readonly<Record<string, string>>> = [
  { nameZh: '南京大学', shortName: '南大', nameEn: 'Nanjing University', kind: '高校', address: '南京市栖霞区仙林大道163号' },
  { nameZh: '南京师范大学', shortName: '南师大', nameEn: 'Nanjing Normal University', kind: '高校', address: '南京市栖霞区文苑路1号' },
  { nameZh: '南京邮电大学', shortName: '南邮', nameEn: 'Nanjing University of Posts and Telecommunications', kind: '高校', address: '南京市栖霞区文苑路9号' },
  { nameZh: '南京财经大学', shortName: '南财', nameEn: 'Nanjing University of Finance and Economics', kind: '高校', address: '南京市栖霞区文苑路3号' },
  { nameZh: '南京中医药大学', shortName: '南中医', nameEn: 'Nanjing University of Chinese Medicine', kind: '高校', address: '南京市栖霞区仙林大道138号' },
  { nameZh: '南京理工大学紫金学院', kind: '高校' },
  { nameZh: '南京工业职业技术大学', kind: '高校' },
  { nameZh: '南京信息职业技术学院', kind: '高校' },
  { nameZh: '南京森林警察学院', kind: '高校' },
];

/** The list as sheet rows (entry n is "row" n in messages). */
export function qixiaRows(): Array<{ row: number; values: Record<string, string> }> {
  return QIXIA_ORGANIZATIONS.map((values, i) => ({ row: i + 1, values: { ...values } }));
}
