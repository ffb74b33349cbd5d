import { isNavItemActive, NAV_SECTIONS, visibleSections } from './navigation';

const item = (testId: string) => {
  const found = NAV_SECTIONS.flatMap((section) => section.items).find(
    (candidate) => candidate.testId === testId,
  );
  if (!found) throw new Error(`No nav item ${testId}`);
  return found;
};

describe('navigation', () => {
  it('shows the survey entries by role', () => {
    const ids = (roles: Parameters<typeof visibleSections>[0]) =>
      visibleSections(roles).flatMap((section) => section.items.map((entry) => entry.testId));
    expect(ids(['EMPLOYEE'])).toEqual(expect.arrayContaining(['nav-my-surveys', 'nav-results']));
    expect(ids(['EMPLOYEE'])).not.toContain('nav-surveys');
    expect(ids(['HR'])).toContain('nav-surveys');
  });

  it('shows the desk entries from what the viewer works, not from roles', () => {
    const ids = (features: Parameters<typeof visibleSections>[1]) =>
      visibleSections(['EMPLOYEE'], features).flatMap((section) =>
        section.items.map((entry) => entry.testId),
      );
    expect(ids(new Set())).toContain('nav-requests');
    expect(ids(new Set())).not.toContain('nav-desk');
    expect(ids(new Set(['desk']))).toContain('nav-desk');
    expect(ids(new Set(['desk']))).not.toContain('nav-desk-dashboard');
    expect(ids(new Set(['desk', 'deskDashboard']))).toContain('nav-desk-dashboard');
    expect(isNavItemActive(item('nav-desk'), '/desk/requests/abc')).toBe(true);
    expect(isNavItemActive(item('nav-desk'), '/desk/dashboard')).toBe(false);
  });

  it('marks one survey entry active for each survey page', () => {
    const active = (pathname: string) =>
      ['nav-my-surveys', 'nav-results', 'nav-surveys'].filter((id) => isNavItemActive(item(id), pathname));
    expect(active('/surveys/mine')).toEqual(['nav-my-surveys']);
    expect(active('/surveys/mine/abc')).toEqual(['nav-my-surveys']);
    expect(active('/surveys/results')).toEqual(['nav-results']);
    expect(active('/surveys/abc/results')).toEqual(['nav-results']);
    expect(active('/surveys')).toEqual(['nav-surveys']);
    expect(active('/surveys/new')).toEqual(['nav-surveys']);
    expect(active('/surveys/abc')).toEqual(['nav-surveys']);
    expect(isNavItemActive(item('nav-home'), '/surveys')).toBe(false);
  });
});
