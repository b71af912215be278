import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { BASE_CATALOGUE } from '../../src/forms/catalogue';
import { compileForm, MasterSnapshot } from '../../src/forms/compile';
import { FormDefinition, Localized, OptionItem } from '../../src/forms/definition';
import { FormError, FormValidation, FormValidator } from '../../src/forms/form-validator';

/*
 * Real PC-Is published by Khyber Pakhtunkhwa (2008–2015), Punjab (2014) and Sindh (2017-18) departments, entered on the
 * edition they were prepared on with their figures as published (test/fixtures/real-pc1, sources and what
 * was left out: docs/real-pc1-sources.md). Each is validated against the base catalogue with an
 * empty overlay and asserted: which scrutiny checks fire (errors and warnings, with their
 * figures), which must not, and which items the retrieved text does not give (required errors).
 * No database: the validator is pure.
 */

type Data = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

interface RealPcI {
  formKey: string;
  /** The province whose master data the document names (default Khyber Pakhtunkhwa). */
  province?: 'sindh' | 'punjab';
  source: { title: string; urls: string[]; sponsor: string; edition: string; variant: string; year: string };
  data: Data;
}

const FIXTURES = path.join(__dirname, '..', 'fixtures', 'real-pc1');
const load = (file: string): RealPcI => JSON.parse(readFileSync(path.join(FIXTURES, file), 'utf8')) as RealPcI;

const opt = (value: string, en: string, ur: string): OptionItem => ({ value, label: { en, ur } as Localized });

/**
 * The master data these documents name, with the real names (districts as they were when the
 * documents were prepared: Chitral was one district until 2018).
 */
const KP_MASTER: MasterSnapshot = {
  districts: [
    opt('abbottabad', 'Abbottabad', 'ایبٹ آباد'),
    opt('bannu', 'Bannu', 'بنوں'),
    opt('buner', 'Buner', 'بونیر'),
    opt('charsadda', 'Charsadda', 'چارسدہ'),
    opt('chitral', 'Chitral', 'چترال'),
    opt('dera-ismail-khan', 'Dera Ismail Khan', 'ڈیرہ اسماعیل خان'),
    opt('dir-lower', 'Lower Dir', 'لوئر دیر'),
    opt('dir-upper', 'Upper Dir', 'اپر دیر'),
    opt('hangu', 'Hangu', 'ہنگو'),
    opt('haripur', 'Haripur', 'ہری پور'),
    opt('karak', 'Karak', 'کرک'),
    opt('kohat', 'Kohat', 'کوہاٹ'),
    opt('lakki-marwat', 'Lakki Marwat', 'لکی مروت'),
    opt('malakand', 'Malakand', 'ملاکنڈ'),
    opt('mansehra', 'Mansehra', 'مانسہرہ'),
    opt('mardan', 'Mardan', 'مردان'),
    opt('nowshera', 'Nowshera', 'نوشہرہ'),
    opt('peshawar', 'Peshawar', 'پشاور'),
    opt('shangla', 'Shangla', 'شانگلہ'),
    opt('swabi', 'Swabi', 'صوابی'),
    opt('swat', 'Swat', 'سوات'),
  ],
  sectors: [
    opt('agriculture-extension', 'Agriculture Extension', 'زرعی توسیع'),
    opt('agriculture-production', 'Agriculture Production', 'زرعی پیداوار'),
    opt('transport-communications', 'Transport & Communications', 'نقل و حمل و مواصلات'),
  ],
  'sub-sectors': [
    opt('crops', 'Crops', 'فصلیں'),
    opt('horticulture', 'Horticulture', 'باغبانی'),
    opt('livestock-dairy', 'Livestock & dairy', 'مویشی و ڈیری'),
    opt('roads', 'Roads', 'سڑکیں'),
    opt('seed-certification', 'Seed production & certification', 'بیج کی تیاری و تصدیق'),
  ],
  departments: [
    opt('AGRI', 'Agriculture, Livestock & Cooperative Department', 'محکمہ زراعت، لائیو سٹاک و کوآپریٹو'),
    opt('CW', 'Communication & Works Department', 'محکمہ مواصلات و تعمیرات'),
  ],
  'funding-sources': [
    opt('provincial-adp', 'Provincial Annual Development Programme (ADP)', 'صوبائی سالانہ ترقیاتی پروگرام (اے ڈی پی)'),
  ],
};

