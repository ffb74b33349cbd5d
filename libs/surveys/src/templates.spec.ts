import { validateAnswerSet } from './answer-validation';
import { assertValidQuestions, isScaleType, Question, STANDARD_DRIVERS } from './question-types';
import {
  ENGAGEMENT_ITEMS,
  ENGAGEMENT_TEMPLATE,
  ENPS_QUESTION,
  getTemplate,
  instantiateTemplate,
  listTemplates,
  MANAGER_FEEDBACK_TEMPLATE,
  pickPulseQuestions,
  PULSE_ITEM_POOL,
  pulseTemplate,
  REQUEST_CLOSURE_TEMPLATE,
  SUBJECT_KINDS,
  SUBJECT_PLACEHOLDER,
  SUPPORT_SERVICE_TEMPLATE,
  SUPPORT_SERVICES,
  TEMPLATE_KEYS,
  TemplateKey,
  templateNeedsSubject,
  TRAINING_FEEDBACK_TEMPLATE,
} from './templates';
import { expectCode } from './testing/expect-code';

const typesOf = (questions: readonly Question[]): string[] => questions.map((question) => question.type);

describe('shipped templates', () => {
  it('ships one template per key, each with a known subject kind', () => {
    const templates = listTemplates();
    expect(templates.map((template) => template.key)).toEqual([...TEMPLATE_KEYS]);
    for (const template of templates) expect(SUBJECT_KINDS).toContain(template.subjectKind);
  });

  it.each(TEMPLATE_KEYS)('%s: valid questions, unique ids, real English and French text', (key) => {
    const template = getTemplate(key);
    expect(() => assertValidQuestions(template.questions)).not.toThrow();
    for (const localized of [template.name, template.description, ...template.questions.map((q) => q.text)]) {
      expect(localized.en.trim().length).toBeGreaterThan(3);
      expect(localized.fr.trim().length).toBeGreaterThan(3);
      expect(localized.fr).not.toBe(localized.en);
      expect(`${localized.en} ${localized.fr}`).not.toMatch(/TODO|lorem|\{(?!subject\})/i);
    }
  });

  it.each(TEMPLATE_KEYS)(
    '%s: answerable end to end (instantiate, answer every required question, validate)',
    (key) => {
      const questions = instantiateTemplate(getTemplate(key), SUPPORT_SERVICES.payroll);
      const answers = questions.map((question) => ({
        questionId: question.id,
        value: isScaleType(question.type)
          ? 4
          : question.type === 'YES_NO'
            ? true
            : question.type === 'SINGLE_CHOICE'
              ? question.options[0].id
              : question.type === 'MULTIPLE_CHOICE'
                ? [question.options[0].id]
                : 'Très bien, merci.',
      }));
      expect(validateAnswerSet(questions, answers).ok).toBe(true);
    },
  );

  it('getTemplate returns an editable copy that does not alter the shipped data', () => {
    const copy = getTemplate('engagement');
    (copy.questions[0].text as { en: string }).en = 'Edited';
    expect(getTemplate('engagement').questions[0].text.en).not.toBe('Edited');
    expect(ENGAGEMENT_TEMPLATE.questions[0].text.en).not.toBe('Edited');
    expectCode(() => getTemplate('exit_interview' as TemplateKey), 'INVALID_TEMPLATE');
  });
});

describe('engagement template', () => {
  it('starts with eNPS and ends with an optional comment', () => {
    expect(ENGAGEMENT_TEMPLATE.questions[0]).toBe(ENPS_QUESTION);
    expect(ENPS_QUESTION.type).toBe('NPS_0_10');
    const last = ENGAGEMENT_TEMPLATE.questions[ENGAGEMENT_TEMPLATE.questions.length - 1];
    expect(last).toMatchObject({ type: 'FREE_TEXT', required: false });
    expect(ENGAGEMENT_TEMPLATE).toMatchObject({
      subjectKind: 'ORGANIZATION',
      defaultConfidentiality: 'ANONYMOUS',
    });
  });

  it.each(STANDARD_DRIVERS)('has 2-3 Likert items for driver %s', (driver) => {
    const items = ENGAGEMENT_TEMPLATE.questions.filter((question) => question.driver === driver);
    expect(items.length).toBeGreaterThanOrEqual(2);
    expect(items.length).toBeLessThanOrEqual(3);
    for (const item of items) expect(item.type).toBe('LIKERT_5');
  });

  it('every Likert item has a driver', () => {
    for (const item of ENGAGEMENT_ITEMS) expect(item.driver).toBeDefined();
  });
});

