import { pinyin } from 'pinyin-pro';

/** Search keys for a Chinese name: "nanjingdaxue" and "njdx" for 南京大学. */
export function pinyinKeys(name: string): { pinyin: string; pinyinInitials: string } {
  const syllables = pinyin(name, { toneType: 'none', type: 'array', nonZh: 'consecutive' });
  const full = syllables.join('').toLowerCase().replace(/[^a-z0-9]/g, '');
  const initials = syllables
    .map((s) => s.trim().charAt(0))
    .join('')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
  return { pinyin: full, pinyinInitials: initials };
}
