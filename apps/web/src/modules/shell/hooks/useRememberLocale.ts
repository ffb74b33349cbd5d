import { useMutation, useQuery } from '@apollo/client/react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { MyLocaleDocument, SetMyLocaleDocument } from '../../../gql/graphql';
import { toLocale } from '../../../platform/i18n/locale';

/**
 * Tells the API the language the person uses the app in, whenever it differs from the one it
 * remembers: their e-mail copies are written in it.
 */
export function useRememberLocale(): void {
  const { i18n } = useTranslation();
  const current = toLocale(i18n.language) ?? 'en';
  const { data } = useQuery(MyLocaleDocument);
  const [remember] = useMutation(SetMyLocaleDocument, {
    update(cache, { data: saved }) {
      if (saved) cache.writeQuery({ query: MyLocaleDocument, data: { myLocale: saved.setMyLocale } });
    },
  });
  const known = data ? data.myLocale : undefined;
  useEffect(() => {
    if (known === undefined || known === current) return;
    // A preference: if it fails, the next page load tries again.
    void remember({ variables: { locale: current } }).catch(() => undefined);
  }, [known, current, remember]);
}
