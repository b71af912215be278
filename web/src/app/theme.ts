import { createTheme, MantineThemeOverride } from '@mantine/core';
import { Locale } from '../i18n/i18n';

const LATIN = '"Noto Sans", system-ui, sans-serif';
// Nastaliq for Urdu: without a declared face Chromium falls back to a Naskh-style Arabic font.
const URDU = '"Noto Nastaliq Urdu", "Noto Sans", serif';

export function themeFor(locale: Locale): MantineThemeOverride {
  const fontFamily = locale === 'ur' ? URDU : LATIN;
  return createTheme({
    primaryColor: 'green',
    fontFamily,
    headings: { fontFamily },
    // Nastaliq's tall ascenders and descenders need more room between lines.
    lineHeights: locale === 'ur' ? { xs: '2', sm: '2', md: '2.1', lg: '2.2', xl: '2.2' } : undefined,
    focusRing: 'always',
    defaultRadius: 'sm',
  });
}
