import { FieldNode } from '@xkx/contracts';

export interface FieldOption {
  code: string;
  nameZh: string;
  nameEn: string;
  depth: number;
}

/** The tree flattened in display order, each node with its depth (for indented options). */
export function flattenFields(nodes: readonly FieldNode[], depth = 0): FieldOption[] {
  return nodes.flatMap((n) => [{ code: n.code, nameZh: n.nameZh, nameEn: n.nameEn, depth }, ...flattenFields(n.children, depth + 1)]);
}

/** code → node names, for showing codes as words. */
export function fieldIndex(nodes: readonly FieldNode[]): Map<string, FieldOption> {
  return new Map(flattenFields(nodes).map((o) => [o.code, o]));
}
