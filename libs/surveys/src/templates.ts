import { ConfidentialityMode } from './confidentiality';
import { SurveyRuleError } from './errors';
import {
  assertValidQuestions,
  LocalizedText,
  Question,
  STANDARD_DRIVERS,
  StandardDriver,
} from './question-types';

/** What a survey is about. */
export const SUBJECT_KINDS = [
  'ORGANIZATION',
  'SUPPORT_SERVICE',
  'MANAGER',
  'TRAINING_SESSION',
  'SERVICE_REQUEST',
] as const;
export type SubjectKind = (typeof SUBJECT_KINDS)[number];

export const TEMPLATE_KEYS = [
  'engagement',
  'pulse',
  'support_service',
  'manager_feedback',
  'training_feedback',
  'request_closure',
] as const;
export type TemplateKey = (typeof TEMPLATE_KEYS)[number];

/** A ready-made survey. Texts may contain `{subject}`, replaced by the subject's name on instantiation. */
export interface SurveyTemplate {
  readonly key: TemplateKey;
  readonly subjectKind: SubjectKind;
  readonly name: LocalizedText;
  readonly description: LocalizedText;
  readonly defaultConfidentiality: ConfidentialityMode;
  readonly questions: readonly Question[];
}

/** Placeholder replaced by the subject's name (e.g. "the payroll team" / "le service paie"). */
export const SUBJECT_PLACEHOLDER = '{subject}';

const COMMENT_MAX_LENGTH = 2000;

/** The eNPS question, shared by the engagement survey and every pulse wave. */
export const ENPS_QUESTION: Question = {
  id: 'enps',
  type: 'NPS_0_10',
  required: true,
  text: {
    en: 'How likely are you to recommend our organisation as a place to work to a friend or family member?',
    fr: 'Quelle est la probabilité que vous recommandiez notre organisation comme employeur à un·e proche ?',
  },
};

function likert(
  id: string,
  driver: StandardDriver | string,
  en: string,
  fr: string,
  required = true,
): Question {
  return { id, type: 'LIKERT_5', required, driver, text: { en, fr } };
}

function comment(id: string, en: string, fr: string): Question {
  return { id, type: 'FREE_TEXT', required: false, maxLength: COMMENT_MAX_LENGTH, text: { en, fr } };
}

