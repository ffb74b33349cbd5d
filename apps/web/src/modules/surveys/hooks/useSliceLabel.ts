import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { isTenureBucket, type ResultSlice } from '../utils/results';

/**
 * A result group's name in the UI language. The API names teams as they are, and the organisation, a
 * manager's line and tenure bands in English only: those are named here from their kind.
 */
export function useSliceLabel(slices: readonly ResultSlice[]): (slice: ResultSlice) => string {
  const { t } = useTranslation();
  return useCallback(
    (slice: ResultSlice) => {
      const tenure = isTenureBucket(slice.tenureBucket) ? t(`surveys.tenure.${slice.tenureBucket}`) : null;
      switch (slice.kind) {
        case 'ORGANIZATION':
          return t('surveys.results.slices.organization');
        case 'LINE':
          return t('surveys.results.slices.line');
        case 'TENURE':
          return tenure ? t('surveys.results.slices.tenure', { tenure }) : slice.label;
        case 'TEAM_TENURE': {
          const team = slices.find(
            (candidate) => candidate.kind === 'TEAM' && candidate.teamId === slice.teamId,
          );
          const teamName = team?.label ?? slice.label.split(' · ')[0] ?? slice.label;
          return tenure ? `${teamName} · ${tenure}` : slice.label;
        }
        default:
          return slice.label;
      }
    },
    [t, slices],
  );
}
