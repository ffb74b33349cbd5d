import { useTranslation } from 'react-i18next';
import { vocabularyContext, type VocabularyContext } from '../utils/vocabulary';
import { useOrganization } from './useOrganization';

export interface Vocabulary {
  /** Pass as `context` to `t` for keys with `_company` / `_public` variants. */
  context: VocabularyContext;
  customer: string;
  customers: string;
}

/** The words for the people the organisation serves, following its kind and the current language. */
export function useVocabulary(): Vocabulary {
  const { t } = useTranslation();
  const { organization } = useOrganization();
  const context = vocabularyContext(organization?.kind);
  return {
    context,
    customer: t('vocab.customer', { context }),
    customers: t('vocab.customers', { context }),
  };
}