/** Engagement items, 3 per standard driver, in driver order. Item `<driver>_1` and `_2` also feed the pulse pool. */
export const ENGAGEMENT_ITEMS: readonly Question[] = [
  likert(
    'autonomy_1',
    'autonomy',
    'I have enough freedom to decide how I do my work.',
    'J’ai suffisamment de liberté pour décider de la manière dont je fais mon travail.',
  ),
  likert(
    'autonomy_2',
    'autonomy',
    'I can make decisions about my work without unnecessary approvals.',
    'Je peux prendre des décisions sur mon travail sans validations inutiles.',
  ),
  likert(
    'autonomy_3',
    'autonomy',
    'I am trusted to organise my own priorities.',
    'On me fait confiance pour organiser mes propres priorités.',
  ),
  likert(
    'recognition_1',
    'recognition',
    'When I do good work, it is recognised.',
    'Quand je fais du bon travail, c’est reconnu.',
  ),
  likert(
    'recognition_2',
    'recognition',
    'In the last month, I have been thanked or praised for my work.',
    'Au cours du dernier mois, j’ai été remercié·e ou félicité·e pour mon travail.',
  ),
  likert(
    'recognition_3',
    'recognition',
    'I feel that my contribution matters to the organisation.',
    'J’ai le sentiment que ma contribution compte pour l’organisation.',
  ),
  likert(
    'growth_1',
    'growth',
    'I have opportunities to learn and develop here.',
    'J’ai des occasions d’apprendre et de progresser ici.',
  ),
  likert('growth_2', 'growth', 'I can see a future for myself here.', 'Je me vois un avenir ici.'),
  likert(
    'growth_3',
    'growth',
    'In the last six months, someone has talked with me about my development.',
    'Au cours des six derniers mois, quelqu’un a échangé avec moi sur mon développement.',
  ),
  likert(
    'pay_1',
    'fairness_of_pay',
    'I am paid fairly for the work I do.',
    'Je suis rémunéré·e équitablement pour le travail que je fournis.',
  ),
  likert(
    'pay_2',
    'fairness_of_pay',
    'I understand how my pay is decided.',
    'Je comprends comment ma rémunération est déterminée.',
  ),
  likert(
    'pay_3',
    'fairness_of_pay',
    'My pay is fair compared with similar jobs elsewhere.',
    'Ma rémunération est juste par rapport à des postes similaires ailleurs.',
  ),
  likert(
    'manager_1',
    'relationship_with_manager',
    'My manager treats me with respect.',
    'Mon ou ma manager me traite avec respect.',
  ),
  likert(
    'manager_2',
    'relationship_with_manager',
    'I can talk openly with my manager about problems at work.',
    'Je peux parler ouvertement des difficultés au travail avec mon ou ma manager.',
  ),
  likert(
    'manager_3',
    'relationship_with_manager',
    'My manager keeps me informed about what matters for my work.',
    'Mon ou ma manager me tient informé·e de ce qui compte pour mon travail.',
  ),
  likert(
    'support_1',
    'support_received',
    'I get the help I need from support services (IT, facilities, payroll, HR) to do my job.',
    'J’obtiens des services support (informatique, services généraux, paie, RH) l’aide dont j’ai besoin pour faire mon travail.',
  ),
  likert(
    'support_2',
    'support_received',
    'When I raise a request, it is dealt with in a reasonable time.',
    'Quand je fais une demande, elle est traitée dans un délai raisonnable.',
  ),
  likert(
    'support_3',
    'support_received',
    'I have the tools and equipment I need to do my job well.',
    'J’ai les outils et l’équipement nécessaires pour bien faire mon travail.',
  ),
  likert('workload_1', 'workload', 'My workload is manageable.', 'Ma charge de travail est gérable.'),
  likert(
    'workload_2',
    'workload',
    'I can usually get my work done within my normal working hours.',
    'Je peux généralement terminer mon travail pendant mes horaires habituels.',
  ),
  likert(
    'workload_3',
    'workload',
    'I am able to switch off from work during my time off.',
    'J’arrive à décrocher du travail pendant mes temps de repos.',
  ),
];

export const ENGAGEMENT_TEMPLATE: SurveyTemplate = {
  key: 'engagement',
  subjectKind: 'ORGANIZATION',
  name: { en: 'Engagement survey', fr: 'Enquête d’engagement' },
  description: {
    en: 'Yearly survey: eNPS plus three statements for each engagement driver.',
    fr: 'Enquête annuelle : eNPS et trois affirmations par levier d’engagement.',
  },
  defaultConfidentiality: 'ANONYMOUS',
  questions: [
    ENPS_QUESTION,
    ...ENGAGEMENT_ITEMS,
    comment(
      'engagement_comment',
      'What one change would most improve your day-to-day experience at work?',
      'Quel changement améliorerait le plus votre quotidien au travail ?',
    ),
  ],
};

/**
 * Pulse pool: items 1 and 2 of every driver, interleaved by driver (autonomy_1, recognition_1, …, workload_1,
 * autonomy_2, …), so any run of up to 7 consecutive items covers distinct drivers. Ids match the engagement survey.
 */
export const PULSE_ITEM_POOL: readonly Question[] = [1, 2].flatMap((rank) =>
  STANDARD_DRIVERS.map((driver) => {
    const item = ENGAGEMENT_ITEMS.filter((question) => question.driver === driver)[rank - 1];
    if (item === undefined)
      throw new SurveyRuleError('INVALID_TEMPLATE', `Missing pulse item ${rank} for ${driver}`);
    return item;
  }),
);

export const DEFAULT_PULSE_ITEMS_PER_WAVE = 4;

/**
 * Questions of pulse wave `wave` (1-based): eNPS, then `itemsPerWave` (3-5) items taken in turn from the pool, so
 * consecutive waves rotate through every driver and every item returns at a regular rhythm.
 */
