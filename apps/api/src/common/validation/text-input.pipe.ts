import { ArgumentMetadata, Injectable, PipeTransform } from '@nestjs/common';
import { DomainException, FieldIssue } from '../exceptions/domain.exception';

// C0 controls except tab, line feed and carriage return; DEL; C1 controls. PostgreSQL refuses NUL
// in text (a 500 before this pipe), and none of the others belongs in anything a person types.
const CONTROL = /(?![\t\n\r])\p{Cc}/u;
// Half of a surrogate pair: not text, and the drivers would silently store U+FFFD instead.
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
// Bodies are capped at a depth of 32 before parsing; this bound only keeps the walk finite.
const MAX_DEPTH = 64;

/** The constraint a string breaks, if any (names match the message catalogue in libs/shared/contracts). */
export function textConstraint(value: string): 'noControlCharacters' | 'wellFormedText' | null {
  if (CONTROL.test(value)) return 'noControlCharacters';
  if (LONE_SURROGATE.test(value)) return 'wellFormedText';
  return null;
}

/** Every string (and object key) in a parsed value that breaks a text constraint, by dotted path. */
export function textIssues(value: unknown, path = ''): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const stack: Array<{ value: unknown; path: string; depth: number }> = [{ value, path, depth: 0 }];
  for (let item = stack.pop(); item !== undefined; item = stack.pop()) {
    if (typeof item.value === 'string') {
      const constraint = textConstraint(item.value);
      if (constraint) issues.push({ field: item.path, constraint, args: [] });
    } else if (item.value !== null && typeof item.value === 'object' && !ArrayBuffer.isView(item.value) && item.depth < MAX_DEPTH) {
      for (const [key, child] of Object.entries(item.value)) {
        const keyConstraint = textConstraint(key);
        const safeKey = keyConstraint ? key.replace(/[^\u0020-\u007E\u00A0-\uD7FF\uE000-\uFFFF]/g, '\uFFFD') : key;
        const childPath = item.path ? `${item.path}.${safeKey}` : safeKey;
        if (keyConstraint) issues.push({ field: childPath, constraint: keyConstraint, args: [] });
        else stack.push({ value: child, path: childPath, depth: item.depth + 1 });
      }
    }
  }
  return issues.reverse();
}

/**
 * Runs before validation on every body, query string and path parameter, so no DTO can forget it:
 * control characters and broken Unicode are refused with a field-level 400 instead of reaching the
 * database. Tabs and line breaks stay allowed in free text.
 */
@Injectable()
export class TextInputPipe implements PipeTransform {
  transform(value: unknown, metadata: ArgumentMetadata): unknown {
    if (metadata.type === 'custom') return value;
    const issues = textIssues(value, metadata.data ?? '');
    if (issues.length > 0) throw DomainException.validation(issues);
    return value;
  }
}
