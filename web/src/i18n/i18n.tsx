import { createContext, ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { setRequestLanguage } from '../api/client';
import { Locale, messagesFor } from './messages';

/*
 * English and Urdu as equals: every label comes from the catalogues in ./messages, the whole
 * document switches direction (<html dir lang>), and dates and numbers are formatted for the
 * locale. Numbers keep Western digits in Urdu too (as on printed PC-Is), and amounts, codes and
 * dates are isolated left-to-right where they sit in right-to-left text (see components/Ltr).
 */

export type { Locale };
const STORAGE_KEY = 'daftar.locale';
const INTL_LOCALE: Record<Locale, string> = { en: 'en-PK', ur: 'ur-PK' };

export interface I18n {
  locale: Locale;
  dir: 'ltr' | 'rtl';
  /** The person picked the language during this visit (not a stored default or the browser's). */
  chosen: boolean;
  /** `chosen: false` applies an account's stored preference without recording a choice on this device. */
  setLocale(locale: Locale, options?: { chosen?: boolean }): void;
  /** A message with {name} placeholders filled; an unknown key shows itself (and is caught by the catalogue test). */
  t(key: string, params?: Record<string, string | number>): string;
  formatDate(value: string | Date | null | undefined): string;
  formatDateTime(value: string | Date | null | undefined): string;
  formatNumber(value: number | string, fractionDigits?: number): string;
}

const I18nContext = createContext<I18n | null>(null);

function storedLocale(): Locale | null {
  const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
  return stored === 'en' || stored === 'ur' ? stored : null;
}

export function initialLocale(): Locale {
  return storedLocale() ?? (navigator.language?.toLowerCase().startsWith('ur') ? 'ur' : 'en');
}

export function fill(template: string, params?: Record<string, string | number>): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? String(params[name]) : whole));
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(initialLocale);
  // Only a choice made during this visit counts as one: on a shared office computer the stored
  // language is a display default, not a preference to impose on the next person's account.
  const [chosen, setChosen] = useState(false);
  const dir = locale === 'ur' ? 'rtl' : 'ltr';

  useEffect(() => {
    document.documentElement.lang = locale;
    document.documentElement.dir = dir;
    setRequestLanguage(locale);
  }, [locale, dir]);

  const setLocale = useCallback((next: Locale, options?: { chosen?: boolean }) => {
    setRequestLanguage(next);
    setLocaleState(next);
    if (options?.chosen === false) return;
    globalThis.localStorage?.setItem(STORAGE_KEY, next);
    setChosen(true);
  }, []);

  const value = useMemo<I18n>(() => {
    const messages = messagesFor(locale);
    const intl = INTL_LOCALE[locale];
    const dateFormat = new Intl.DateTimeFormat(intl, {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      numberingSystem: 'latn',
    });
    const dateTimeFormat = new Intl.DateTimeFormat(intl, {
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      numberingSystem: 'latn',
    });
    const toDate = (v: string | Date) =>
      typeof v === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(v) ? new Date(`${v}T00:00:00`) : new Date(v);
    return {
      locale,
      dir,
      chosen,
      setLocale,
      t: (key, params) => fill(messages[key] ?? key, params),
      formatDate: (v) => (v ? dateFormat.format(toDate(v)) : ''),
      formatDateTime: (v) => (v ? dateTimeFormat.format(toDate(v)) : ''),
      formatNumber: (v, fractionDigits) => {
        const n = typeof v === 'string' ? Number(v) : v;
        if (!Number.isFinite(n)) return String(v);
        return new Intl.NumberFormat('en-PK', {
          minimumFractionDigits: fractionDigits ?? 0,
          maximumFractionDigits: fractionDigits ?? 3,
        }).format(n);
      },
    };
  }, [locale, dir, chosen, setLocale]);

  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const value = useContext(I18nContext);
  if (!value) throw new Error('useI18n outside I18nProvider');
  return value;
}
