import { readFileSync } from 'node:fs';
import { browserSuite, useBrowserApp } from '../setup/browser';

/**
 * Surveys in the web app against the real API: an employee answers a pulse (keyboard and mouse, in English
 * then French) and HR sees its results only once k answers exist.
 * Needs the web build (`npm run build:web`): the API serves apps/web/dist.
 */

const HR = 'hr@meridian.example';
const EMPLOYEE = 'employee@meridian.example';
/** Unique, so the demo's own surveys never get in the way. */
const TITLE = `Team pulse ${Date.now().toString(36)}`;

browserSuite('web app: surveys', () => {
  const { inFreshPage, signIn, gql, login } = useBrowserApp();

  /** Answers the survey for one person, through the API: every scale question with 4 (eNPS 9). */
  async function answerThroughApi(email: string, surveyId: string): Promise<void> {
    const token = await login(email);
    const { mySurveys } = await gql<{
      mySurveys: { invitationId: string; surveyId: string; questions: { id: string; type: string }[] }[];
    }>('{ mySurveys { invitationId surveyId questions { id type } } }', {}, token);
    const invitation = mySurveys.find((candidate) => candidate.surveyId === surveyId);
    if (!invitation) throw new Error(`${email} is not invited`);
    const answers = invitation.questions.map((question) => ({
      questionId: question.id,
      value: question.type === 'NPS_0_10' ? 9 : 4,
    }));
    const result = await gql<{ submitSurveyResponse: { accepted: boolean } }>(
      'mutation ($input: SubmitSurveyResponseInput!) { submitSurveyResponse(input: $input) { accepted } }',
      { input: { invitationId: invitation.invitationId, answers } },
      token,
    );
    expect(result.submitSurveyResponse.accepted).toBe(true);
  }

  it('an employee answers a pulse; HR sees the result only once k answers exist', async () => {
    // HR opens a pulse for the employee's team, through the API.
    const hrToken = await login(HR);
    const setup = await gql<{
      organization: { anonymityThreshold: number };
      people: { items: { email: string; team: { id: string } | null }[] };
    }>(
      `query ($email: String!) {
        organization { anonymityThreshold }
        people(search: $email, offset: 0, limit: 1) { items { email team { id } } }
      }`,
      { email: EMPLOYEE },
      hrToken,
    );
    const k = setup.organization.anonymityThreshold;
    const teamId = setup.people.items[0]?.team?.id;
    if (!teamId) throw new Error('The demo employee has no team');
    const { people } = await gql<{ people: { items: { email: string | null }[] } }>(
      'query ($teamId: ID) { people(teamId: $teamId, offset: 0, limit: 100) { items { email } } }',
      { teamId },
      hrToken,
    );
    const colleagues = people.items
      .map((person) => person.email)
      .filter((email): email is string => email !== null && email !== EMPLOYEE);
    expect(colleagues.length).toBeGreaterThanOrEqual(k - 1);

    const { createSurvey } = await gql<{ createSurvey: { id: string; status: string } }>(
      `mutation ($input: CreateSurveyInput!) { createSurvey(input: $input) { id status } }`,
      { input: { templateKey: 'pulse', title: TITLE, audienceTeamIds: [teamId] } },
      hrToken,
    );
    expect(createSurvey.status).toBe('DRAFT');
    const surveyId = createSurvey.id;
    const { scheduleSurvey } = await gql<{ scheduleSurvey: { status: string } }>(
      `mutation ($id: ID!, $input: ScheduleSurveyInput!) { scheduleSurvey(id: $id, input: $input) { status } }`,
      {
        id: surveyId,
        input: {
          kind: 'ONE_OFF',
          opensAt: new Date().toISOString(),
          closesAt: new Date(Date.now() + 7 * 864e5).toISOString(),
        },
      },
      hrToken,
    );
    expect(scheduleSurvey.status).toBe('OPEN');

    // The employee answers in the browser.
    await inFreshPage('survey-employee-answers', async (page, baseUrl) => {
      await page.goto(`${baseUrl}/login`);
      await signIn(page, EMPLOYEE);
      await page.getByTestId('nav-my-surveys').click();
      await page.waitForURL((url) => url.pathname === '/surveys/mine');
      const row = page.getByTestId('my-survey-row').filter({ hasText: TITLE });
      expect(await row.getAttribute('data-state')).toBe('open');
      await row.getByTestId('my-survey-answer').click();
      const form = page.getByTestId('survey-answer-form');
      await form.waitFor();

      // What anonymity means here, before answering.
      const notice = page.getByTestId('survey-confidentiality');
      expect(await notice.getAttribute('data-mode')).toBe('ANONYMOUS');
      const noticeText = (await notice.textContent()) ?? '';
      expect(noticeText).toContain('Your answers are anonymous');
      expect(noticeText).toContain('Nothing stored links your answers to you');
      expect(noticeText).toContain(`at least ${k}`);

      // A pulse: the eNPS question plus rotating agreement statements, all required.
      const questionIds = await form
        .locator('[data-testid^="question-"]')
        .evaluateAll((nodes) =>
          nodes.map((node) => node.getAttribute('data-testid')!.replace('question-', '')),
        );
      expect(questionIds[0]).toBe('enps');
      expect(questionIds.length).toBeGreaterThanOrEqual(4);
      const enps = page.getByTestId('question-enps');
      expect(await enps.textContent()).toContain('0 = Not at all likely, 10 = Extremely likely');
      expect(await enps.getByRole('radiogroup').count()).toBe(1);
      expect(await enps.getByRole('radio').count()).toBe(11);

      // Sending nothing: every question says what is missing, and the summary takes the focus.
      await page.getByTestId('survey-submit').click();
      const problems = page.getByTestId('survey-problems');
      await problems.waitFor();
      expect(await problems.evaluate((node) => node.ownerDocument.activeElement === node)).toBe(true);
      expect(await enps.textContent()).toContain('Please answer this question.');

      // eNPS with the keyboard: 8 then the right arrow key moves to 9.
      await enps.getByRole('radio', { name: '8', exact: true }).focus();
      await page.keyboard.press('Space');
      await page.keyboard.press('ArrowRight');
      expect(await enps.getByRole('radio', { name: '9', exact: true }).isChecked()).toBe(true);
      expect(await enps.textContent()).not.toContain('Please answer this question.');
      // The first statement with the mouse.
      await page
        .getByTestId(`question-${questionIds[1]}`)
        .getByRole('radio', { name: '4', exact: true })
        .click();

      // The same form in French, the way the app switches language; answers given so far stay.
      await page.getByTestId('language-menu').click();
      await page.getByTestId('language-fr').click();
      await page.getByText('Vos réponses sont anonymes').waitFor();
      expect(await page.locator('html').getAttribute('lang')).toBe('fr');
      expect(await enps.textContent()).toContain('Quelle est la probabilité');
      expect(await enps.textContent()).toContain('0 = Pas du tout probable, 10 = Très probable');
      expect(await page.getByTestId('survey-submit').textContent()).toContain('Envoyer mes réponses');
      expect(await enps.getByRole('radio', { name: '9', exact: true }).isChecked()).toBe(true);
      // The remaining statements, with the mouse, in French.
      for (const id of questionIds.slice(2)) {
        const question = page.getByTestId(`question-${id}`);
        expect(await question.textContent()).toContain('Pas du tout d’accord');
        await question.getByRole('radio', { name: '5', exact: true }).click();
      }
      await page.getByTestId('survey-submit').click();
      const confirmation = page.getByTestId('survey-confirmation');
      await confirmation.waitFor();
      expect(await confirmation.textContent()).toContain('Merci, vos réponses sont enregistrées');

      // The invitation's notification leads back to the list, where the survey is now answered.
      await page.getByTestId('notification-bell').click();
      await page.getByTestId('notification-item').filter({ hasText: TITLE }).click();
      await page.waitForURL((url) => url.pathname === '/surveys/mine');
      await page
        .locator('[data-testid="my-survey-row"][data-state="answered"]')
        .filter({ hasText: TITLE })
        .waitFor();
    });

    // HR opens the results: one answer, fewer than k, so no figure at all.
    await inFreshPage('survey-hr-results', async (page, baseUrl) => {
      await page.goto(`${baseUrl}/login`);
      await signIn(page, HR);
      await page.getByTestId('nav-results').click();
      await page.waitForURL((url) => url.pathname === '/surveys/results');
      await page.getByTestId('results-survey-row').filter({ hasText: TITLE }).getByRole('link').click();
      await page.waitForURL((url) => url.pathname === `/surveys/${surveyId}/results`);

      const respondents = page.getByTestId('results-focus-respondents');
      await respondents.waitFor();
      expect(await respondents.getByTestId('results-not-enough').textContent()).toContain(
        'Not enough answers',
      );
      expect(await respondents.getByTestId('results-respondents-value').count()).toBe(0);
      expect(await respondents.textContent()).not.toContain('response rate');
      const enpsResult = page.getByTestId('results-question-enps');
      expect(await enpsResult.getByTestId('results-not-enough').count()).toBe(1);
      expect(await enpsResult.getByTestId('results-question-score').count()).toBe(0);

      // k − 1 colleagues answer (through the API): k answers now exist.
      for (const email of colleagues.slice(0, k - 1)) await answerThroughApi(email, surveyId);

      await page.reload();
      const value = page.getByTestId('results-respondents-value');
      await value.waitFor();
      expect((await value.textContent())?.trim()).toBe(String(k));
      expect(await page.getByTestId('results-response-rate').textContent()).toContain('response rate');
      expect(await respondents.getByTestId('results-not-enough').count()).toBe(0);
      // The eNPS question now has its figure and its bars.
      await enpsResult.getByTestId('results-question-score').waitFor();
      expect(await enpsResult.getByTestId('results-not-enough').count()).toBe(0);
      expect(await enpsResult.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(0);

      // The same results as a CSV file, one line per group and question.
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByTestId('results-csv').click(),
      ]);
      expect(download.suggestedFilename()).toMatch(/\.csv$/);
      const csv = readFileSync((await download.path())!, 'utf8');
      expect(csv.split('\n')[0]).toContain('group,question');
      expect(csv).toMatch(new RegExp(`^Organisation,enps,NPS_0_10,${k},${k},`, 'm'));
    });
  });
});