describe('pulse', () => {
  it('pool: two items per driver, interleaved by driver, shared with the engagement survey', () => {
    expect(PULSE_ITEM_POOL).toHaveLength(14);
    expect(PULSE_ITEM_POOL.map((item) => item.driver)).toEqual([...STANDARD_DRIVERS, ...STANDARD_DRIVERS]);
    for (const item of PULSE_ITEM_POOL) expect(ENGAGEMENT_ITEMS).toContain(item);
  });

  it('every wave: eNPS first, then 4 items by default', () => {
    const questions = pickPulseQuestions(1);
    expect(questions[0]).toBe(ENPS_QUESTION);
    expect(questions.map((question) => question.id)).toEqual([
      'enps',
      'autonomy_1',
      'recognition_1',
      'growth_1',
      'pay_1',
    ]);
    expect(pickPulseQuestions(2).map((question) => question.id)).toEqual([
      'enps',
      'manager_1',
      'support_1',
      'workload_1',
      'autonomy_2',
    ]);
  });

  it.each([3, 4, 5])(
    'with %i items per wave: deterministic, distinct drivers, every item in turn',
    (size) => {
      const seen = new Map<string, number>();
      for (let wave = 1; wave <= 14; wave++) {
        const questions = pickPulseQuestions(wave, size);
        expect(pickPulseQuestions(wave, size)).toEqual(questions);
        expect(questions).toHaveLength(size + 1);
        expect(questions[0].id).toBe('enps');
        const drivers = questions.slice(1).map((question) => question.driver);
        expect(new Set(drivers).size).toBe(size);
        for (const question of questions.slice(1)) seen.set(question.id, (seen.get(question.id) ?? 0) + 1);
      }
      // Over 14 waves, each of the 14 items is asked exactly `size` times.
      expect(seen.size).toBe(14);
      for (const count of seen.values()) expect(count).toBe(size);
    },
  );

  it('the rotation repeats with a period of 14 waves', () => {
    expect(pickPulseQuestions(15, 5)).toEqual(pickPulseQuestions(1, 5));
    expect(pickPulseQuestions(1_000_001, 3)).toEqual(pickPulseQuestions(1 + (1_000_000 % 14), 3));
  });

  it('refuses wave numbers below 1 and sizes outside 3-5', () => {
    expectCode(() => pickPulseQuestions(0), 'INVALID_WAVE');
    expectCode(() => pickPulseQuestions(1.5), 'INVALID_WAVE');
    expectCode(() => pickPulseQuestions(1, 2), 'INVALID_ARGUMENT');
    expectCode(() => pickPulseQuestions(1, 6), 'INVALID_ARGUMENT');
  });

  it('pulseTemplate names the wave in both languages', () => {
    expect(pulseTemplate(3).name).toEqual({ en: 'Pulse survey — wave 3', fr: 'Baromètre — vague 3' });
  });
});

