import { readFileSync } from 'node:fs';
import path from 'node:path';

/*
 * The fonts every PDF embeds, read once from the npm packages (@fontsource/*) and inlined as
 * data: URLs, so printing needs no network and no fonts installed on the machine. (Serving them
 * to the page through request interception parses faster, but Chromium then prints no header
 * and footer.) One @font-face rule per weight and file: Debian's Noto Nastaliq files report the
 * same weight for Regular and Bold, and without explicit rules Chromium picks the wrong one.
 */

export const LATIN_FAMILY = 'Daftar Noto Sans';
export const URDU_FAMILY = 'Daftar Noto Nastaliq Urdu';

/** Unicode ranges of the Arabic-script subset, as @fontsource declares them. */
const ARABIC_RANGE =
  'U+0600-06FF, U+0750-077F, U+0870-088E, U+0890-0891, U+0897-08E1, U+08E3-08FF, ' +
  'U+200C-200E, U+2010-2011, U+204F, U+2E41, U+FB50-FDFF, U+FE70-FE74, U+FE76-FEFC';

const FACES: Array<{ family: string; pkg: string; file: string; weight: 400 | 700; range?: string }> = [
  { family: LATIN_FAMILY, pkg: '@fontsource/noto-sans', file: 'noto-sans-latin-400-normal.woff2', weight: 400 },
  { family: LATIN_FAMILY, pkg: '@fontsource/noto-sans', file: 'noto-sans-latin-700-normal.woff2', weight: 700 },
  { family: LATIN_FAMILY, pkg: '@fontsource/noto-sans', file: 'noto-sans-latin-ext-400-normal.woff2', weight: 400 },
  { family: LATIN_FAMILY, pkg: '@fontsource/noto-sans', file: 'noto-sans-latin-ext-700-normal.woff2', weight: 700 },
  {
    family: URDU_FAMILY,
    pkg: '@fontsource/noto-nastaliq-urdu',
    file: 'noto-nastaliq-urdu-arabic-400-normal.woff2',
    weight: 400,
    range: ARABIC_RANGE,
  },
  {
    family: URDU_FAMILY,
    pkg: '@fontsource/noto-nastaliq-urdu',
    file: 'noto-nastaliq-urdu-arabic-700-normal.woff2',
    weight: 700,
    range: ARABIC_RANGE,
  },
];

const built = new Map<string, string>();
const fileOf = (face: (typeof FACES)[number]) =>
  readFileSync(path.join(path.dirname(require.resolve(`${face.pkg}/package.json`)), 'files', face.file));

function rule(face: (typeof FACES)[number], src: string): string {
  const range = face.range ? `unicode-range:${face.range};` : '';
  return (
    `@font-face{font-family:'${face.family}';font-style:normal;font-weight:${face.weight};` +
    `font-display:block;src:${src};${range}}`
  );
}

/**
 * @font-face rules with the fonts inline (about 0.9 MB of base64 for everything), built once per
 * choice. Chromium prints the page header and footer in a context of their own that does not see
 * the page's fonts, so they get their own (regular weight only).
 */
export function fontFaceCss(
  weights: readonly number[] = [400, 700],
  families: readonly string[] = [LATIN_FAMILY, URDU_FAMILY],
): string {
  const cacheKey = `${weights.join(',')}|${families.join(',')}`;
  const hit = built.get(cacheKey);
  if (hit) return hit;
  const css = FACES.filter((face) => weights.includes(face.weight) && families.includes(face.family))
    .map((face) => rule(face, `url(data:font/woff2;base64,${fileOf(face).toString('base64')}) format('woff2')`))
    .join('\n');
  built.set(cacheKey, css);
  return css;
}