export function pickPulseQuestions(
  wave: number,
  itemsPerWave: number = DEFAULT_PULSE_ITEMS_PER_WAVE,
): Question[] {
  if (!Number.isSafeInteger(wave) || wave < 1) {
    throw new SurveyRuleError('INVALID_WAVE', 'Pulse wave numbers start at 1', { wave });
  }
  if (!Number.isSafeInteger(itemsPerWave) || itemsPerWave < 3 || itemsPerWave > 5) {
    throw new SurveyRuleError('INVALID_ARGUMENT', 'A pulse wave has 3 to 5 items', { itemsPerWave });
  }
  const size = PULSE_ITEM_POOL.length;
  const start = ((wave - 1) * itemsPerWave) % size;
  const items = Array.from({ length: itemsPerWave }, (_, i) => PULSE_ITEM_POOL[(start + i) % size]);
  return [ENPS_QUESTION, ...items];
}

/** The pulse template of a given wave (eNPS + rotating items). */
export function pulseTemplate(
  wave: number,
  itemsPerWave: number = DEFAULT_PULSE_ITEMS_PER_WAVE,
): SurveyTemplate {
  return {
    key: 'pulse',
    subjectKind: 'ORGANIZATION',
    name: { en: `Pulse survey — wave ${wave}`, fr: `Baromètre — vague ${wave}` },
    description: {
      en: 'Short recurring survey: eNPS plus a few rotating engagement statements.',
      fr: 'Questionnaire court et régulier : eNPS et quelques affirmations d’engagement en rotation.',
    },
    defaultConfidentiality: 'ANONYMOUS',
    questions: pickPulseQuestions(wave, itemsPerWave),
  };
}

export const SUPPORT_SERVICE_TEMPLATE: SurveyTemplate = {
  key: 'support_service',
  subjectKind: 'SUPPORT_SERVICE',
  name: { en: 'Support service feedback', fr: 'Avis sur un service support' },
  description: {
    en: 'Periodic feedback on the relationship with one support service: satisfaction, effort and a comment.',
    fr: 'Avis régulier sur la relation avec un service support : satisfaction, effort et commentaire.',
  },
  defaultConfidentiality: 'ANONYMOUS',
  questions: [
    {
      id: 'service_csat',
      type: 'CSAT_1_5',
      required: true,
      driver: 'support_received',
      text: {
        en: 'Overall, how satisfied are you with the support provided by {subject}?',
        fr: 'Dans l’ensemble, quelle est votre satisfaction concernant le soutien apporté par {subject} ?',
      },
    },
    {
      id: 'service_effort',
      type: 'CES_1_7',
      required: true,
      driver: 'support_received',
      text: {
        en: 'It is easy to get what I need from {subject}.',
        fr: 'Avec {subject}, il est facile d’obtenir ce dont j’ai besoin.',
      },
    },
    comment(
      'service_comment',
      'What should {subject} improve first to help you better?',
      'Selon vous, que faudrait-il améliorer en priorité chez {subject} pour mieux vous aider ?',
    ),
  ],
};

