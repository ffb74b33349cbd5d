import { useMutation, useQuery } from '@apollo/client/react';
import { notifications } from '@mantine/notifications';
import { useCallback, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { OrganizationSettingsDocument, UpdateOrganizationDocument } from '../../../gql/graphql';
import { toApiError } from '../../../platform/apollo/errors';
import { useApiErrorMessage } from '../../shell/hooks/useApiErrorMessage';
import {
  changedSettings,
  isSettingsField,
  toFormValues,
  validateSettings,
  type SettingsErrors,
  type SettingsValues,
} from '../utils/organization-settings';

export function useOrganizationSettingsQuery() {
  const { data, loading, error, refetch } = useQuery(OrganizationSettingsDocument);
  return { organization: data?.organization ?? null, loading, error, refetch };
}

/** Form state over the organisation settings: edit, validate, save only what changed. */
export function useOrganizationSettingsForm(initial: SettingsValues) {
  const { t } = useTranslation();
  const describeError = useApiErrorMessage();
  const [values, setValues] = useState<SettingsValues>(initial);
  const [saved, setSaved] = useState<SettingsValues>(initial);
  const [errors, setErrors] = useState<SettingsErrors>({});
  const [serverError, setServerError] = useState<unknown>(null);
  const [mutate, { loading: saving }] = useMutation(UpdateOrganizationDocument);

  const changes = useMemo(() => changedSettings(saved, values), [saved, values]);
  const dirty = Object.keys(changes).length > 0;

  const setField = useCallback(<K extends keyof SettingsValues>(field: K, value: SettingsValues[K]) => {
    setValues((previous) => ({ ...previous, [field]: value }));
    setErrors((previous) => ({ ...previous, [field]: undefined }));
  }, []);

  /** Resolves to false when something must be corrected. */
  const submit = useCallback(async (): Promise<boolean> => {
    const found = validateSettings(values);
    setErrors(found);
    setServerError(null);
    if (Object.keys(found).length > 0) return false;
    if (!dirty) return true;
    try {
      const { data } = await mutate({ variables: { input: changes } });
      if (!data) return false;
      const next = toFormValues(data.updateOrganization);
      setSaved(next);
      setValues(next);
      notifications.show({ color: 'green', title: t('settings.saved'), message: t('settings.savedBody') });
      return true;
    } catch (error) {
      const apiError = toApiError(error);
      if (apiError.code === 'BAD_USER_INPUT' && isSettingsField(apiError.field)) {
        setErrors({ [apiError.field]: 'invalid' });
        setServerError(error);
      } else {
        setServerError(error);
      }
      notifications.show({ color: 'red', title: t('settings.notSaved'), message: describeError(error) });
      return false;
    }
  }, [changes, dirty, describeError, mutate, t, values]);

  const reset = useCallback(() => {
    setValues(saved);
    setErrors({});
    setServerError(null);
  }, [saved]);

  return { values, errors, serverError, dirty, saving, setField, submit, reset };
}
