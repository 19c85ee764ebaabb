import { useEffect, useState } from 'preact/hooks';
import { request } from '../../api/client';
import { ClassesDocument } from '../../api/operations';
import { t } from '../../i18n';

export interface Option {
  value: string;
  label: string;
}

/** The school's classes for a <select> (the first 100 is plenty for one school's roster form). */
export function useClassOptions(): Option[] {
  const [options, setOptions] = useState<Option[]>([]);
  useEffect(() => {
    request(ClassesDocument, { first: 100 })
      .then((data) =>
        setOptions(
          data.classes.nodes.map((c) => ({ value: c.id, label: `${t('class.gradeValue', { grade: c.grade })} ${c.name}` })),
        ),
      )
      .catch(() => setOptions([]));
  }, []);
  return options;
}
