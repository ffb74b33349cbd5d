import { closingTimeOf, internalPath, isKnownKind } from './notification-text';

describe('notification text', () => {
  it('reads the closing time of survey notifications', () => {
    expect(closingTimeOf('Open until 2026-03-09 17:00 UTC')).toBe('2026-03-09T17:00:00Z');
    expect(closingTimeOf('Closes 2026-03-09 07:05 UTC')).toBe('2026-03-09T07:05:00Z');
    expect(closingTimeOf('Something else')).toBeNull();
    expect(isKnownKind('SURVEY_REMINDER')).toBe(true);
    expect(isKnownKind('SOMETHING_NEW')).toBe(false);
  });

  it('follows only links inside the app', () => {
    expect(internalPath('/surveys/mine')).toBe('/surveys/mine');
    expect(internalPath('//evil.example/x')).toBeNull();
    expect(internalPath('https://evil.example')).toBeNull();
    expect(internalPath(null)).toBeNull();
  });
});