export const MANAGER_FEEDBACK_TEMPLATE: SurveyTemplate = {
  key: 'manager_feedback',
  subjectKind: 'MANAGER',
  name: { en: 'Upward feedback: my manager supports me', fr: 'Feedback ascendant : mon manager me soutient' },
  description: {
    en: 'Team members rate how their manager serves them, the way they would rate a support service.',
    fr: 'Les membres de l’équipe évaluent la manière dont leur manager les soutient, comme pour un service support.',
  },
  defaultConfidentiality: 'ANONYMOUS',
  questions: [
    likert(
      'mgr_obstacles',
      'relationship_with_manager',
      'My manager removes obstacles that get in the way of my work.',
      'Mon ou ma manager lève les obstacles qui freinent mon travail.',
    ),
    likert(
      'mgr_responsiveness',
      'relationship_with_manager',
      'My manager responds to my requests within a reasonable time.',
      'Mon ou ma manager répond à mes demandes dans un délai raisonnable.',
    ),
    likert(
      'mgr_expectations',
      'relationship_with_manager',
      'My manager makes clear what is expected of me.',
      'Mon ou ma manager exprime clairement ce qui est attendu de moi.',
    ),
    likert(
      'mgr_feedback',
      'relationship_with_manager',
      'My manager gives me useful feedback that helps me improve.',
      'Mon ou ma manager me fait des retours utiles qui m’aident à progresser.',
    ),
    likert(
      'mgr_development',
      'growth',
      'My manager supports my development.',
      'Mon ou ma manager soutient mon développement.',
    ),
    likert(
      'mgr_fairness',
      'relationship_with_manager',
      'My manager treats everyone in the team fairly.',
      'Mon ou ma manager traite chaque membre de l’équipe de façon équitable.',
    ),
    comment(
      'mgr_comment',
      'What is one thing your manager could do to support you better?',
      'Que pourrait faire votre manager pour mieux vous accompagner ?',
    ),
  ],
};

export const TRAINING_FEEDBACK_TEMPLATE: SurveyTemplate = {
  key: 'training_feedback',
  subjectKind: 'TRAINING_SESSION',
  name: { en: 'Training feedback', fr: 'Évaluation de la formation' },
  description: {
    en: 'Sent after a training session: satisfaction, relevance, applicability and the trainer.',
    fr: 'Envoyé après une session de formation : satisfaction, utilité, mise en pratique et formateur·rice.',
  },
  defaultConfidentiality: 'ANONYMOUS',
  questions: [
    {
      id: 'training_csat',
      type: 'CSAT_1_5',
      required: true,
      text: {
        en: 'Overall, how satisfied are you with {subject}?',
        fr: 'Dans l’ensemble, quelle est votre satisfaction concernant {subject} ?',
      },
    },
    likert(
      'training_relevance',
      'growth',
      'The content was relevant to my job.',
      'Le contenu était utile pour mon poste.',
    ),
    likert(
      'training_apply',
      'growth',
      'I will be able to apply what I learned in my work.',
      'Je pourrai appliquer ce que j’ai appris dans mon travail.',
    ),
    likert(
      'training_trainer',
      'growth',
      'The trainer explained things clearly.',
      'Les explications du formateur ou de la formatrice étaient claires.',
    ),
    {
      id: 'training_length',
      type: 'SINGLE_CHOICE',
      required: false,
      text: { en: 'The length of the session was…', fr: 'La durée de la session était…' },
      options: [
        { id: 'too_short', label: { en: 'Too short', fr: 'Trop courte' } },
        { id: 'about_right', label: { en: 'About right', fr: 'Adaptée' } },
        { id: 'too_long', label: { en: 'Too long', fr: 'Trop longue' } },
      ],
    },
    {
      id: 'training_recommend',
      type: 'YES_NO',
      required: false,
      text: {
        en: 'Would you recommend this training to a colleague?',
        fr: 'Recommanderiez-vous cette formation à un·e collègue ?',
      },
    },
    comment(
      'training_comment',
      'What would have made this training more useful for you?',
      'Qu’est-ce qui aurait rendu cette formation plus utile pour vous ?',
    ),
  ],
};

export const REQUEST_CLOSURE_TEMPLATE: SurveyTemplate = {
  key: 'request_closure',
  subjectKind: 'SERVICE_REQUEST',
  name: { en: 'Request closure feedback', fr: 'Avis à la clôture d’une demande' },
  description: {
    en: 'Sent when a request is closed. Report it per service over many requests, never per request.',
    fr: 'Envoyé à la clôture d’une demande. À analyser par service sur de nombreuses demandes, jamais demande par demande.',
  },
  defaultConfidentiality: 'CONFIDENTIAL',
  questions: [
    {
      id: 'request_csat',
      type: 'CSAT_1_5',
      required: true,
      driver: 'support_received',
      text: {
        en: 'How satisfied are you with how your request was handled?',
        fr: 'Êtes-vous satisfait·e de la façon dont votre demande a été traitée ?',
      },
    },
    {
      id: 'request_effort',
      type: 'CES_1_7',
      required: true,
      driver: 'support_received',
      text: {
        en: 'It was easy to get my request resolved.',
        fr: 'Il a été facile d’obtenir la résolution de ma demande.',
      },
    },
    comment(
      'request_comment',
      'Is there anything we could have done better?',
      'Qu’aurions-nous pu mieux faire ?',
    ),
  ],
};

