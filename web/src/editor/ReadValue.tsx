import { useI18n } from '../i18n/i18n';
import { formatValue, LabelWords } from './labels';
import { formatDecimalText } from './number-text';
import type { Attachment, FieldView } from './types';

/** The words labels.ts needs, in the user's language. */
export function useLabelWords(): LabelWords {
  const { t, locale, formatDate } = useI18n();
  return {
    row: (n) => t('editor.rowN', { n }),
    totals: t('editor.total'),
    yes: t('editor.yes'),
    no: t('editor.no'),
    empty: t('editor.empty'),
    list: (items) => items.join(locale === 'ur' ? '، ' : ', '),
    number: (v, minFraction) => formatDecimalText(String(v), minFraction),
    date: (v) => formatDate(v),
  };
}

const LTR_TYPES = new Set(['money', 'decimal', 'integer', 'date', 'fiscalYear']);

/** A value as text (read-only view): option labels, Yes/No, grouped amounts, dates, file names. */
export function ReadValue({
  field,
  pointer,
  value,
  attachments,
}: {
  field: FieldView;
  pointer: string;
  value: unknown;
  attachments: readonly Attachment[];
}) {
  const words = useLabelWords();
  const empty = value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0);
  const text = formatValue(field, value, words, attachments);
  if (empty) {
    return (
      <span className="read-value read-empty" data-pointer={pointer}>
        {words.empty}
      </span>
    );
  }
  if (LTR_TYPES.has(field.type)) {
    const numeric = field.type === 'money' || field.type === 'decimal' || field.type === 'integer';
    return (
      <span className={`read-value${numeric ? ' numeric' : ''}`} data-pointer={pointer}>
        <bdi dir="ltr">{text}</bdi>
      </span>
    );
  }
  return (
    <span className="read-value" data-pointer={pointer}>
      {text}
    </span>
  );
}
