import type { OrganizationKind } from '../../../gql/graphql';

/**
 * Translation context that follows the organisation's kind: a company has customers, a public service
 * has users ("usagers"). Keys that mention them have `_company` and `_public` variants.
 */
export type VocabularyContext = 'company' | 'public';

export function vocabularyContext(kind: OrganizationKind | null | undefined): VocabularyContext {
  return kind === 'PUBLIC_SERVICE' ? 'public' : 'company';
}