const SINDH_MASTER: MasterSnapshot = {
  districts: [opt('tharparkar', 'Tharparkar', 'تھرپارکر')],
  sectors: [opt('agriculture-production', 'Agriculture Production', 'زرعی پیداوار')],
  departments: [opt('LF', 'Livestock & Fisheries Department', 'محکمہ لائیو اسٹاک و فشریز')],
  'funding-sources': [
    opt('provincial-adp', 'Provincial Annual Development Programme (ADP)', 'صوبائی سالانہ ترقیاتی پروگرام (اے ڈی پی)'),
  ],
};

const PUNJAB_MASTER: MasterSnapshot = {
  districts: [opt('khushab', 'Khushab', 'خوشاب')],
  sectors: [
    opt('culture-sports-tourism-youth', 'Culture, Sports, Tourism & Youth', 'ثقافت، کھیل، سیاحت و امور نوجوانان'),
  ],
  departments: [
    opt(
      'YASAT',
      'Youth Affairs, Sports, Archaeology & Tourism Department',
      'محکمہ امورِ نوجوانان، کھیل، آثارِ قدیمہ و سیاحت',
    ),
  ],
  'funding-sources': [
    opt('provincial-adp', 'Provincial Annual Development Programme (ADP)', 'صوبائی سالانہ ترقیاتی پروگرام (اے ڈی پی)'),
  ],
};
const MASTERS: Record<NonNullable<RealPcI['province']> | 'khyber-pakhtunkhwa', MasterSnapshot> = {
  'khyber-pakhtunkhwa': KP_MASTER,
  sindh: SINDH_MASTER,
  punjab: PUNJAB_MASTER,
};

const definitionOf = (key: string): FormDefinition => {
  const def = BASE_CATALOGUE.find((d) => d.key === key);
  if (!def) throw new Error(`no catalogue form ${key}`);
  return def;
};

const validators = new Map<string, FormValidator>();
function validatorFor(doc: RealPcI): FormValidator {
  const province = doc.province ?? 'khyber-pakhtunkhwa';
  const id = `${province}:${doc.formKey}`;
  let v = validators.get(id);
  if (!v) {
    const def = definitionOf(doc.formKey);
    const { compiled, conflicts } = compileForm(def, { baseVersion: def.version, operations: [] }, MASTERS[province]);
    expect(conflicts).toEqual([]);
    v = new FormValidator(compiled);
    validators.set(id, v);
  }
  return v;
}

/** A fired scrutiny check as a scrutiny officer would note it: which check, where, the figures. */
interface Finding {
  check: string;
  pointer: string;
  item?: string;
  left?: string;
  right?: string;
}

const finding = (e: FormError): Finding => {
  const p = e.params ?? {};
  return {
    check: String(p.check),
    pointer: e.pointer,
    ...(e.item === undefined ? {} : { item: e.item }),
    ...(p.left === undefined ? {} : { left: String(p.left) }),
    ...(p.right === undefined ? {} : { right: String(p.right) }),
  };
};
const checkErrors = (r: FormValidation) => r.errors.filter((e) => e.code === 'check').map(finding);
const checkWarnings = (r: FormValidation) => r.warnings.map(finding);
const requiredPointers = (r: FormValidation) => r.errors.filter((e) => e.code === 'required').map((e) => e.pointer);
/** Errors that are neither a missing item nor a scrutiny check: a malformed entry of the fixture. */
const malformed = (r: FormValidation) =>
  r.errors.filter((e) => !['required', 'check'].includes(e.code)).map((e) => `${e.pointer} ${e.code}`);

function validate(doc: RealPcI, change?: (d: Data) => void): FormValidation {
  const data = structuredClone(doc.data);
  change?.(data);
  return validatorFor(doc).validate(data);
}

/** Items the retrieved text of every document stops before: reported as missing, never invented. */
const UNPUBLISHED_BODY = [
  '/capitalCost/estimate',
  '/capitalCost/phasing',
  '/financing/plan',
  '/implementation/schedule',
  '/rbm/indicators',
  '/management/manpower',
  '/certificate/confirmed',
];

