export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
  changed: boolean;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Field-by-field comparison of an audit event's before/after snapshots (either may be null: creation,
 * deletion). Null when they are not objects, in which case only the raw JSON is shown.
 */
export function diffSnapshots(before: unknown, after: unknown): FieldChange[] | null {
  const left = before ?? {};
  const right = after ?? {};
  if (!isRecord(left) || !isRecord(right)) return null;
  const fields = [...new Set([...Object.keys(left), ...Object.keys(right)])].sort();
  return fields.map((field) => ({
    field,
    before: left[field],
    after: right[field],
    changed: JSON.stringify(left[field]) !== JSON.stringify(right[field]),
  }));
}

/** Compact, readable rendering of one JSON value. */
export function showValue(value: unknown): string {
  if (value === undefined) return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

export function prettyJson(value: unknown): string {
  return value === null || value === undefined ? 'null' : JSON.stringify(value, null, 2);
}
