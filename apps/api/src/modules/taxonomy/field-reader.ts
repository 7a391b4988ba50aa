import { EntityManager, In } from 'typeorm';
import { TechnologyFieldEntity } from './technology-field.entity';

/** What other modules may read of the technology-field tree (the taxonomy module owns it): plain facts. */
export interface FieldName {
  code: string;
  nameZh: string;
}

/** Chinese names of the given field codes (any order; unknown codes are absent). */
export async function fieldNames(manager: EntityManager, codes: readonly string[]): Promise<FieldName[]> {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return [];
  const rows = await manager.find(TechnologyFieldEntity, { where: { code: In(unique) }, select: ['code', 'nameZh'] });
  return rows.map((f) => ({ code: f.code, nameZh: f.nameZh }));
}

/** Every field's code with its Chinese and English names (the tree is about a hundred rows). */
export async function allFieldNames(manager: EntityManager): Promise<Array<{ code: string; nameZh: string; nameEn: string }>> {
  const rows = await manager.find(TechnologyFieldEntity, { select: ['code', 'nameZh', 'nameEn'] });
  return rows.map((f) => ({ code: f.code, nameZh: f.nameZh, nameEn: f.nameEn }));
}