/** The standard support services and how templates name them ({subject}). */
export const SUPPORT_SERVICES: Readonly<
  Record<'it' | 'facilities' | 'payroll' | 'hr' | 'training', LocalizedText>
> = {
  it: { en: 'the IT team', fr: 'l’équipe informatique' },
  facilities: { en: 'the facilities team', fr: 'les services généraux' },
  payroll: { en: 'the payroll team', fr: 'le service paie' },
  hr: { en: 'the HR team', fr: 'l’équipe RH' },
  training: { en: 'the training team', fr: 'l’équipe formation' },
};

/** Every shipped template, pulse shown at wave 1. */
export function listTemplates(): SurveyTemplate[] {
  return TEMPLATE_KEYS.map((key) => getTemplate(key));
}

/** A shipped template by key (pulse: wave 1); a deep copy the caller may edit freely. */
export function getTemplate(key: TemplateKey): SurveyTemplate {
  switch (key) {
    case 'engagement':
      return copy(ENGAGEMENT_TEMPLATE);
    case 'pulse':
      return pulseTemplate(1);
    case 'support_service':
      return copy(SUPPORT_SERVICE_TEMPLATE);
    case 'manager_feedback':
      return copy(MANAGER_FEEDBACK_TEMPLATE);
    case 'training_feedback':
      return copy(TRAINING_FEEDBACK_TEMPLATE);
    case 'request_closure':
      return copy(REQUEST_CLOSURE_TEMPLATE);
    default:
      throw new SurveyRuleError('INVALID_TEMPLATE', `Unknown template ${JSON.stringify(key)}`);
  }
}

function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

function fill(text: LocalizedText, subject: LocalizedText | undefined): LocalizedText {
  const uses = text.en.includes(SUBJECT_PLACEHOLDER) || text.fr.includes(SUBJECT_PLACEHOLDER);
  if (!uses) return { en: text.en, fr: text.fr };
  if (subject === undefined || subject.en.trim() === '' || subject.fr.trim() === '') {
    throw new SurveyRuleError(
      'INVALID_TEMPLATE',
      'This template needs the subject name in English and French',
    );
  }
  return {
    en: text.en.split(SUBJECT_PLACEHOLDER).join(subject.en.trim()),
    fr: text.fr.split(SUBJECT_PLACEHOLDER).join(subject.fr.trim()),
  };
}

/** True when any question or option text of the template contains the {subject} placeholder. */
export function templateNeedsSubject(template: SurveyTemplate): boolean {
  const texts = template.questions.flatMap((question) => [
    question.text,
    ...('options' in question ? question.options.map((option) => option.label) : []),
  ]);
  return texts.some((text) => text.en.includes(SUBJECT_PLACEHOLDER) || text.fr.includes(SUBJECT_PLACEHOLDER));
}

/**
 * The template's questions with `{subject}` replaced (e.g. by SUPPORT_SERVICES.payroll), validated. Throws
 * INVALID_TEMPLATE if a subject name is needed but missing, INVALID_QUESTION if an edited question is malformed.
 */
export function instantiateTemplate(template: SurveyTemplate, subject?: LocalizedText): Question[] {
  const questions = template.questions.map((question): Question => {
    const text = fill(question.text, subject);
    if (question.type === 'SINGLE_CHOICE' || question.type === 'MULTIPLE_CHOICE') {
      return {
        ...question,
        text,
        options: question.options.map((option) => ({ ...option, label: fill(option.label, subject) })),
      };
    }
    return { ...question, text };
  });
  assertValidQuestions(questions);
  return questions;
}
