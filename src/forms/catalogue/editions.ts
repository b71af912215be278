import { FormEdition } from '../definition';
import { l } from './common';

/*
 * The proforma edition each catalogue form follows. Editions of one proforma are separate forms
 * (keys): the newest keeps the proforma's own key, so documents and overlays made before editions
 * existed stay where they were (they are the 2024 PC-I, the 2017 revised PC-I …), and an older
 * edition is the proforma's key with its year ('pc1-infrastructure-2005').
 */

const edition = (proforma: string, id: string, en: string, ur: string): FormEdition => ({
  proforma,
  id,
  label: l(en, ur),
});

export const EDITIONS: Readonly<Record<string, FormEdition>> = {
  'pc1-infrastructure': edition(
    'pc1-infrastructure',
    '2024',
    'PC-I 2024 (with climate items)',
    'پی سی ون 2024 (موسمیاتی مدات کے ساتھ)',
  ),
  'pc1-infrastructure-2005': edition('pc1-infrastructure', '2005', 'PC-I 2005', 'پی سی ون 2005'),
  'pc1-production': edition(
    'pc1-production',
    '2024',
    'PC-I 2024 (with climate items)',
    'پی سی ون 2024 (موسمیاتی مدات کے ساتھ)',
  ),
  'pc1-production-2005': edition('pc1-production', '2005', 'PC-I 2005', 'پی سی ون 2005'),
  'pc1-social': edition(
    'pc1-social',
    '2024',
    'PC-I 2024 (with climate items)',
    'پی سی ون 2024 (موسمیاتی مدات کے ساتھ)',
  ),
  'pc1-social-2005': edition(
    'pc1-social',
    '2005',
    'PC-I 2005 (2011 social form)',
    'پی سی ون 2005 (2011 کا سماجی فارم)',
  ),
  'pc1-revised': edition('pc1-revised', '2017', 'Revised PC-I 2017', 'نظرِ ثانی شدہ پی سی ون 2017'),
  pc2: edition('pc2', '2005', 'PC-II (Manual for Development Projects)', 'پی سی ٹو (ترقیاتی منصوبوں کا مینوئل)'),
  pc3a: edition('pc3a', '2006', 'PC-III(A) annual work and cash plan', 'پی سی تھری (اے) سالانہ ورک و کیش پلان'),
  pc3b: edition(
    'pc3b',
    '2006',
    'PC-III(B) monthly progress (2006 guidelines)',
    'پی سی تھری (بی) ماہانہ پیش رفت (2006 کی ہدایات)',
  ),
  pc4: edition('pc4', '2010', 'PC-IV 2005 / PCR-01 2010', 'پی سی فور 2005 / پی سی آر-01 2010'),
  pc5: edition('pc5', '2005', 'PC-V', 'پی سی فائیو'),
};

/** The edition of a catalogue form; every form has one (the catalogue refuses to start otherwise). */
export function editionOf(key: string): FormEdition | undefined {
  return EDITIONS[key];
}
