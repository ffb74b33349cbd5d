/**
 * How the platform computes employee retention (source PEOPLE), per team, month and quarter:
 * the people in the team on the period's first day (hired by then, leaving date after it) who are
 * still employed on the first day of the next period, as a percentage of the former. The sample
 * size is that head count at the start; below the organisation's anonymity threshold k the figure
 * is neither stored nor shown. A person's leaving date is their first day away; their team is the
 * one in the people data (there is no team history). Only completed periods, over 24 months.
 */
export const EMPLOYEE_RETENTION_RULE = {
  en: 'Of the people in the team on the first day of the period, the share still employed on the first day of the next one (teams of at least k people).',
  fr: 'Part des personnes présentes dans l’équipe au premier jour de la période encore employées au premier jour de la suivante (équipes d’au moins k personnes).',
};

/**
 * How the platform computes autonomy (source AUTONOMY, the decision log of team development), per
 * team, month and quarter: decisions settled by the front line itself (alone within its rights, or
 * beyond them and confirmed by a manager) over reviewed decisions (all but beyond-rights decisions
 * not yet reviewed); the sample size is the number of reviewed decisions, at least k.
 */
export const AUTONOMY_RULE = {
  en: 'Share of the decisions logged by the team that it settled itself (alone within its rights, or beyond them and confirmed), out of the reviewed ones (at least k decisions).',
  fr: 'Part des décisions consignées par l’équipe qu’elle a réglées elle-même (seule dans ses droits, ou au-delà et confirmées), parmi celles qui sont examinées (au moins k décisions).',
};

/** The computation rule shown with a metric, by key. */
export const METRIC_RULES: Record<string, { en: string; fr: string }> = {
  employee_retention: EMPLOYEE_RETENTION_RULE,
  autonomy: AUTONOMY_RULE,
};

/** The shipped metric definitions and pairs (editable by HR afterwards). */
export interface MetricSpec {
  key: string;
  side: 'CUSTOMER' | 'EMPLOYEE';
  en: string;
  fr: string;
  min: number;
  max: number;
  direction: 'HIGHER_IS_BETTER' | 'LOWER_IS_BETTER';
  unit: string;
  source: 'INTAKE' | 'SURVEY' | 'DESK' | 'PEOPLE' | 'AUTONOMY';
}

export const METRICS: MetricSpec[] = [
  {
    key: 'customer_nps',
    side: 'CUSTOMER',
    en: 'Customer NPS',
    fr: 'NPS client',
    min: -100,
    max: 100,
    direction: 'HIGHER_IS_BETTER',
    unit: 'score',
    source: 'INTAKE',
  },
  {
    key: 'customer_csat',
    side: 'CUSTOMER',
    en: 'Customer satisfaction (CSAT)',
    fr: 'Satisfaction client (CSAT)',
    min: 0,
    max: 100,
    direction: 'HIGHER_IS_BETTER',
    unit: '%',
    source: 'INTAKE',
  },
  {
    key: 'customer_effort',
    side: 'CUSTOMER',
    en: 'Customer ease (CES, 7 = easy)',
    fr: 'Facilité client (CES, 7 = facile)',
    min: 1,
    max: 7,
    direction: 'HIGHER_IS_BETTER',
    unit: 'scale',
    source: 'INTAKE',
  },
  {
    key: 'customer_commitments_kept',
    side: 'CUSTOMER',
    en: 'Commitments kept to customers',
    fr: 'Engagements tenus envers les clients',
    min: 0,
    max: 100,
    direction: 'HIGHER_IS_BETTER',
    unit: '%',
    source: 'INTAKE',
  },
  {
    key: 'complaints_per_100',
    side: 'CUSTOMER',
    en: 'Complaints per 100 customers',
    fr: 'Réclamations pour 100 clients',
    min: 0,
    max: 100,
    direction: 'LOWER_IS_BETTER',
    unit: 'per 100',
    source: 'INTAKE',
  },
  {
    key: 'customer_retention',
    side: 'CUSTOMER',
    en: 'Customer retention',
    fr: 'Fidélisation client',
    min: 0,
    max: 100,
    direction: 'HIGHER_IS_BETTER',
    unit: '%',
    source: 'INTAKE',
  },
  {
    key: 'first_contact_resolution',
    side: 'CUSTOMER',
    en: 'First-contact resolution',
    fr: 'Résolution au premier contact',
    min: 0,
    max: 100,
    direction: 'HIGHER_IS_BETTER',
    unit: '%',
    source: 'INTAKE',
  },
  {
    key: 'enps',
    side: 'EMPLOYEE',
    en: 'eNPS',
    fr: 'eNPS',
    min: -100,
    max: 100,
    direction: 'HIGHER_IS_BETTER',
    unit: 'score',
    source: 'SURVEY',
  },
  {
    key: 'internal_csat',
    side: 'EMPLOYEE',
    en: 'Internal CSAT given to support services',
    fr: 'CSAT interne donnée aux services support',
    min: 0,
    max: 100,
    direction: 'HIGHER_IS_BETTER',
    unit: '%',
    source: 'DESK',
  },
  {
    key: 'internal_effort',
    side: 'EMPLOYEE',
    en: 'Internal ease (7 = easy)',
    fr: 'Facilité interne (7 = facile)',
    min: 1,
    max: 7,
    direction: 'HIGHER_IS_BETTER',
    unit: 'scale',
    source: 'DESK',
  },
  {
    key: 'support_commitments_kept',
    side: 'EMPLOYEE',
    en: 'Support commitments kept to the front line',
    fr: 'Engagements des supports tenus envers le terrain',
    min: 0,
    max: 100,
    direction: 'HIGHER_IS_BETTER',
    unit: '%',
    source: 'DESK',
  },
  {
    key: 'escalations_per_100',
    side: 'EMPLOYEE',
    en: 'Escalations per 100 requests (reopened or renegotiated)',
    fr: 'Escalades pour 100 demandes (rouvertes ou renégociées)',
    min: 0,
    max: 100,
    direction: 'LOWER_IS_BETTER',
    unit: 'per 100',
    source: 'DESK',
  },
  {
    key: 'employee_retention',
    side: 'EMPLOYEE',
    en: 'Employee retention',
    fr: 'Fidélisation des salariés',
    min: 0,
    max: 100,
    direction: 'HIGHER_IS_BETTER',
    unit: '%',
    source: 'PEOPLE',
  },
  {
    key: 'autonomy',
    side: 'EMPLOYEE',
    en: 'Autonomy (issues settled by the front line)',
    fr: 'Autonomie (problèmes réglés par le terrain)',
    min: 0,
    max: 100,
    direction: 'HIGHER_IS_BETTER',
    unit: '%',
    source: 'AUTONOMY',
  },
];

/** Customer metric ↔ its internal twin. */
export const PAIRS: [string, string, string][] = [
  ['nps', 'customer_nps', 'enps'],
  ['csat', 'customer_csat', 'internal_csat'],
  ['effort', 'customer_effort', 'internal_effort'],
  ['commitments', 'customer_commitments_kept', 'support_commitments_kept'],
  ['escalations', 'complaints_per_100', 'escalations_per_100'],
  ['retention', 'customer_retention', 'employee_retention'],
  ['autonomy', 'first_contact_resolution', 'autonomy'],
];
