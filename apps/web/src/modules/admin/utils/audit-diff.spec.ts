import { diffSnapshots, showValue } from './audit-diff';

describe('diffSnapshots', () => {
  it('lists every field and flags the changed ones', () => {
    expect(diffSnapshots({ a: 1, b: 'x' }, { a: 1, b: 'y', c: true })).toEqual([
      { field: 'a', before: 1, after: 1, changed: false },
      { field: 'b', before: 'x', after: 'y', changed: true },
      { field: 'c', before: undefined, after: true, changed: true },
    ]);
  });

  it('treats a missing side as empty (creation, deletion)', () => {
    expect(diffSnapshots(null, { a: 1 })).toEqual([
      { field: 'a', before: undefined, after: 1, changed: true },
    ]);
  });

  it('gives up on non-objects', () => {
    expect(diffSnapshots([1], [2])).toBeNull();
    expect(diffSnapshots('a', 'b')).toBeNull();
  });

  it('shows values compactly', () => {
    expect(showValue(undefined)).toBe('—');
    expect(showValue('text')).toBe('text');
    expect(showValue({ a: [1] })).toBe('{"a":[1]}');
  });
});