describe('support service, manager, training and request templates', () => {
  it('support service: CSAT, effort (CES), optional comment, per service', () => {
    expect(typesOf(SUPPORT_SERVICE_TEMPLATE.questions)).toEqual(['CSAT_1_5', 'CES_1_7', 'FREE_TEXT']);
    expect(SUPPORT_SERVICE_TEMPLATE.subjectKind).toBe('SUPPORT_SERVICE');
    expect(templateNeedsSubject(SUPPORT_SERVICE_TEMPLATE)).toBe(true);
  });

  it.each(Object.entries(SUPPORT_SERVICES))('support service: names %s in both languages', (_, name) => {
    const questions = instantiateTemplate(SUPPORT_SERVICE_TEMPLATE, name);
    for (const question of questions) {
      expect(question.text.en).not.toContain(SUBJECT_PLACEHOLDER);
      expect(question.text.fr).not.toContain(SUBJECT_PLACEHOLDER);
    }
    expect(questions[0].text.en).toContain(name.en);
    expect(questions[0].text.fr).toContain(name.fr);
  });

  it('support service: needs a subject name in both languages', () => {
    expectCode(() => instantiateTemplate(SUPPORT_SERVICE_TEMPLATE), 'INVALID_TEMPLATE');
    expectCode(
      () => instantiateTemplate(SUPPORT_SERVICE_TEMPLATE, { en: 'IT', fr: ' ' }),
      'INVALID_TEMPLATE',
    );
  });

  it('manager feedback: six Likert items about how the manager supports the team, then a comment', () => {
    expect(typesOf(MANAGER_FEEDBACK_TEMPLATE.questions)).toEqual([...Array(6).fill('LIKERT_5'), 'FREE_TEXT']);
    expect(MANAGER_FEEDBACK_TEMPLATE.subjectKind).toBe('MANAGER');
    expect(templateNeedsSubject(MANAGER_FEEDBACK_TEMPLATE)).toBe(false);
    expect(instantiateTemplate(MANAGER_FEEDBACK_TEMPLATE)).toHaveLength(7);
  });

  it('training feedback: CSAT first, Likert items, length choice, recommendation, comment', () => {
    expect(typesOf(TRAINING_FEEDBACK_TEMPLATE.questions)).toEqual([
      'CSAT_1_5',
      'LIKERT_5',
      'LIKERT_5',
      'LIKERT_5',
      'SINGLE_CHOICE',
      'YES_NO',
      'FREE_TEXT',
    ]);
    expect(TRAINING_FEEDBACK_TEMPLATE.subjectKind).toBe('TRAINING_SESSION');
    const questions = instantiateTemplate(TRAINING_FEEDBACK_TEMPLATE, {
      en: 'this training',
      fr: 'cette formation',
    });
    expect(questions[0].text.fr).toBe(
      'Dans l’ensemble, quelle est votre satisfaction concernant cette formation ?',
    );
  });

  it('request closure: CSAT, effort, comment; confidential by default', () => {
    expect(typesOf(REQUEST_CLOSURE_TEMPLATE.questions)).toEqual(['CSAT_1_5', 'CES_1_7', 'FREE_TEXT']);
    expect(REQUEST_CLOSURE_TEMPLATE).toMatchObject({
      subjectKind: 'SERVICE_REQUEST',
      defaultConfidentiality: 'CONFIDENTIAL',
    });
  });

  it('instantiation fills option labels too and validates edited questions', () => {
    const edited = {
      ...TRAINING_FEEDBACK_TEMPLATE,
      questions: [
        {
          id: 'q',
          type: 'SINGLE_CHOICE' as const,
          required: true,
          text: { en: 'About {subject}?', fr: 'À propos de {subject} ?' },
          options: [
            { id: 'a', label: { en: 'More {subject}', fr: 'Plus de {subject}' } },
            { id: 'b', label: { en: 'Less', fr: 'Moins' } },
          ],
        },
      ],
    };
    const [question] = instantiateTemplate(edited, { en: 'Excel', fr: 'Excel' });
    expect(question).toMatchObject({
      text: { en: 'About Excel?' },
      options: [{ label: { fr: 'Plus de Excel' } }, {}],
    });
    expectCode(
      () =>
        instantiateTemplate(
          { ...edited, questions: [{ ...edited.questions[0], options: [] }] },
          { en: 'x', fr: 'x' },
        ),
      'INVALID_QUESTION',
    );
  });
});