describe('real published PC-Is (Khyber Pakhtunkhwa 2008–2015, Punjab 2014, Sindh 2017) on their own edition', () => {
  test('nine documents are entered, each on a 2005-edition key of the catalogue', () => {
    const files = readdirSync(FIXTURES)
      .filter((f) => f.endsWith('.json'))
      .sort();
    expect(files).toHaveLength(9);
    for (const f of files) {
      const doc = load(f);
      expect({ f, key: doc.formKey }).toEqual({
        f,
        key: expect.stringMatching(/^pc1-(infrastructure|production|social)-2005$/),
      });
      expect(doc.source.urls.length).toBeGreaterThan(0);
      expect(definitionOf(doc.formKey).key).toBe(doc.formKey);
    }
  });

  test(
    'on its own 2005 edition no document is asked for the 2024 climate items; ' +
      'on the 2024 edition each would need invented content',
    () => {
      const CLIMATE_2024 = [
        '/location/biophysicalConditions',
        '/objectives/sectoralObjectives',
        '/objectives/economicObjectives',
        '/objectives/socialObjectives',
        '/objectives/climateObjectives',
      ];
      for (const f of readdirSync(FIXTURES).filter((x) => x.endsWith('.json'))) {
        const doc = load(f);
        const own = requiredPointers(validate(doc));
        const asIf2024 = requiredPointers(validate({ ...doc, formKey: doc.formKey.replace(/-2005$/, '') }));
        expect({ f, own: own.filter((p) => CLIMATE_2024.includes(p)) }).toEqual({ f, own: [] });
        expect({ f, extra2024: asIf2024.filter((p) => !own.includes(p)) }).toEqual({ f, extra2024: CLIMATE_2024 });
      }
    },
  );

  describe('Vegetable Promotion in NWFP (2008-09, province-wide, 12.00 of 40.00 million)', () => {
    const doc = load('kp-vegetable-promotion-2008.json');
    const r = validate(doc);

    test('every entered figure and code fits the proforma', () => {
      expect(malformed(r)).toEqual([]);
    });

    test('no scrutiny check fires on the published figures', () => {
      expect(checkErrors(r)).toEqual([]);
      expect(checkWarnings(r)).toEqual([]);
    });

    test('"ALL DISTRICTS IN NWFP" is a province-wide location: no district list is asked for', () => {
      expect(requiredPointers(r)).not.toContain('/location/districts');
      // The same document claiming one district without naming it is incomplete.
      const narrowed = validate(doc, (d) => {
        d.location.scope = 'district';
      });
      expect(requiredPointers(narrowed)).toContain('/location/districts');
    });

    test('not in the five-year plan: the justification given is accepted; items not retrieved are missing', () => {
      const missing = requiredPointers(r);
      expect(missing).not.toContain('/planProvision/inclusionJustification');
      expect(missing).toEqual(expect.arrayContaining(UNPUBLISHED_BODY));
    });
  });

  describe('Re-location of Government Seed Farm Hangu at Jozara (ADP 2011-12 No. 479/110121)', () => {
    const doc = load('kp-jozara-seed-farm-2012.json');
    const r = validate(doc);

    test('every entered figure and code fits the proforma (serial 479, computer code 110121)', () => {
      expect(malformed(r)).toEqual([]);
    });

    test(
      'no scrutiny check fires: the cost table that would show ' +
        '20.00 of 20.00 million is not in the retrieved text',
      () => {
        expect(checkErrors(r)).toEqual([]);
        expect(checkWarnings(r)).toEqual([]);
        expect(requiredPointers(r)).toEqual(expect.arrayContaining(UNPUBLISHED_BODY));
      },
    );

    test('"serial No. 479/110121" is two codes: typed as one ADP number it is refused, split it enters', () => {
      const asPrinted = validate(doc, (d) => {
        d.cover.adpNumber = '479/110121';
        delete d.cover.computerCode;
      });
      expect(malformed(asPrinted)).toEqual(expect.arrayContaining(['/cover/adpNumber pattern']));
      expect(r.data.cover).toMatchObject({ adpNumber: '479', computerCode: '110121' });
    });

    test(
      'the second allocation the document prints for ADP 2011-12 (Rs 40.00 million) ' +
        'exceeds the project cost it states (Rs 20.00 million): allocation-within-cost',
      () => {
        // Item 4(a) states the project cost as Rs 20.00 million; item 4(b) gives ADP 2011-12 an
        // allocation of Rs 20.00 million and, a sentence later, of Rs 40.00 million.
        const stated = validate(doc, (d) => {
          d.cover.totalCost = '20.000';
        });
        expect(checkErrors(stated)).toEqual([]);
        const second = validate(doc, (d) => {
          d.cover.totalCost = '20.000';
          d.planProvision.currentYearProvision = '40.000';
        });
        expect(checkErrors(second)).toEqual([
          {
            check: 'allocation-within-cost',
            item: '4',
            pointer: '/planProvision/currentYearProvision',
            left: '40',
            right: '20',
          },
        ]);
      },
    );

    test('"Not applicable" in the optional federal-ministry item is not a refused placeholder', () => {
      expect(r.errors.filter((e) => e.code === 'placeholder')).toEqual([]);
    });
  });

  describe(
    'Exploitation of Area Specific Potential of Various Crops (ADP 2009-10 No. ' + '535-90296, cover Rs 30.00 million)',
    () => {
      const doc = load('kp-crops-potential-2009.json');
      const r = validate(doc);

      test('every entered figure and code fits the proforma (11 districts, serial 535, code 90296)', () => {
        expect(malformed(r)).toEqual([]);
        expect(requiredPointers(r)).not.toContain('/location/districts');
      });

      test('no scrutiny check fires on the published figures', () => {
        expect(checkErrors(r)).toEqual([]);
        expect(checkWarnings(r)).toEqual([]);
      });
    },
  );

  describe('Establishment and Rehabilitation of Veterinary Institutions in Khyber Pakhtunkhwa (province-wide)', () => {
    const doc = load('kp-veterinary-institutions.json');
    const r = validate(doc);

    test('the retrieved items enter cleanly; the province-wide scheme names no district', () => {
      expect(malformed(r)).toEqual([]);
      expect(requiredPointers(r)).not.toContain('/location/districts');
      expect(checkErrors(r)).toEqual([]);
      expect(checkWarnings(r)).toEqual([]);
    });

    test('items the retrieved text does not give are missing, starting with the plan provision', () => {
      expect(requiredPointers(r)).toEqual(
        expect.arrayContaining(['/planProvision/inPlan', '/planProvision/currentYearProvision', ...UNPUBLISHED_BODY]),
      );
    });
  });

  describe(
    'Strengthening and Rehabilitation of Existing Veterinary Institutions ' +
      '— revised PC-I on the 2005 form (Rs 224.348 million, 36 months)',
    () => {
      const doc = load('kp-veterinary-institutions-revised-2014.json');
      const r = validate(doc);

      test('every entered figure and code fits the proforma (serial 28, computer code 110201, 18 districts)', () => {
        expect(malformed(r)).toEqual([]);
      });

      test('no scrutiny check fires: 36 months from FY 2012-13 to FY 2014-15 is consistent', () => {
        expect(checkErrors(r)).toEqual([]);
        expect(checkWarnings(r)).toEqual([]);
      });

      test('the period checks do read these dates: a wrong duration or reversed dates would be reported', () => {
        const shorter = validate(doc, (d) => {
          d.implementation.durationMonths = 30;
        });
        expect(checkWarnings(shorter)).toEqual([
          {
            check: 'duration-matches-dates',
            pointer: '/implementation/durationMonths',
            item: '12(a)',
            left: '30',
            right: '36',
          },
        ]);
        expect(checkErrors(shorter)).toEqual([]);
        const reversed = validate(doc, (d) => {
          [d.implementation.commencementDate, d.implementation.completionDate] = [
            d.implementation.completionDate,
            d.implementation.commencementDate,
          ];
        });
        expect(checkErrors(reversed)).toEqual([
          { check: 'commencement-before-completion', pointer: '/implementation/completionDate', item: '12(a)' },
        ]);
      });
    },
  );

  describe(
    'Black Topping of Boni Mastuj Shandoor Road, ' + 'District Chitral (infrastructure, ADP 2013-14 No. 363/70216)',
    () => {
      const doc = load('kp-boni-mastuj-road-2013.json');
      const r = validate(doc);

      test('every entered figure and code fits the infrastructure proforma', () => {
        expect(malformed(r)).toEqual([]);
      });

      test(
        'no scrutiny check fires on the published figures (the block-provision figures, ' +
          'printed under "Not applicable", are not entered)',
        () => {
          expect(checkErrors(r)).toEqual([]);
          expect(checkWarnings(r)).toEqual([]);
          expect(requiredPointers(r)).not.toContain('/planProvision/blockProvision');
        },
      );
    },
  );
  describe(
    'Study on the causes of calf mortality (ADP 2015-16 No. ' + '39/150601, cover Rs 8.000 million, 24 months)',
    () => {
      const doc = load('kp-calf-mortality-study-2015.json');
      const r = validate(doc);

      test('every entered figure and code fits the proforma', () => {
        expect(malformed(r)).toEqual([]);
      });

      test('no scrutiny check fires: 3.000 of 8.000 million this year, 24 months over FY 2015-16 and 2016-17', () => {
        expect(checkErrors(r)).toEqual([]);
        expect(checkWarnings(r)).toEqual([]);
      });

      test('the published period is read: a duration other than 24 months would be questioned', () => {
        const longer = validate(doc, (d) => {
          d.implementation.durationMonths = 36;
        });
        expect(checkWarnings(longer)).toEqual([
          {
            check: 'duration-matches-dates',
            pointer: '/implementation/durationMonths',
            item: '12(a)',
            left: '36',
            right: '24',
          },
        ]);
      });
    },
  );

  describe(
    'Poverty elimination of people of Tharparkar through livestock (Sindh, ' + 'ADP 2017-18, Rs 31.86 million)',
    () => {
      const doc = load('sindh-tharparkar-livestock-2017.json');
      const r = validate(doc);

      test('a Sindh document enters on the same 2005 proforma with Sindh master data', () => {
        expect(malformed(r)).toEqual([]);
        expect(checkErrors(r)).toEqual([]);
        expect(checkWarnings(r)).toEqual([]);
      });

      test('the document has no item 4(b): the current-year provision is missing, as published', () => {
        expect(requiredPointers(r)).toEqual(
          expect.arrayContaining([
            '/planProvision/currentYear',
            '/planProvision/currentYearProvision',
            ...UNPUBLISHED_BODY,
          ]),
        );
        expect(requiredPointers(r)).not.toContain('/planProvision/inclusionJustification');
      });
    },
  );
  describe(
    'Development of Eco-Tourism in Soan Valley (Punjab, ' +
      'social sectors, G.Sr. No 2405, Rs 240.620 million, 18 months)',
    () => {
      const doc = load('punjab-soan-valley-eco-tourism-2014.json');
      const r = validate(doc);

      test(
        'no scrutiny check fires: Rs 120.00 million in MTDF ' + '2014-17 against a cover cost of Rs 240.620 million',
        () => {
          expect(checkErrors(r)).toEqual([]);
          expect(checkWarnings(r)).toEqual([]);
        },
      );

      test(
        "Punjab's published Scheme ID 33-1407143-010 enters as the computer " +
          "code (digit groups joined by hyphens), as KP's six digits do",
        () => {
          expect(malformed(r)).toEqual([]);
          expect(r.data.cover).toMatchObject({ computerCode: '33-1407143-010' });
          expect(
            malformed(
              validate(doc, (d) => {
                d.cover.computerCode = '33/1407143';
              }),
            ),
          ).toEqual(['/cover/computerCode pattern']);
          // The G.Sr. No (ADP serial) 2405 fits; "------" in the optional federal-ministry item is not refused.
          expect(r.errors.filter((e) => e.pointer === '/cover/adpNumber' || e.code === 'placeholder')).toEqual([]);
        },
      );

      test(
        'the social variant asks for its own items (beneficiaries, ' +
          'gender), which the retrieved text does not give',
        () => {
          expect(requiredPointers(r)).toEqual(
            expect.arrayContaining([
              '/objectives/genderAlignment',
              '/description/beneficiariesMale',
              '/description/beneficiariesFemale',
              ...UNPUBLISHED_BODY,
            ]),
          );
        },
      );
    },
  );
});
