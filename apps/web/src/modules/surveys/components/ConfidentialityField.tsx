import { Radio, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Confidentiality } from '../../../gql/graphql';

export const CONFIDENTIALITY_MODES: readonly Confidentiality[] = ['ANONYMOUS', 'CONFIDENTIAL', 'ATTRIBUTED'];

interface ConfidentialityFieldProps {
  value: Confidentiality;
  onChange(value: Confidentiality): void;
  disabled?: boolean;
  description?: string;
}

/** The three confidentiality modes, each with what it means for the people answering. */
export function ConfidentialityField({ value, onChange, disabled, description }: ConfidentialityFieldProps) {
  const { t } = useTranslation();
  return (
    <Radio.Group
      label={t('surveys.builder.confidentiality')}
      description={description}
      value={value}
      onChange={(next) => {
        const mode = CONFIDENTIALITY_MODES.find((candidate) => candidate === next);
        if (mode) onChange(mode);
      }}
      disabled={disabled}
    >
      <Stack gap="sm" mt="xs">
        {CONFIDENTIALITY_MODES.map((mode) => (
          <Radio
            key={mode}
            value={mode}
            label={t(`surveys.confidentiality.${mode}.short`)}
            description={t(`surveys.confidentiality.${mode}.builderHint`)}
            data-testid={`confidentiality-${mode}`}
          />
        ))}
      </Stack>
    </Radio.Group>
  );
}
