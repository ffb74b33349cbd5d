import type { SurveyStatus } from '../../../gql/graphql';

/** A survey has results (possibly all hidden) once it has opened. */
export function hasResults(status: SurveyStatus): boolean {
  return status === 'OPEN' || status === 'CLOSED';
}
