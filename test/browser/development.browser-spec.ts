import type { Page } from 'playwright-core';
import { browserSuite, useBrowserApp } from '../setup/browser';

/**
 * Team development in the web app against the real API: a front-line employee logs a decision
 * beyond their rights, their manager confirms it and sees the team's autonomy index move; an
 * employee enrols in a session, completes it and rates it; the manager records a development review;
 * the manager assesses someone from the team skills matrix, approves their requested enrolment and
 * records a new responsibility in their role history.
 * Needs the web build (`npm run build:web`).
 */

const EMPLOYEE = 'employee@meridian.example';
const MANAGER = 'manager@meridian.example';
const TAG = Date.now().toString(36);

browserSuite('web app: team development', () => {
  const { inFreshPage, signIn, gql, login } = useBrowserApp();

  async function choose(page: Page, testId: string, option: string): Promise<void> {
    await page.getByTestId(testId).click();
    await page.getByRole('option', { name: option, exact: true }).click();
  }

  async function teamIndex(token: string, teamId: string): Promise<{ pct: number; confirmed: number }> {
    const { autonomyIndex } = await gql<{
      autonomyIndex: { current: { settledWithoutEscalationPercent: number; beyondRightsConfirmed: number } };
    }>(
      `query ($t: ID) { autonomyIndex(teamId: $t) { current { settledWithoutEscalationPercent beyondRightsConfirmed } } }`,
      { t: teamId },
      token,
    );
    return {
      pct: autonomyIndex.current.settledWithoutEscalationPercent,
      confirmed: autonomyIndex.current.beyondRightsConfirmed,
    };
  }

  it('an employee logs a decision beyond rights, the manager confirms it and the team’s autonomy index moves', async () => {
    const managerToken = await login(MANAGER);
    const { developmentReviewTeams } = await gql<{ developmentReviewTeams: { id: string; name: string }[] }>(
      '{ developmentReviewTeams { id name } }',
      {},
      managerToken,
    );
    const teamId = developmentReviewTeams.find((t) => t.name === 'Customer Service — Lyon')!.id;
    const before = await teamIndex(managerToken, teamId);
    const summary = `Goodwill gesture for a leaving customer ${TAG}`;

    await inFreshPage('development-employee-logs', async (page, baseUrl) => {
      await page.goto(`${baseUrl}/login`);
      await signIn(page, EMPLOYEE);
      await page.getByTestId('nav-development-decisions').click();
      await page.waitForURL((url) => url.pathname === '/development/decisions');
      await page.getByTestId('decision-kind').getByText('Beyond my rights').click();
      await choose(page, 'decision-type', 'Commercial gesture');
      await page.getByTestId('decision-amount').fill('450');
      await page.getByTestId('decision-summary').fill(summary);
      // Without a justification the API refuses it, clearly.
      await page.getByTestId('decision-submit').click();
      await page
        .getByTestId('dev-error')
        .getByText(/why you went beyond your rights/i)
        .waitFor();
      await page
        .getByTestId('decision-justification')
        .fill('A customer of 20 years was cancelling every contract; waiting would have lost them.');
      await page.getByTestId('decision-submit').click();
      await page.getByTestId('decision-logged').waitFor();
      await page.getByTestId('my-decisions').getByText(summary).waitFor();
      // The amount is shown as the exact decimal the API stored.
      await page
        .getByTestId('my-decisions')
        .locator('tr', { hasText: summary })
        .getByText('Commercial gesture · 450.00')
        .waitFor();
    });

    let shownBefore = '';
    await inFreshPage('development-manager-confirms', async (page, baseUrl) => {
      await page.goto(`${baseUrl}/login`);
      await signIn(page, MANAGER);
      await page.getByTestId('nav-development-review').click();
      await page.waitForURL((url) => url.pathname === '/development/review');
      // The card: the share (one decimal, which one more decision may not move) and the count of
      // decisions awaiting review (which it does).
      shownBefore = (await page.getByTestId('review-autonomy-settled').textContent()) ?? '';
      await page.getByTestId('nav-development-decisions').click();
      const row = page.getByTestId('pending-reviews').locator('tr', { hasText: summary });
      await row.getByRole('button', { name: 'Confirm', exact: true }).click();
      await row.waitFor({ state: 'detached' });
      await page.getByTestId('nav-development-review').click();
      await page.waitForURL((url) => url.pathname === '/development/review');
      // Evaluated in the page (a string: the test project has no DOM types).
      await page.waitForFunction(
        `(() => { const el = document.querySelector('[data-testid="review-autonomy-settled"]');
          return !!el && el.textContent !== ${JSON.stringify(shownBefore)}; })()`,
      );
    });
    const after = await teamIndex(managerToken, teamId);
    expect(after.confirmed).toBe(before.confirmed + 1);
    expect(after.pct).toBeGreaterThan(before.pct);
  });

  it('an employee enrols in a session, completes it and rates it', async () => {
    await inFreshPage('development-training', async (page, baseUrl) => {
      await page.goto(`${baseUrl}/login`);
      await signIn(page, EMPLOYEE);
      await page.getByTestId('nav-development-training').click();
      await page.waitForURL((url) => url.pathname === '/development/training');
      const row = page
        .getByTestId('sessions')
        .locator('tr', { hasText: 'E-learning: our digital tools' })
        .first();
      await row.getByRole('button', { name: 'Enrol' }).click();
      await row.getByText('Enrolled').waitFor();
      const mine = page
        .getByTestId('my-enrolments')
        .getByTestId('enrolment-E-learning: our digital tools')
        .first();
      await mine.getByTestId('enrolment-complete').click();
      await mine.getByTestId('enrolment-status').getByText('Completed').waitFor();
      await mine.getByTestId('rate-csat').getByText('5', { exact: true }).click();
      await mine.getByTestId('rate-submit').click();
      await mine.getByText('Rated').waitFor();
      // Their own page shows it with their skills, plan and decisions.
      await page.getByTestId('nav-development-me').click();
      await page.waitForURL((url) => url.pathname === '/development/me');
      await page.getByTestId('me-autonomy').waitFor();
      await page
        .getByTestId('my-enrolments')
        .getByTestId('enrolment-E-learning: our digital tools')
        .first()
        .getByText('Completed')
        .waitFor();
      await page.getByTestId('plan').first().waitFor();
    });
  });

  it('the manager records a development review with an action', async () => {
    const conclusions = `Leeway on gestures works; next: negotiation training ${TAG}`;
    await inFreshPage('development-review', async (page, baseUrl) => {
      await page.goto(`${baseUrl}/login`);
      await signIn(page, MANAGER);
      await page.goto(`${baseUrl}/development/review`);
      await page.getByTestId('review-team-name').waitFor();
      await page.getByTestId('review-conclusions').fill(conclusions);
      await page.getByTestId('review-add-action').click();
      await page.getByTestId('review-action-0-title').fill('Enrol the team in negotiation training');
      // An action without an owner is refused, and nothing is recorded.
      await page.getByTestId('review-submit').click();
      await page.getByTestId('dev-error').waitFor();
      await choose(page, 'review-action-0-owner', 'Camille Durand');
      await page.getByTestId('review-submit').click();
      await page.getByTestId('review-saved').waitFor();
      await page.getByTestId('past-reviews').getByText(conclusions).waitFor();
    });
  });

  it('the manager assesses someone from the skills matrix, approves their enrolment request and records a role change', async () => {
    const [employeeToken, managerToken] = await Promise.all([login(EMPLOYEE), login(MANAGER)]);
    const { myDevelopment: me } = await gql<{
      myDevelopment: { personId: string; personName: string; teamName: string | null };
    }>('{ myDevelopment { personId personName teamName } }', {}, employeeToken);
    const { developmentReviewTeams } = await gql<{ developmentReviewTeams: { id: string; name: string }[] }>(
      '{ developmentReviewTeams { id name } }',
      {},
      managerToken,
    );
    const team = developmentReviewTeams.find((t) => t.name === me.teamName)!;
    expect(team).toBeDefined();

    // The employee asks for a seat in a session that needs approval: the request waits.
    const { trainingSessions } = await gql<{
      trainingSessions: {
        id: string;
        courseTitle: string;
        requiresApproval: boolean;
        seatsTaken: number;
        capacity: number;
        myStatus: string | null;
      }[];
    }>(
      '{ trainingSessions { id courseTitle requiresApproval seatsTaken capacity myStatus } }',
      {},
      employeeToken,
    );
    const session = trainingSessions.find(
      (s) => s.requiresApproval && !s.myStatus && s.seatsTaken < s.capacity,
    )!;
    expect(session).toBeDefined();
    const { enrol } = await gql<{ enrol: { id: string; status: string } }>(
      'mutation ($s: ID!) { enrol(input: { sessionId: $s }) { id status } }',
      { s: session.id },
      employeeToken,
    );
    expect(enrol.status).toBe('REQUESTED');

    // A skill of the matrix and a level other than the current one.
    const { skillsMatrix } = await gql<{
      skillsMatrix: {
        skills: { id: string; name: string }[];
        rows: { personId: string; levels: (number | null)[] }[];
      };
    }>(
      'query ($t: ID!) { skillsMatrix(teamId: $t) { skills { id name } rows { personId levels } } }',
      { t: team.id },
      managerToken,
    );
    const row = skillsMatrix.rows.find((r) => r.personId === me.personId)!;
    const skill = skillsMatrix.skills[0];
    const newLevel = row.levels[0] === 3 ? 2 : 3;
    const note = `Handles complex claims alone ${TAG}`;
    const responsibility = `Referent for the new ticketing tool ${TAG}`;

    await inFreshPage('development-manager-actions', async (page, baseUrl) => {
      await page.goto(`${baseUrl}/login`);
      await signIn(page, MANAGER);
      // The skills matrix: a click on the cell opens the assessment.
      await page.goto(`${baseUrl}/development/skills`);
      await page.getByTestId('skills-matrix').waitFor();
      await choose(page, 'matrix-team', team.name);
      const cellName = `Assess ${me.personName} on ${skill.name}`;
      await page.getByRole('button', { name: cellName, exact: true }).click();
      const modal = page.getByTestId('assess-modal');
      await modal.getByTestId('assess-level').getByText(String(newLevel), { exact: true }).click();
      await modal.getByTestId('assess-note').fill(note);
      await modal.getByTestId('assess-submit').click();
      await modal.waitFor({ state: 'detached' });
      // The matrix shows the manager's level.
      await page
        .getByRole('button', { name: cellName, exact: true })
        .filter({ hasText: new RegExp(`^${newLevel}( / \\d)?$`) })
        .waitFor();

      // The training page: the request, approved.
      await page.goto(`${baseUrl}/development/training`);
      await choose(page, 'requests-team', team.name);
      const request = page
        .getByTestId('enrolment-requests')
        .locator('tr', { hasText: me.personName })
        .filter({ hasText: session.courseTitle });
      await request.getByRole('button', { name: 'Approve', exact: true }).click();
      await request.waitFor({ state: 'detached' });

      // The plans page: a new responsibility, shown in the person's role history.
      await page.goto(`${baseUrl}/development/plans`);
      await choose(page, 'plans-team', team.name);
      await choose(page, 'role-change-person', me.personName);
      await choose(page, 'role-change-kind', 'New responsibility');
      await page.getByTestId('role-change-note').fill(responsibility);
      await page.getByTestId('role-change-submit').click();
      await page.getByTestId('role-change-saved').waitFor();
      await page.getByTestId('role-history').getByText(responsibility, { exact: false }).waitFor();
    });

    const after = await gql<{
      personSkills: { skillId: string; managerLevel: number | null; level: number | null }[];
      skillAssessments: { skillId: string; source: string; level: number; note: string }[];
      enrolments: { id: string; status: string }[];
      roleHistory: { kind: string; note: string }[];
    }>(
      `query ($p: ID!) {
        personSkills(personId: $p) { skillId managerLevel level }
        skillAssessments(personId: $p) { skillId source level note }
        enrolments(personId: $p) { id status }
        roleHistory(personId: $p) { kind note }
      }`,
      { p: me.personId },
      managerToken,
    );
    const assessed = after.personSkills.find((s) => s.skillId === skill.id)!;
    expect(assessed.managerLevel).toBe(newLevel);
    expect(assessed.level).toBe(newLevel);
    expect(after.skillAssessments).toContainEqual({
      skillId: skill.id,
      source: 'MANAGER',
      level: newLevel,
      note,
    });
    expect(after.enrolments.find((e) => e.id === enrol.id)?.status).toBe('APPROVED');
    expect(after.roleHistory).toContainEqual({ kind: 'NEW_RESPONSIBILITY', note: responsibility });
  });
});
