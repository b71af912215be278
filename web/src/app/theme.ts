import {
  createTheme,
  DEFAULT_THEME,
  MantineColorsTuple,
  MantineThemeOverride,
  Modal,
  Notification,
} from '@mantine/core';
import { Locale } from '../i18n/i18n';
import { messagesFor } from '../i18n/messages';

const LATIN = '"Noto Sans", system-ui, sans-serif';
// Nastaliq for Urdu: without a declared face Chromium falls back to a Naskh-style Arabic font.
const URDU = '"Noto Nastaliq Urdu", "Noto Sans", serif';

/*
 * Mantine's default palettes put white text on green at 2.4:1 and light badges' text on their tint
 * below 4.5:1 (WCAG AA). The darker shades below keep every filled button, link and light badge
 * at 4.5:1 or more; the light shades stay Mantine's.
 */
const shades = (base: MantineColorsTuple, dark: string[]): MantineColorsTuple =>
  [...base.slice(0, 10 - dark.length), ...dark] as unknown as MantineColorsTuple;
const COLORS = {
  green: shades(DEFAULT_THEME.colors.green, ['#2f9e44', '#2b8a3e', '#237032', '#1b5e2a']),
  yellow: shades(DEFAULT_THEME.colors.yellow, ['#7a4f00']),
  orange: shades(DEFAULT_THEME.colors.orange, ['#a63d0b']),
  teal: shades(DEFAULT_THEME.colors.teal, ['#086b5b']),
};

export function themeFor(locale: Locale): MantineThemeOverride {
  const fontFamily = locale === 'ur' ? URDU : LATIN;
  // Mantine's close buttons are icons without a name; a screen reader would announce "button".
  const closeButtonProps = { 'aria-label': messagesFor(locale)['common.close'] };
  return createTheme({
    primaryColor: 'green',
    colors: COLORS,
    primaryShade: { light: 8, dark: 6 },
    fontFamily,
    headings: { fontFamily },
    // Nastaliq's tall ascenders and descenders need more room between lines. (Left out, not
    // undefined, for English: Mantine's deep merge would replace its defaults with undefined.)
    ...(locale === 'ur' ? { lineHeights: { xs: '2', sm: '2', md: '2.1', lg: '2.2', xl: '2.2' } } : {}),
    focusRing: 'always',
    defaultRadius: 'sm',
    components: {
      Notification: Notification.extend({ defaultProps: { closeButtonProps } }),
      Modal: Modal.extend({ defaultProps: { closeButtonProps } }),
    },
  });
}
