import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { useVocabulary } from '../../shell/hooks/useVocabulary';
import { localized } from '../../surveys/utils/localized';
import type { MirrorPair } from '../utils/mirror';

const KNOWN_PAIRS = ['nps', 'csat', 'effort', 'commitments', 'escalations', 'retention', 'autonomy'] as const;
type KnownPair = (typeof KNOWN_PAIRS)[number];

const isKnown = (key: string): key is KnownPair => (KNOWN_PAIRS as readonly string[]).includes(key);

/** A pair's name in the organisation's words; a pair the app does not know by the customer metric's name. */
export function usePairTitle(): (pair: {
  key: string;
  customer: Pick<MirrorPair['customer'], 'name'>;
}) => string {
  const { t, i18n } = useTranslation();
  const { context } = useVocabulary();
  return useCallback(
    (pair) =>
      isKnown(pair.key)
        ? t(`mirror.pairs.${pair.key}`, { context })
        : localized(pair.customer.name, i18n.language),
    [t, i18n.language, context],
  );
}
