import { FormDefinition } from '../../definition';

/*
 * pc1-social 1.0.0 exactly as released (generated from the definition before pc1-social got a new base
 * version; never edit: provinces have published versions and overlays on it, and test/forms/catalogue.spec.ts
 * checks its content hash).
 */
export const pc1SocialV100: FormDefinition = {
  "key": "pc1-social",
  "version": "1.0.0",
  "family": "PC-I",
  "variant": "social",
  "title": {
    "en": "PC-I: Proforma for development projects (Social sectors)",
    "ur": "پی سی ون: ترقیاتی منصوبوں کا پروفارما (سماجی شعبے)"
  },
  "source": {
    "document": "PC-I Form (Social Sectors), Planning Commission of Pakistan, revised 2005 (2011 social form), with the 2024 additions",
    "urls": [
      "https://studylib.net/doc/25351851/pc-1-2",
      "https://fdocuments.in/document/3-pc-i-social-production-sectors.html",
      "https://www.scribd.com/document/758648263/Modified-PC-1",
      "https://www.scribd.com/document/812337484/PC-I-revised-2024",
      "https://yumpu.com/en/document/view/6998869/manual-for-development-projects-planning-commission/84"
    ],
    "notes": "Sections and items follow the 2005 PC-I (15 items, three sector variants) with the 2024 additions (Manual for Development Projects 2024, Appendix-B) as summarised in the domain notes: environmental and biophysical conditions and agro-ecological zone (item 2), component-wise responsibility and climate adaptation/mitigation agencies (item 3), four objective types (sectoral, economic, social, climate) of up to three measurable objectives each linked to SDGs/NDCs (item 5). [verify] The 2024 additions were taken from an excerpt of the 2024 instructions, not the official Appendix-B; whether all four objective types are mandatory for every project is assumed. [verify] The exact layout of the item 7 capital cost table is not printed on the proforma: modelled as item × financial year × local/FEC, with a separate year-wise phasing that must add up to it. The cover page has no printed number (numbered '0' here). Block provision (item 4): 'balance available' is taken as total block provision minus the amount already committed, so the amount proposed must not exceed it. Agro-ecological zones follow the PARC classification. The environmental assessment (IEE/EIA) field, design status and contingency percentages are practice fields, not printed items. Feasibility study required at ≥ Rs 300 million (item 6). Social variant: item 6 has no technology transfer; item 11 drops the economic analysis (i Financial, ii Social, iii Employment, iv Environment, v Delays; unit cost only); item 6 asks for male/female beneficiaries and facilities; item 5 gender/MDG alignment; the 2011 social form adds \"Recommended by\" and dates to the certificate. The Modified PC-1 URL was cited in the domain notes through a proxy (anonyproxies.com)."
  },
  "sections": [
    {
      "id": "cover",
      "number": "0",
      "label": {
        "en": "Cover page",
        "ur": "سرورق"
      },
      "help": {
        "en": "Government of Pakistan, Planning Commission: PC-I form (Social sectors).",
        "ur": "حکومتِ پاکستان، پلاننگ کمیشن: پی سی ون فارم (سماجی شعبے)۔"
      },
      "fields": [
        {
          "id": "sector",
          "type": "select",
          "label": {
            "en": "Sector",
            "ur": "شعبہ"
          },
          "options": {
            "master": "sectors"
          },
          "required": true,
          "locked": true
        },
        {
          "id": "proformaSubSector",
          "type": "select",
          "label": {
            "en": "Sub-sector as listed on the PC-I (Social sectors)",
            "ur": "پی سی ون (سماجی شعبے) میں درج ذیلی شعبہ"
          },
          "options": [
            {
              "value": "education-training-manpower",
              "label": {
                "en": "Education, Training & Manpower",
                "ur": "تعلیم، تربیت اور افرادی قوت"
              }
            },
            {
              "value": "health-nutrition-population-welfare",
              "label": {
                "en": "Health, Nutrition, Family Planning & Social Welfare",
                "ur": "صحت، غذائیت، خاندانی منصوبہ بندی اور سماجی بہبود"
              }
            },
            {
              "value": "science-technology",
              "label": {
                "en": "Science & Technology",
                "ur": "سائنس و ٹیکنالوجی"
              }
            },
            {
              "value": "water-supply-sewerage",
              "label": {
                "en": "Water Supply & Sewerage",
                "ur": "فراہمیٔ آب اور سیوریج"
              }
            },
            {
              "value": "culture-sports-tourism-youth",
              "label": {
                "en": "Culture, Sports, Tourism & Youth",
                "ur": "ثقافت، کھیل، سیاحت اور امورِ نوجوانان"
              }
            },
            {
              "value": "mass-media",
              "label": {
                "en": "Mass Media",
                "ur": "ذرائع ابلاغ"
              }
            },
            {
              "value": "governance",
              "label": {
                "en": "Governance",
                "ur": "طرزِ حکمرانی"
              }
            },
            {
              "value": "research",
              "label": {
                "en": "Research",
                "ur": "تحقیق"
              }
            }
          ],
          "required": true,
          "locked": true,
          "fixedOptions": true
        },
        {
          "id": "subSector",
          "type": "select",
          "label": {
            "en": "Sub-sector",
            "ur": "ذیلی شعبہ"
          },
          "options": {
            "master": "sub-sectors"
          },
          "required": true,
          "locked": true
        },
        {
          "id": "preparationDate",
          "type": "date",
          "label": {
            "en": "Date of preparation",
            "ur": "تاریخِ تیاری"
          },
          "required": true,
          "locked": true
        },
        {
          "id": "adpNumber",
          "type": "text",
          "label": {
            "en": "ADP / PSDP number",
            "ur": "اے ڈی پی / پی ایس ڈی پی نمبر"
          },
          "constraints": {
            "maxLength": 300
          },
          "help": {
            "en": "Serial number of the project in the Annual Development Programme (or PSDP), if already included.",
            "ur": "سالانہ ترقیاتی پروگرام (یا پی ایس ڈی پی) میں منصوبے کا سلسلہ وار نمبر، اگر پہلے سے شامل ہو۔"
          }
        },
        {
          "id": "adpYear",
          "type": "fiscalYear",
          "label": {
            "en": "ADP / PSDP year",
            "ur": "اے ڈی پی / پی ایس ڈی پی کا سال"
          }
        },
        {
          "id": "sponsoringDepartment",
          "type": "select",
          "label": {
            "en": "Sponsoring department",
            "ur": "سرپرست محکمہ"
          },
          "options": {
            "master": "departments"
          },
          "required": true,
          "locked": true
        }
      ]
    },
    {
      "id": "name",
      "number": "1",
      "label": {
        "en": "Name of the project",
        "ur": "منصوبے کا نام"
      },
      "fields": [
        {
          "id": "title",
          "type": "text",
          "label": {
            "en": "Name of the project",
            "ur": "منصوبے کا نام"
          },
          "required": true,
          "locked": true,
          "constraints": {
            "maxLength": 300
          },
          "help": {
            "en": "As it will appear in the ADP/PSDP.",
            "ur": "جیسا کہ اے ڈی پی / پی ایس ڈی پی میں درج ہوگا۔"
          }
        },
        {
          "id": "projectCode",
          "type": "text",
          "label": {
            "en": "Project code (if allotted)",
            "ur": "منصوبے کا کوڈ (اگر الاٹ ہو)"
          },
          "constraints": {
            "maxLength": 300
          }
        }
      ]
    },
    {
      "id": "location",
      "number": "2",
      "label": {
        "en": "Location",
        "ur": "محلِ وقوع"
      },
      "fields": [
        {
          "id": "province",
          "type": "select",
          "label": {
            "en": "Province / region",
            "ur": "صوبہ / علاقہ"
          },
          "options": [
            {
              "value": "khyber-pakhtunkhwa",
              "label": {
                "en": "Khyber Pakhtunkhwa",
                "ur": "خیبر پختونخوا"
              }
            },
            {
              "value": "punjab",
              "label": {
                "en": "Punjab",
                "ur": "پنجاب"
              }
            },
            {
              "value": "sindh",
              "label": {
                "en": "Sindh",
                "ur": "سندھ"
              }
            },
            {
              "value": "balochistan",
              "label": {
                "en": "Balochistan",
                "ur": "بلوچستان"
              }
            },
            {
              "value": "gilgit-baltistan",
              "label": {
                "en": "Gilgit-Baltistan",
                "ur": "گلگت بلتستان"
              }
            },
            {
              "value": "azad-jammu-kashmir",
              "label": {
                "en": "Azad Jammu & Kashmir",
                "ur": "آزاد جموں و کشمیر"
              }
            },
            {
              "value": "islamabad-capital-territory",
              "label": {
                "en": "Islamabad Capital Territory",
                "ur": "اسلام آباد دارالحکومت علاقہ"
              }
            }
          ],
          "required": true,
          "locked": true,
          "fixedOptions": true
        },
        {
          "id": "districts",
          "type": "multiselect",
          "label": {
            "en": "District(s)",
            "ur": "ضلع / اضلاع"
          },
          "options": {
            "master": "districts"
          },
          "required": true,
          "locked": true,
          "constraints": {
            "minItems": 1,
            "maxItems": 50
          }
        },
        {
          "id": "tehsils",
          "type": "multiselect",
          "label": {
            "en": "Tehsil(s)",
            "ur": "تحصیل / تحصیلیں"
          },
          "options": {
            "master": "tehsils"
          },
          "constraints": {
            "maxItems": 200
          }
        },
        {
          "id": "city",
          "type": "text",
          "label": {
            "en": "City / village",
            "ur": "شہر / گاؤں"
          },
          "constraints": {
            "maxLength": 300
          }
        },
        {
          "id": "map",
          "type": "attachment",
          "label": {
            "en": "Location map",
            "ur": "محلِ وقوع کا نقشہ"
          }
        },
        {
          "id": "latitude",
          "type": "decimal",
          "label": {
            "en": "Latitude (GPS)",
            "ur": "عرض بلد (جی پی ایس)"
          },
          "constraints": {
            "minimum": "23",
            "maximum": "38",
            "scale": 6,
            "allowNegative": false
          }
        },
        {
          "id": "longitude",
          "type": "decimal",
          "label": {
            "en": "Longitude (GPS)",
            "ur": "طول بلد (جی پی ایس)"
          },
          "constraints": {
            "minimum": "60",
            "maximum": "78",
            "scale": 6,
            "allowNegative": false
          }
        },
        {
          "id": "agroEcologicalZones",
          "type": "multiselect",
          "label": {
            "en": "Agro-ecological zone(s)",
            "ur": "زرعی ماحولیاتی خطہ / خطے"
          },
          "options": [
            {
              "value": "indus-delta",
              "label": {
                "en": "I. Indus Delta",
                "ur": "I۔ سندھ ڈیلٹا"
              }
            },
            {
              "value": "southern-irrigated-plain",
              "label": {
                "en": "II. Southern Irrigated Plain",
                "ur": "II۔ جنوبی سیراب میدان"
              }
            },
            {
              "value": "sandy-desert",
              "label": {
                "en": "III. Sandy Desert",
                "ur": "III۔ ریتلا صحرا"
              }
            },
            {
              "value": "northern-irrigated-plain",
              "label": {
                "en": "IV. Northern Irrigated Plain",
                "ur": "IV۔ شمالی سیراب میدان"
              }
            },
            {
              "value": "barani-lands",
              "label": {
                "en": "V. Barani (rain-fed) Lands",
                "ur": "V۔ بارانی علاقے"
              }
            },
            {
              "value": "wet-mountains",
              "label": {
                "en": "VI. Wet Mountains",
                "ur": "VI۔ مرطوب پہاڑی علاقے"
              }
            },
            {
              "value": "northern-dry-mountains",
              "label": {
                "en": "VII. Northern Dry Mountains",
                "ur": "VII۔ شمالی خشک پہاڑی علاقے"
              }
            },
            {
              "value": "western-dry-mountains",
              "label": {
                "en": "VIII. Western Dry Mountains",
                "ur": "VIII۔ مغربی خشک پہاڑی علاقے"
              }
            },
            {
              "value": "dry-western-plateau",
              "label": {
                "en": "IX. Dry Western Plateau",
                "ur": "IX۔ خشک مغربی سطح مرتفع"
              }
            },
            {
              "value": "sulaiman-piedmont",
              "label": {
                "en": "X. Sulaiman Piedmont",
                "ur": "X۔ کوہِ سلیمان کا دامنی علاقہ"
              }
            }
          ],
          "constraints": {
            "maxItems": 10
          }
        },
        {
          "id": "biophysicalConditions",
          "type": "textarea",
          "label": {
            "en": "Environmental and biophysical conditions of the project area",
            "ur": "منصوبے کے علاقے کے ماحولیاتی اور حیاتیاتی و طبعی حالات"
          },
          "constraints": {
            "maxLength": 20000
          },
          "required": true,
          "locked": true,
          "help": {
            "en": "PC-I 2024: terrain, climate, hydrology, soils and exposure to climate hazards (floods, droughts, heat waves, landslides).",
            "ur": "پی سی ون 2024: زمینی ساخت، آب و ہوا، آبی نظام، مٹی اور موسمیاتی خطرات (سیلاب، خشک سالی، گرمی کی لہر، لینڈ سلائیڈنگ) سے واسطہ۔"
          }
        },
        {
          "id": "ecosystems",
          "type": "textarea",
          "label": {
            "en": "Ecosystems in and around the project area",
            "ur": "منصوبے کے علاقے اور گرد و نواح کے ماحولیاتی نظام"
          },
          "constraints": {
            "maxLength": 20000
          }
        },
        {
          "id": "naturalResources",
          "type": "textarea",
          "label": {
            "en": "Natural resources (water, forests, land, biodiversity)",
            "ur": "قدرتی وسائل (پانی، جنگلات، زمین، حیاتیاتی تنوع)"
          },
          "constraints": {
            "maxLength": 20000
          }
        }
      ]
    },
    {
      "id": "authorities",
      "number": "3",
      "label": {
        "en": "Authorities responsible for",
        "ur": "ذمہ دار ادارے"
      },
      "fields": [
        {
          "id": "sponsoring",
          "type": "text",
          "label": {
            "en": "Sponsoring agency",
            "ur": "سرپرست ادارہ"
          },
          "required": true,
          "locked": true,
          "constraints": {
            "maxLength": 300
          }
        },
        {
          "id": "executing",
          "type": "text",
          "label": {
            "en": "Executing agency",
            "ur": "عمل درآمد کرنے والا ادارہ"
          },
          "required": true,
          "locked": true,
          "constraints": {
            "maxLength": 300
          }
        },
        {
          "id": "operationAndMaintenance",
          "type": "text",
          "label": {
            "en": "Agency responsible for operation & maintenance",
            "ur": "آپریشن و دیکھ بھال کا ذمہ دار ادارہ"
          },
          "constraints": {
            "maxLength": 300
          }
        },
        {
          "id": "federalMinistry",
          "type": "text",
          "label": {
            "en": "Concerned federal ministry (provincial projects)",
            "ur": "متعلقہ وفاقی وزارت (صوبائی منصوبے)"
          },
          "constraints": {
            "maxLength": 300
          }
        },
        {
          "id": "multipleAgencies",
          "type": "boolean",
          "label": {
            "en": "Is more than one agency involved in execution?",
            "ur": "کیا عمل درآمد میں ایک سے زیادہ ادارے شامل ہیں؟"
          }
        },
        {
          "id": "componentResponsibility",
          "type": "table",
          "label": {
            "en": "Component-wise responsibility",
            "ur": "اجزاء کے لحاظ سے ذمہ داری"
          },
          "help": {
            "en": "PC-I 2024: where more than one agency is involved, name the agency responsible for each component.",
            "ur": "پی سی ون 2024: ایک سے زیادہ اداروں کی صورت میں ہر جزو کا ذمہ دار ادارہ بتائیں۔"
          },
          "constraints": {
            "maxItems": 50
          },
          "columns": [
            {
              "id": "component",
              "type": "text",
              "label": {
                "en": "Component",
                "ur": "جزو"
              },
              "required": true,
              "constraints": {
                "maxLength": 300
              }
            },
            {
              "id": "agency",
              "type": "text",
              "label": {
                "en": "Responsible agency",
                "ur": "ذمہ دار ادارہ"
              },
              "required": true,
              "constraints": {
                "maxLength": 300
              }
            }
          ]
        },
        {
          "id": "climateAgencies",
          "type": "table",
          "label": {
            "en": "Agencies supporting climate adaptation / mitigation",
            "ur": "موسمیاتی موافقت / تخفیف میں معاون ادارے"
          },
          "help": {
            "en": "PC-I 2024: agencies that support the climate adaptation or mitigation measures of the project.",
            "ur": "پی سی ون 2024: وہ ادارے جو منصوبے کے موسمیاتی موافقت یا تخفیف کے اقدامات میں معاونت کرتے ہیں۔"
          },
          "constraints": {
            "maxItems": 20
          },
          "columns": [
            {
              "id": "agency",
              "type": "text",
              "label": {
                "en": "Agency",
                "ur": "ادارہ"
              },
              "required": true,
              "constraints": {
                "maxLength": 300
              }
            },
            {
              "id": "role",
              "type": "select",
              "label": {
                "en": "Role",
                "ur": "کردار"
              },
              "options": [
                {
                  "value": "adaptation",
                  "label": {
                    "en": "Adaptation",
                    "ur": "موافقت"
                  }
                },
                {
                  "value": "mitigation",
                  "label": {
                    "en": "Mitigation",
                    "ur": "تخفیف"
                  }
                },
                {
                  "value": "both",
                  "label": {
                    "en": "Adaptation and mitigation",
                    "ur": "موافقت اور تخفیف"
                  }
                }
              ],
              "required": true
            },
            {
              "id": "support",
              "type": "text",
              "label": {
                "en": "Nature of support",
                "ur": "معاونت کی نوعیت"
              },
              "constraints": {
                "maxLength": 300
              }
            }
          ]
        }
      ]
    },
    {
      "id": "planProvision",
      "number": "4",
      "label": {
        "en": "Plan provision",
        "ur": "پلان میں گنجائش"
      },
      "fields": [
        {
          "id": "inPlan",
          "type": "boolean",
          "label": {
            "en": "(a) Is the project included in the medium-term / five-year plan?",
            "ur": "(الف) کیا منصوبہ وسط مدتی / پنج سالہ منصوبے میں شامل ہے؟"
          },
          "required": true,
          "locked": true
        },
        {
          "id": "planReference",
          "type": "text",
          "label": {
            "en": "Plan document and reference",
            "ur": "منصوبہ دستاویز اور حوالہ"
          },
          "constraints": {
            "maxLength": 300
          }
        },
        {
          "id": "planAllocation",
          "type": "money",
          "label": {
            "en": "Allocation in the plan (Rs million)",
            "ur": "منصوبے میں مختص رقم (ملین روپے)"
          }
        },
        {
          "id": "inclusionJustification",
          "type": "textarea",
          "label": {
            "en": "If not included: what warrants its inclusion and how it will be accommodated",
            "ur": "اگر شامل نہیں: اس کی شمولیت کا جواز اور اسے کیسے سمویا جائے گا"
          },
          "constraints": {
            "maxLength": 20000
          }
        },
        {
          "id": "fromBlockProvision",
          "type": "boolean",
          "label": {
            "en": "Is the project to be financed from a block provision?",
            "ur": "کیا منصوبے کی مالی اعانت بلاک پروویژن سے کی جائے گی؟"
          }
        },
        {
          "id": "blockProvision",
          "type": "table",
          "label": {
            "en": "Block provision (Rs million)",
            "ur": "بلاک پروویژن (ملین روپے)"
          },
          "help": {
            "en": "Balance available = total block provision − amount already committed; the amount proposed for this project must not exceed it.",
            "ur": "دستیاب بقایا = کل بلاک پروویژن − پہلے سے مختص رقم؛ اس منصوبے کے لیے تجویز کردہ رقم اس سے زیادہ نہیں ہو سکتی۔"
          },
          "constraints": {
            "maxItems": 10
          },
          "columns": [
            {
              "id": "block",
              "type": "text",
              "label": {
                "en": "Block provision (name)",
                "ur": "بلاک پروویژن (نام)"
              },
              "required": true,
              "constraints": {
                "maxLength": 300
              }
            },
            {
              "id": "totalBlock",
              "type": "money",
              "label": {
                "en": "Total block provision",
                "ur": "کل بلاک پروویژن"
              },
              "required": true
            },
            {
              "id": "committed",
              "type": "money",
              "label": {
                "en": "Amount already committed",
                "ur": "پہلے سے مختص رقم"
              },
              "required": true
            },
            {
              "id": "proposed",
              "type": "money",
              "label": {
                "en": "Amount proposed for this project",
                "ur": "اس منصوبے کے لیے تجویز کردہ رقم"
              },
              "required": true
            },
            {
              "id": "balance",
              "type": "money",
              "label": {
                "en": "Balance available",
                "ur": "دستیاب بقایا"
              }
            }
          ],
          "totals": [
            "totalBlock",
            "committed",
            "proposed",
            "balance"
          ]
        },
        {
          "id": "currentYear",
          "type": "fiscalYear",
          "label": {
            "en": "(b) Current financial year",
            "ur": "(ب) رواں مالی سال"
          },
          "required": true,
          "locked": true
        },
        {
          "id": "currentYearProvision",
          "type": "money",
          "label": {
            "en": "(b) Provision in the current year PSDP / ADP (Rs million)",
            "ur": "(ب) رواں سال کے پی ایس ڈی پی / اے ڈی پی میں گنجائش (ملین روپے)"
          },
          "required": true,
          "locked": true,
          "help": {
            "en": "Enter 0 if the project has no allocation this year.",
            "ur": "اگر اس سال کوئی رقم مختص نہیں تو 0 درج کریں۔"
          }
        }
      ]
    },
    {
      "id": "objectives",
      "number": "5",
      "label": {
        "en": "Project objectives and their relationship with sector objectives",
        "ur": "منصوبے کے مقاصد اور شعبہ جاتی مقاصد سے ان کا تعلق"
      },
      "fields": [
        {
          "id": "sectorObjectives",
          "type": "textarea",
          "label": {
            "en": "Sector objectives (as in the plan)",
            "ur": "شعبہ جاتی مقاصد (منصوبے کے مطابق)"
          },
          "constraints": {
            "maxLength": 20000
          },
          "required": true,
          "locked": true
        },
        {
          "id": "projectObjectives",
          "type": "textarea",
          "label": {
            "en": "Project objectives",
            "ur": "منصوبے کے مقاصد"
          },
          "constraints": {
            "maxLength": 20000
          },
          "required": true,
          "locked": true
        },
        {
          "id": "relationship",
          "type": "textarea",
          "label": {
            "en": "Relationship of the project objectives with the sector objectives",
            "ur": "منصوبے کے مقاصد کا شعبہ جاتی مقاصد سے تعلق"
          },
          "constraints": {
            "maxLength": 20000
          },
          "required": true,
          "locked": true
        },
        {
          "id": "sectoralObjectives",
          "type": "table",
          "label": {
            "en": "Sectoral objectives",
            "ur": "شعبہ جاتی مقاصد"
          },
          "required": true,
          "locked": true,
          "help": {
            "en": "PC-I 2024: up to three measurable objectives, each with an indicator and target, linked to the SDGs and, where relevant, to Pakistan's NDCs.",
            "ur": "پی سی ون 2024: زیادہ سے زیادہ تین قابلِ پیمائش مقاصد، ہر ایک اشاریے اور ہدف کے ساتھ، پائیدار ترقیاتی اہداف اور جہاں متعلق ہو پاکستان کی این ڈی سیز سے منسلک۔"
          },
          "constraints": {
            "minItems": 1,
            "maxItems": 3
          },
          "columns": [
            {
              "id": "objective",
              "type": "text",
              "label": {
                "en": "Objective",
                "ur": "مقصد"
              },
              "required": true,
              "constraints": {
                "maxLength": 300
              }
            },
            {
              "id": "indicator",
              "type": "text",
              "label": {
                "en": "Measurable indicator",
                "ur": "قابلِ پیمائش اشاریہ"
              },
              "required": true,
              "constraints": {
                "maxLength": 300
              }
            },
            {
              "id": "baseline",
              "type": "text",
              "label": {
                "en": "Baseline",
                "ur": "ابتدائی سطح"
              },
              "constraints": {
                "maxLength": 300
              }
            },
            {
              "id": "target",
              "type": "text",
              "label": {
                "en": "Target",
                "ur": "ہدف"
              },
              "required": true,
              "constraints": {
                "maxLength": 300
              }
            },
            {
              "id": "sdgs",
              "type": "multiselect",
              "label": {
                "en": "Linked SDGs",
                "ur": "منسلک پائیدار ترقیاتی اہداف"
              },
              "required": true,
              "options": [
                {
                  "value": "sdg-1",
                  "label": {
                    "en": "SDG 1: No poverty",
                    "ur": "ہدف 1: غربت کا خاتمہ"
                  }
                },
                {
                  "value": "sdg-2",
                  "label": {
                    "en": "SDG 2: Zero hunger",
                    "ur": "ہدف 2: بھوک کا خاتمہ"
                  }
                },
                {
                  "value": "sdg-3",
                  "label": {
                    "en": "SDG 3: Good health and well-being",
                    "ur": "ہدف 3: اچھی صحت اور بہبود"
                  }
                },
                {
                  "value": "sdg-4",
                  "label": {
                    "en": "SDG 4: Quality education",
                    "ur": "ہدف 4: معیاری تعلیم"
                  }
                },
                {
                  "value": "sdg-5",
                  "label": {
                    "en": "SDG 5: Gender equality",
                    "ur": "ہدف 5: صنفی مساوات"
                  }
                },
                {
                  "value": "sdg-6",
                  "label": {
                    "en": "SDG 6: Clean water and sanitation",
                    "ur": "ہدف 6: صاف پانی اور صفائی ستھرائی"
                  }
                },
                {
                  "value": "sdg-7",
                  "label": {
                    "en": "SDG 7: Affordable and clean energy",
                    "ur": "ہدف 7: سستی اور صاف توانائی"
                  }
                },
                {
                  "value": "sdg-8",
                  "label": {
                    "en": "SDG 8: Decent work and economic growth",
                    "ur": "ہدف 8: باوقار روزگار اور معاشی ترقی"
                  }
                },
                {
                  "value": "sdg-9",
                  "label": {
                    "en": "SDG 9: Industry, innovation and infrastructure",
                    "ur": "ہدف 9: صنعت، جدت اور بنیادی ڈھانچہ"
                  }
                },
                {
                  "value": "sdg-10",
                  "label": {
                    "en": "SDG 10: Reduced inequalities",
                    "ur": "ہدف 10: عدم مساوات میں کمی"
                  }
                },
                {
                  "value": "sdg-11",
                  "label": {
                    "en": "SDG 11: Sustainable cities and communities",
                    "ur": "ہدف 11: پائیدار شہر اور آبادیاں"
                  }
                },
                {
                  "value": "sdg-12",
                  "label": {
                    "en": "SDG 12: Responsible consumption and production",
                    "ur": "ہدف 12: ذمہ دارانہ صرف اور پیداوار"
                  }
                },
                {
                  "value": "sdg-13",
                  "label": {
                    "en": "SDG 13: Climate action",
                    "ur": "ہدف 13: موسمیاتی اقدامات"
                  }
                },
                {
                  "value": "sdg-14",
                  "label": {
                    "en": "SDG 14: Life below water",
                    "ur": "ہدف 14: آبی حیات"
                  }
                },
                {
                  "value": "sdg-15",
                  "label": {
                    "en": "SDG 15: Life on land",
                    "ur": "ہدف 15: خشکی پر حیات"
                  }
                },
                {
                  "value": "sdg-16",
                  "label": {
                    "en": "SDG 16: Peace, justice and strong institutions",
                    "ur": "ہدف 16: امن، انصاف اور مضبوط ادارے"
                  }
                },
                {
                  "value": "sdg-17",
                  "label": {
                    "en": "SDG 17: Partnerships for the goals",
                    "ur": "ہدف 17: اہداف کے لیے شراکت داری"
                  }
                }
              ],
              "fixedOptions": true,
              "constraints": {
                "maxItems": 17
              }
            },
            {
              "id": "ndc",
              "type": "text",
              "label": {
                "en": "Linked NDC commitment",
                "ur": "منسلک این ڈی سی (قومی سطح پر طے شدہ شراکت) عہد"
              },
              "constraints": {
                "maxLength": 300
              }
            }
          ]
        },
        {
          "id": "economicObjectives",
          "type": "table",
          "label": {
            "en": "Economic objectives",
            "ur": "معاشی مقاصد"
          },
          "required": true,
          "locked": true,
          "help": {
            "en": "PC-I 2024: up to three measurable objectives, each with an indicator and target, linked to the SDGs and, where relevant, to Pakistan's NDCs.",
            "ur": "پی سی ون 2024: زیادہ سے زیادہ تین قابلِ پیمائش مقاصد، ہر ایک اشاریے اور ہدف کے ساتھ، پائیدار ترقیاتی اہداف اور جہاں متعلق ہو پاکستان کی این ڈی سیز سے منسلک۔"
          },
          "constraints": {
            "minItems": 1,
            "maxItems": 3
          },
          "columns": [
            {
              "id": "objective",
              "type": "text",
              "label": {
                "en": "Objective",
                "ur": "مقصد"
              },
              "required": true,
              "constraints": {
                "maxLength": 300
              }
            },
            {
              "id": "indicator",
              "type": "text",
              "label": {
                "en": "Measurable indicator",
                "ur": "قابلِ پیمائش اشاریہ"
              },
              "required": true,
              "constraints": {
                "maxLength": 300
              }
            },
            {
              "id": "baseline",
              "type": "text",
              "label": {
                "en": "Baseline",
                "ur": "ابتدائی سطح"
              },
              "constraints": {
                "maxLength": 300
              }
            },
            {
              "id": "target",
              "type": "text",
              "label": {
                "en": "Target",
                "ur": "ہدف"
              },
              "required": true,
              "constraints": {
                "maxLength": 300
              }
            },
            {
              "id": "sdgs",
              "type": "multiselect",
              "label": {
                "en": "Linked SDGs",
                "ur": "منسلک پائیدار ترقیاتی اہداف"
              },
              "required": true,
              "options": [
                {
                  "value": "sdg-1",
                  "label": {
                    "en": "SDG 1: No poverty",
                    "ur": "ہدف 1: غربت کا خاتمہ"
                  }
                },
                {
                  "value": "sdg-2",
                  "label": {
                    "en": "SDG 2: Zero hunger",
                    "ur": "ہدف 2: بھوک کا خاتمہ"
                  }
                },
                {
                  "value": "sdg-3",
                  "label": {
                    "en": "SDG 3: Good health and well-being",
                    "ur": "ہدف 3: اچھی صحت اور بہبود"
                  }
                },
                {
                  "value": "sdg-4",
                  "label": {
                    "en": "SDG 4: Quality education",
                    "ur": "ہدف 4: معیاری تعلیم"
                  }
                },
                {
                  "value": "sdg-5",
                  "label": {
                    "en": "SDG 5: Gender equality",
                    "ur": "ہدف 5: صنفی مساوات"
                  }
                },
                {
                  "value": "sdg-6",
                  "label": {
                    "en": "SDG 6: Clean water and sanitation",
                    "ur": "ہدف 6: صاف پانی اور صفائی ستھرائی"
                  }
                },
                {
                  "value": "sdg-7",
                  "label": {
                    "en": "SDG 7: Affordable and clean energy",
                    "ur": "ہدف 7: سستی اور صاف توانائی"
                  }
                },
                {
                  "value": "sdg-8",
                  "label": {
                    "en": "SDG 8: Decent work and economic growth",
                    "ur": "ہدف 8: باوقار روزگار اور معاشی ترقی"
                  }
                },
                {
                  "value": "sdg-9",
                  "label": {
                    "en": "SDG 9: Industry, innovation and infrastructure",
                    "ur": "ہدف 9: صنعت، جدت اور بنیادی ڈھانچہ"
                  }
                },
                {
                  "value": "sdg-10",
                  "label": {
                    "en": "SDG 10: Reduced inequalities",
                    "ur": "ہدف 10: عدم مساوات میں کمی"
                  }
                },
                {
                  "value": "sdg-11",
                  "label": {
                    "en": "SDG 11: Sustainable cities and communities",
                    "ur": "ہدف 11: پائیدار شہر اور آبادیاں"
                  }
                },
                {
                  "value": "sdg-12",
                  "label": {
                    "en": "SDG 12: Responsible consumption and production",
                    "ur": "ہدف 12: ذمہ دارانہ صرف اور پیداوار"
                  }
                },
                {
                  "value": "sdg-13",
                  "label": {
                    "en": "SDG 13: Climate action",
                    "ur": "ہدف 13: موسمیاتی اقدامات"
                  }
                },
                {
                  "value": "sdg-14",
                  "label": {
                    "en": "SDG 14: Life below water",
                    "ur": "ہدف 14: آبی حیات"
                  }
                },
                {
                  "value": "sdg-15",
                  "label": {
                    "en": "SDG 15: Life on land",
                    "ur": "ہدف 15: خشکی پر حیات"
                  }
                },
                {
                  "value": "sdg-16",
                  "label": {
                    "en": "SDG 16: Peace, justice and strong institutions",
                    "ur": "ہدف 16: امن، انصاف اور مضبوط ادارے"
                  }
                },
                {
                  "value": "sdg-17",
                  "label": {
                    "en": "SDG 17: Partnerships for the goals",
                    "ur": "ہدف 17: اہداف کے لیے شراکت داری"
                  }
                }
              ],
              "fixedOptions": true,
              "constraints": {
                "maxItems": 17
              }
            },
            {
              "id": "ndc",
              "type": "text",
              "label": {
                "en": "Linked NDC commitment",
                "ur": "منسلک این ڈی سی (قومی سطح پر طے شدہ شراکت) عہد"
              },
              "constraints": {
                "maxLength": 300
              }
            }
          ]
        },
        {
          "id": "socialObjectives",
          "type": "table",
          "label": {
            "en": "Social objectives",
            "ur": "سماجی مقاصد"
          },
          "required": true,
          "locked": true,
          "help": {
            "en": "PC-I 2024: up to three measurable objectives, each with an indicator and target, linked to the SDGs and, where relevant, to Pakistan's NDCs.",
            "ur": "پی سی ون 2024: زیادہ سے زیادہ تین قابلِ پیمائش مقاصد، ہر ایک اشاریے اور ہدف کے ساتھ، پائیدار ترقیاتی اہداف اور جہاں متعلق ہو پاکستان کی این ڈی سیز سے منسلک۔"
          },
          "constraints": {
            "minItems": 1,
            "maxItems": 3
          },
          "columns": [
            {
              "id": "objective",
              "type": "text",
              "label": {
                "en": "Objective",
                "ur": "مقصد"
              },
              "required": true,
              "constraints": {
                "maxLength": 300
              }
            },
            {
              "id": "indicator",
              "type": "text",
              "label": {
                "en": "Measurable indicator",
                "ur": "قابلِ پیمائش اشاریہ"
              },
              "required": true,
              "constraints": {
                "maxLength": 300
              }
            },
            {
              "id": "baseline",
              "type": "text",
              "label": {
                "en": "Baseline",
                "ur": "ابتدائی سطح"
              },
              "constraints": {
                "maxLength": 300
              }
            },
            {
              "id": "target",
              "type": "text",
              "label": {
                "en": "Target",
                "ur": "ہدف"
              },
              "required": true,
              "constraints": {
                "maxLength": 300
              }
            },
            {
              "id": "sdgs",
              "type": "multiselect",
              "label": {
                "en": "Linked SDGs",
                "ur": "منسلک پائیدار ترقیاتی اہداف"
              },
              "required": true,
              "options": [
                {
                  "value": "sdg-1",
                  "label": {
                    "en": "SDG 1: No poverty",
                    "ur": "ہدف 1: غربت کا خاتمہ"
                  }
                },
                {
                  "value": "sdg-2",
                  "label": {
                    "en": "SDG 2: Zero hunger",
                    "ur": "ہدف 2: بھوک کا خاتمہ"
                  }
                },
                {
                  "value": "sdg-3",
                  "label": {
                    "en": "SDG 3: Good health and well-being",
                    "ur": "ہدف 3: اچھی صحت اور بہبود"
                  }
                },
                {
                  "value": "sdg-4",
                  "label": {
                    "en": "SDG 4: Quality education",
                    "ur": "ہدف 4: معیاری تعلیم"
                  }
                },
                {
                  "value": "sdg-5",
                  "label": {
                    "en": "SDG 5: Gender equality",
                    "ur": "ہدف 5: صنفی مساوات"
                  }
                },
                {
                  "value": "sdg-6",
                  "label": {
                    "en": "SDG 6: Clean water and sanitation",
                    "ur": "ہدف 6: صاف پانی اور صفائی ستھرائی"
                  }
                },
                {
                  "value": "sdg-7",
                  "label": {
                    "en": "SDG 7: Affordable and clean energy",
                    "ur": "ہدف 7: سستی اور صاف توانائی"
                  }
                },
                {
                  "value": "sdg-8",
                  "label": {
                    "en": "SDG 8: Decent work and economic growth",
                    "ur": "ہدف 8: باوقار روزگار اور معاشی ترقی"
                  }
                },
                {
                  "value": "sdg-9",
                  "label": {
                    "en": "SDG 9: Industry, innovation and infrastructure",
                    "ur": "ہدف 9: صنعت، جدت اور بنیادی ڈھانچہ"
                  }
                },
                {
                  "value": "sdg-10",
                  "label": {
                    "en": "SDG 10: Reduced inequalities",
                    "ur": "ہدف 10: عدم مساوات میں کمی"
                  }
                },
                {
                  "value": "sdg-11",
                  "label": {
                    "en": "SDG 11: Sustainable cities and communities",
                    "ur": "ہدف 11: پائیدار شہر اور آبادیاں"
                  }
                },
                {
                  "value": "sdg-12",
                  "label": {
                    "en": "SDG 12: Responsible consumption and production",
                    "ur": "ہدف 12: ذمہ دارانہ صرف اور پیداوار"
                  }
                },
                {
                  "value": "sdg-13",
                  "label": {
                    "en": "SDG 13: Climate action",
                    "ur": "ہدف 13: موسمیاتی اقدامات"
                  }
                },
                {
                  "value": "sdg-14",
                  "label": {
                    "en": "SDG 14: Life below water",
                    "ur": "ہدف 14: آبی حیات"
                  }
                },
                {
                  "value": "sdg-15",
                  "label": {
                    "en": "SDG 15: Life on land",
                    "ur": "ہدف 15: خشکی پر حیات"
                  }
                },
                {
                  "value": "sdg-16",
                  "label": {
                    "en": "SDG 16: Peace, justice and strong institutions",
                    "ur": "ہدف 16: امن، انصاف اور مضبوط ادارے"
                  }
                },
                {
                  "value": "sdg-17",
                  "label": {
                    "en": "SDG 17: Partnerships for the goals",
                    "ur": "ہدف 17: اہداف کے لیے شراکت داری"
                  }
                }
              ],
              "fixedOptions": true,
              "constraints": {
                "maxItems": 17
              }
            },
            {
              "id": "ndc",
              "type": "text",
              "label": {
                "en": "Linked NDC commitment",
                "ur": "منسلک این ڈی سی (قومی سطح پر طے شدہ شراکت) عہد"
              },
              "constraints": {
                "maxLength": 300
              }
            }
          ]
        },
        {
          "id": "climateObjectives",
          "type": "table",
          "label": {
            "en": "Climate (environment) objectives",
            "ur": "موسمیاتی (ماحولیاتی) مقاصد"
          },
          "required": true,
          "locked": true,
          "help": {
            "en": "PC-I 2024: up to three measurable objectives, each with an indicator and target, linked to the SDGs and, where relevant, to Pakistan's NDCs.",
            "ur": "پی سی ون 2024: زیادہ سے زیادہ تین قابلِ پیمائش مقاصد، ہر ایک اشاریے اور ہدف کے ساتھ، پائیدار ترقیاتی اہداف اور جہاں متعلق ہو پاکستان کی این ڈی سیز سے منسلک۔"
          },
          "constraints": {
            "minItems": 1,
            "maxItems": 3
          },
          "columns": [
            {
              "id": "objective",
              "type": "text",
              "label": {
                "en": "Objective",
                "ur": "مقصد"
              },
              "required": true,
              "constraints": {
                "maxLength": 300
              }
            },
            {
              "id": "indicator",
              "type": "text",
              "label": {
                "en": "Measurable indicator",
                "ur": "قابلِ پیمائش اشاریہ"
              },
              "required": true,
              "constraints": {
                "maxLength": 300
              }
            },
            {
              "id": "baseline",
              "type": "text",
              "label": {
                "en": "Baseline",
                "ur": "ابتدائی سطح"
              },
              "constraints": {
                "maxLength": 300
              }
            },
            {
              "id": "target",
              "type": "text",
              "label": {
                "en": "Target",
                "ur": "ہدف"
              },
              "required": true,
              "constraints": {
                "maxLength": 300
              }
            },
            {
              "id": "sdgs",
              "type": "multiselect",
              "label": {
                "en": "Linked SDGs",
                "ur": "منسلک پائیدار ترقیاتی اہداف"
              },
              "required": true,
              "options": [
                {
                  "value": "sdg-1",
                  "label": {
                    "en": "SDG 1: No poverty",
                    "ur": "ہدف 1: غربت کا خاتمہ"
                  }
                },
                {
                  "value": "sdg-2",
                  "label": {
                    "en": "SDG 2: Zero hunger",
                    "ur": "ہدف 2: بھوک کا خاتمہ"
                  }
                },
                {
                  "value": "sdg-3",
                  "label": {
                    "en": "SDG 3: Good health and well-being",
                    "ur": "ہدف 3: اچھی صحت اور بہبود"
                  }
                },
                {
                  "value": "sdg-4",
                  "label": {
                    "en": "SDG 4: Quality education",
                    "ur": "ہدف 4: معیاری تعلیم"
                  }
                },
                {
                  "value": "sdg-5",
                  "label": {
                    "en": "SDG 5: Gender equality",
                    "ur": "ہدف 5: صنفی مساوات"
                  }
                },
                {
                  "value": "sdg-6",
                  "label": {
                    "en": "SDG 6: Clean water and sanitation",
                    "ur": "ہدف 6: صاف پانی اور صفائی ستھرائی"
                  }
                },
                {
                  "value": "sdg-7",
                  "label": {
                    "en": "SDG 7: Affordable and clean energy",
                    "ur": "ہدف 7: سستی اور صاف توانائی"
                  }
                },
                {
                  "value": "sdg-8",
                  "label": {
                    "en": "SDG 8: Decent work and economic growth",
                    "ur": "ہدف 8: باوقار روزگار اور معاشی ترقی"
                  }
                },
                {
                  "value": "sdg-9",
                  "label": {
                    "en": "SDG 9: Industry, innovation and infrastructure",
                    "ur": "ہدف 9: صنعت، جدت اور بنیادی ڈھانچہ"
                  }
                },
                {
                  "value": "sdg-10",
                  "label": {
                    "en": "SDG 10: Reduced inequalities",
                    "ur": "ہدف 10: عدم مساوات میں کمی"
                  }
                },
                {
                  "value": "sdg-11",
                  "label": {
                    "en": "SDG 11: Sustainable cities and communities",
                    "ur": "ہدف 11: پائیدار شہر اور آبادیاں"
                  }
                },
                {
                  "value": "sdg-12",
                  "label": {
                    "en": "SDG 12: Responsible consumption and production",
                    "ur": "ہدف 12: ذمہ دارانہ صرف اور پیداوار"
                  }
                },
                {
                  "value": "sdg-13",
                  "label": {
                    "en": "SDG 13: Climate action",
                    "ur": "ہدف 13: موسمیاتی اقدامات"
                  }
                },
                {
                  "value": "sdg-14",
                  "label": {
                    "en": "SDG 14: Life below water",
                    "ur": "ہدف 14: آبی حیات"
                  }
                },
                {
                  "value": "sdg-15",
                  "label": {
                    "en": "SDG 15: Life on land",
                    "ur": "ہدف 15: خشکی پر حیات"
                  }
                },
                {
                  "value": "sdg-16",
                  "label": {
                    "en": "SDG 16: Peace, justice and strong institutions",
                    "ur": "ہدف 16: امن، انصاف اور مضبوط ادارے"
                  }
                },
                {
                  "value": "sdg-17",
                  "label": {
                    "en": "SDG 17: Partnerships for the goals",
                    "ur": "ہدف 17: اہداف کے لیے شراکت داری"
                  }
                }
              ],
              "fixedOptions": true,
              "constraints": {
                "maxItems": 17
              }
            },
            {
              "id": "ndc",
              "type": "text",
              "label": {
                "en": "Linked NDC commitment",
                "ur": "منسلک این ڈی سی (قومی سطح پر طے شدہ شراکت) عہد"
              },
              "constraints": {
                "maxLength": 300
              }
            }
          ]
        },
        {
          "id": "genderAlignment",
          "type": "textarea",
          "label": {
            "en": "Gender and MDG / SDG alignment",
            "ur": "صنفی پہلو اور ملینیم / پائیدار ترقیاتی اہداف سے ہم آہنگی"
          },
          "constraints": {
            "maxLength": 20000
          },
          "required": true,
          "locked": true,
          "help": {
            "en": "How the project serves women and girls and which development goals it advances.",
            "ur": "منصوبہ خواتین اور لڑکیوں کو کیسے فائدہ دیتا ہے اور کن ترقیاتی اہداف کو آگے بڑھاتا ہے۔"
          }
        }
      ]
    },
    {
      "id": "description",
      "number": "6",
      "label": {
        "en": "Description, justification and technical parameters",
        "ur": "تفصیل، جواز اور تکنیکی پیمانے"
      },
      "help": {
        "en": "Enclose the feasibility study for projects costing Rs 300 million and above.",
        "ur": "300 ملین روپے یا اس سے زائد لاگت کے منصوبوں کے لیے فزیبلٹی اسٹڈی منسلک کریں۔"
      },
      "fields": [
        {
          "id": "background",
          "type": "textarea",
          "label": {
            "en": "Description and background",
            "ur": "تفصیل اور پس منظر"
          },
          "constraints": {
            "maxLength": 20000
          },
          "required": true,
          "locked": true
        },
        {
          "id": "justification",
          "type": "textarea",
          "label": {
            "en": "Justification (problem addressed and rationale)",
            "ur": "جواز (حل طلب مسئلہ اور منطق)"
          },
          "constraints": {
            "maxLength": 20000
          },
          "required": true,
          "locked": true
        },
        {
          "id": "existingFacilities",
          "type": "textarea",
          "label": {
            "en": "Existing facilities and their utilisation",
            "ur": "موجودہ سہولیات اور ان کا استعمال"
          },
          "constraints": {
            "maxLength": 20000
          }
        },
        {
          "id": "technicalParameters",
          "type": "textarea",
          "label": {
            "en": "Technical parameters (capacity, design standards, specifications)",
            "ur": "تکنیکی پیمانے (گنجائش، ڈیزائن کے معیارات، تفصیلات)"
          },
          "constraints": {
            "maxLength": 20000
          },
          "required": true,
          "locked": true
        },
        {
          "id": "components",
          "type": "table",
          "label": {
            "en": "Physical components: civil works, equipment and machinery",
            "ur": "طبعی اجزاء: تعمیراتی کام، آلات اور مشینری"
          },
          "constraints": {
            "maxItems": 500
          },
          "columns": [
            {
              "id": "item",
              "type": "text",
              "label": {
                "en": "Item / component",
                "ur": "مد / جزو"
              },
              "required": true,
              "constraints": {
                "maxLength": 300
              }
            },
            {
              "id": "category",
              "type": "select",
              "label": {
                "en": "Category",
                "ur": "زمرہ"
              },
              "options": [
                {
                  "value": "civil-works",
                  "label": {
                    "en": "Civil works",
                    "ur": "تعمیراتی کام"
                  }
                },
                {
                  "value": "equipment",
                  "label": {
                    "en": "Equipment",
                    "ur": "آلات"
                  }
                },
                {
                  "value": "machinery",
                  "label": {
                    "en": "Machinery",
                    "ur": "مشینری"
                  }
                },
                {
                  "value": "vehicles",
                  "label": {
                    "en": "Vehicles",
                    "ur": "گاڑیاں"
                  }
                },
                {
                  "value": "consultancy",
                  "label": {
                    "en": "Consultancy",
                    "ur": "مشاورتی خدمات"
                  }
                },
                {
                  "value": "other",
                  "label": {
                    "en": "Other",
                    "ur": "دیگر"
                  }
                }
              ],
              "required": true
            },
            {
              "id": "specification",
              "type": "text",
              "label": {
                "en": "Specification",
                "ur": "تفصیلات"
              },
              "constraints": {
                "maxLength": 300
              }
            },
            {
              "id": "unit",
              "type": "text",
              "label": {
                "en": "Unit",
                "ur": "اکائی"
              },
              "constraints": {
                "maxLength": 50
              }
            },
            {
              "id": "quantity",
              "type": "decimal",
              "label": {
                "en": "Quantity",
                "ur": "مقدار"
              }
            }
          ]
        },
        {
          "id": "inputs",
          "type": "textarea",
          "label": {
            "en": "Inputs",
            "ur": "مداخل"
          },
          "constraints": {
            "maxLength": 20000
          }
        },
        {
          "id": "outputs",
          "type": "textarea",
          "label": {
            "en": "Outputs",
            "ur": "حاصلات"
          },
          "constraints": {
            "maxLength": 20000
          },
          "required": true,
          "locked": true
        },
        {
          "id": "governance",
          "type": "textarea",
          "label": {
            "en": "Governance issues and how they will be addressed",
            "ur": "طرزِ حکمرانی کے مسائل اور ان کا حل"
          },
          "constraints": {
            "maxLength": 20000
          }
        },
        {
          "id": "designStatus",
          "type": "select",
          "label": {
            "en": "Status of design",
            "ur": "ڈیزائن کی صورتِ حال"
          },
          "options": [
            {
              "value": "detailed-design",
              "label": {
                "en": "Detailed design and costing complete",
                "ur": "تفصیلی ڈیزائن اور لاگت مکمل"
              }
            },
            {
              "value": "preliminary-design",
              "label": {
                "en": "Preliminary design",
                "ur": "ابتدائی ڈیزائن"
              }
            },
            {
              "value": "concept",
              "label": {
                "en": "Concept only",
                "ur": "صرف تصوراتی خاکہ"
              }
            }
          ],
          "help": {
            "en": "NEC decision of 4-7-1988: detailed design and costing must be finalised within six months of approval.",
            "ur": "قومی اقتصادی کونسل کا فیصلہ مورخہ 4-7-1988: منظوری کے چھ ماہ کے اندر تفصیلی ڈیزائن اور لاگت کو حتمی شکل دی جائے۔"
          }
        },
        {
          "id": "feasibilityStudy",
          "type": "attachment",
          "label": {
            "en": "Feasibility study",
            "ur": "فزیبلٹی اسٹڈی"
          },
          "help": {
            "en": "Required for projects costing Rs 300 million and above.",
            "ur": "300 ملین روپے یا اس سے زائد لاگت کے منصوبوں کے لیے لازمی۔"
          }
        },
        {
          "id": "feasibilityConclusions",
          "type": "textarea",
          "label": {
            "en": "Conclusions of the feasibility study",
            "ur": "فزیبلٹی اسٹڈی کے نتائج"
          },
          "constraints": {
            "maxLength": 20000
          }
        },
        {
          "id": "beneficiariesMale",
          "type": "integer",
          "label": {
            "en": "Beneficiaries: male",
            "ur": "مستفیدین: مرد"
          },
          "required": true,
          "locked": true
        },
        {
          "id": "beneficiariesFemale",
          "type": "integer",
          "label": {
            "en": "Beneficiaries: female",
            "ur": "مستفیدین: خواتین"
          },
          "required": true,
          "locked": true
        },
        {
          "id": "beneficiariesTotal",
          "type": "integer",
          "label": {
            "en": "Beneficiaries: total",
            "ur": "مستفیدین: کل"
          }
        },
        {
          "id": "targetGroup",
          "type": "textarea",
          "label": {
            "en": "Target group and catchment",
            "ur": "ہدف گروہ اور دائرۂ خدمت"
          },
          "constraints": {
            "maxLength": 20000
          }
        },
        {
          "id": "facilities",
          "type": "textarea",
          "label": {
            "en": "Facilities for male and female beneficiaries",
            "ur": "مرد اور خواتین مستفیدین کے لیے سہولیات"
          },
          "constraints": {
            "maxLength": 20000
          },
          "required": true,
          "locked": true,
          "help": {
            "en": "Separate facilities for women and girls (e.g. toilets, boundary walls, female staff).",
            "ur": "خواتین اور لڑکیوں کے لیے الگ سہولیات (مثلاً بیت الخلاء، چار دیواری، خواتین عملہ)۔"
          }
        }
      ]
    },
    {
      "id": "capitalCost",
      "number": "7",
      "label": {
        "en": "Capital cost estimates",
        "ur": "سرمایہ جاتی لاگت کے تخمینے"
      },
      "fields": [
        {
          "id": "basis",
          "type": "select",
          "label": {
            "en": "Basis of the estimate",
            "ur": "تخمینے کی بنیاد"
          },
          "options": [
            {
              "value": "csr",
              "label": {
                "en": "Composite Schedule of Rates (CSR)",
                "ur": "کمپوزٹ شیڈول آف ریٹس (سی ایس آر)"
              }
            },
            {
              "value": "mrs",
              "label": {
                "en": "Market Rate System (MRS)",
                "ur": "مارکیٹ ریٹ سسٹم (ایم آر ایس)"
              }
            },
            {
              "value": "quotations",
              "label": {
                "en": "Market quotations",
                "ur": "بازار کی کوٹیشنز"
              }
            },
            {
              "value": "engineers-estimate",
              "label": {
                "en": "Engineer's estimate",
                "ur": "انجینئر کا تخمینہ"
              }
            },
            {
              "value": "recent-contracts",
              "label": {
                "en": "Rates of recently awarded contracts",
                "ur": "حال ہی میں دیے گئے ٹھیکوں کے نرخ"
              }
            },
            {
              "value": "other",
              "label": {
                "en": "Other",
                "ur": "دیگر"
              }
            }
          ],
          "required": true,
          "locked": true
        },
        {
          "id": "basisDetails",
          "type": "text",
          "label": {
            "en": "Details of the basis (schedule, year, district)",
            "ur": "بنیاد کی تفصیل (شیڈول، سال، ضلع)"
          },
          "constraints": {
            "maxLength": 300
          }
        },
        {
          "id": "estimateDate",
          "type": "date",
          "label": {
            "en": "Date of the estimate",
            "ur": "تخمینے کی تاریخ"
          },
          "required": true,
          "locked": true
        },
        {
          "id": "estimate",
          "type": "table",
          "label": {
            "en": "Item-wise and year-wise capital cost (Rs million)",
            "ur": "مد وار اور سال وار سرمایہ جاتی لاگت (ملین روپے)"
          },
          "columns": [
            {
              "id": "item",
              "type": "text",
              "label": {
                "en": "Item / component",
                "ur": "مد / جزو"
              },
              "required": true,
              "constraints": {
                "maxLength": 300
              }
            },
            {
              "id": "year",
              "type": "fiscalYear",
              "label": {
                "en": "Financial year",
                "ur": "مالی سال"
              },
              "required": true
            },
            {
              "id": "local",
              "type": "money",
              "label": {
                "en": "Local (Rs million)",
                "ur": "مقامی (ملین روپے)"
              },
              "required": true
            },
            {
              "id": "fec",
              "type": "money",
              "label": {
                "en": "Foreign exchange (Rs million)",
                "ur": "زرِ مبادلہ (ملین روپے)"
              },
              "required": true
            },
            {
              "id": "total",
              "type": "money",
              "label": {
                "en": "Total (Rs million)",
                "ur": "کل (ملین روپے)"
              }
            }
          ],
          "totals": [
            "local",
            "fec",
            "total"
          ],
          "constraints": {
            "minItems": 1,
            "maxItems": 500
          },
          "required": true,
          "locked": true,
          "help": {
            "en": "One row per item and financial year; foreign exchange (FEC) in rupees at the exchange rate of item 10. Include contingencies as an item.",
            "ur": "ہر مد اور مالی سال کے لیے ایک سطر؛ زرِ مبادلہ (ایف ای سی) مد 10 کی شرحِ مبادلہ پر روپوں میں۔ ہنگامی اخراجات کو بطور مد شامل کریں۔"
          }
        },
        {
          "id": "physicalContingencyPct",
          "type": "decimal",
          "label": {
            "en": "Physical contingencies (% of base cost)",
            "ur": "طبعی ہنگامی اخراجات (بنیادی لاگت کا فیصد)"
          },
          "constraints": {
            "maximum": "100",
            "scale": 2
          }
        },
        {
          "id": "priceContingencyPct",
          "type": "decimal",
          "label": {
            "en": "Price contingencies (% of base cost)",
            "ur": "قیمتوں کے ہنگامی اخراجات (بنیادی لاگت کا فیصد)"
          },
          "constraints": {
            "maximum": "100",
            "scale": 2
          }
        },
        {
          "id": "contingencyAmount",
          "type": "money",
          "label": {
            "en": "Contingencies included in the estimate (Rs million)",
            "ur": "تخمینے میں شامل ہنگامی اخراجات (ملین روپے)"
          }
        },
        {
          "id": "phasing",
          "type": "table",
          "label": {
            "en": "Year-wise phasing of the capital cost (Rs million)",
            "ur": "سرمایہ جاتی لاگت کی سال وار تقسیم (ملین روپے)"
          },
          "columns": [
            {
              "id": "year",
              "type": "fiscalYear",
              "label": {
                "en": "Financial year",
                "ur": "مالی سال"
              },
              "required": true
            },
            {
              "id": "local",
              "type": "money",
              "label": {
                "en": "Local (Rs million)",
                "ur": "مقامی (ملین روپے)"
              },
              "required": true
            },
            {
              "id": "fec",
              "type": "money",
              "label": {
                "en": "Foreign exchange (Rs million)",
                "ur": "زرِ مبادلہ (ملین روپے)"
              },
              "required": true
            },
            {
              "id": "total",
              "type": "money",
              "label": {
                "en": "Total (Rs million)",
                "ur": "کل (ملین روپے)"
              }
            }
          ],
          "totals": [
            "local",
            "fec",
            "total"
          ],
          "constraints": {
            "minItems": 1,
            "maxItems": 500
          },
          "required": true,
          "locked": true,
          "help": {
            "en": "The phasing must add up to the total capital cost.",
            "ur": "سال وار تقسیم کا میزان کل سرمایہ جاتی لاگت کے برابر ہونا چاہیے۔"
          }
        },
        {
          "id": "detailedEstimate",
          "type": "attachment",
          "label": {
            "en": "Detailed cost estimate",
            "ur": "لاگت کا تفصیلی تخمینہ"
          }
        }
      ]
    },
    {
      "id": "operatingCost",
      "number": "8",
      "label": {
        "en": "Annual operating and maintenance cost after completion of the project",
        "ur": "منصوبے کی تکمیل کے بعد سالانہ آپریشن اور دیکھ بھال کی لاگت"
      },
      "fields": [
        {
          "id": "annual",
          "type": "table",
          "label": {
            "en": "Recurring cost by head and year (Rs million)",
            "ur": "مد وار اور سال وار جاری اخراجات (ملین روپے)"
          },
          "required": true,
          "locked": true,
          "constraints": {
            "minItems": 1,
            "maxItems": 500
          },
          "columns": [
            {
              "id": "head",
              "type": "text",
              "label": {
                "en": "Head of expenditure",
                "ur": "مدِ اخراجات"
              },
              "required": true,
              "constraints": {
                "maxLength": 300
              }
            },
            {
              "id": "year",
              "type": "fiscalYear",
              "label": {
                "en": "Financial year",
                "ur": "مالی سال"
              },
              "required": true
            },
            {
              "id": "amount",
              "type": "money",
              "label": {
                "en": "Amount (Rs million)",
                "ur": "رقم (ملین روپے)"
              },
              "required": true
            }
          ],
          "totals": [
            "amount"
          ]
        },
        {
          "id": "financing",
          "type": "textarea",
          "label": {
            "en": "Source of funds for operation and maintenance",
            "ur": "آپریشن اور دیکھ بھال کے لیے فنڈز کا ذریعہ"
          },
          "constraints": {
            "maxLength": 20000
          },
          "required": true,
          "locked": true,
          "help": {
            "en": "Say which budget will bear the recurring cost once the project is complete.",
            "ur": "بتائیں کہ منصوبے کی تکمیل کے بعد جاری اخراجات کس بجٹ سے ادا ہوں گے۔"
          }
        }
      ]
    },
    {
      "id": "demandSupply",
      "number": "9",
      "label": {
        "en": "Demand and supply analysis",
        "ur": "طلب و رسد کا تجزیہ"
      },
      "fields": [
        {
          "id": "assessment",
          "type": "textarea",
          "label": {
            "en": "Existing capacity, current and projected demand",
            "ur": "موجودہ گنجائش، موجودہ اور متوقع طلب"
          },
          "constraints": {
            "maxLength": 20000
          },
          "required": true,
          "locked": true
        },
        {
          "id": "unit",
          "type": "text",
          "label": {
            "en": "Unit of measurement",
            "ur": "پیمائش کی اکائی"
          },
          "required": true,
          "locked": true,
          "constraints": {
            "maxLength": 300
          }
        },
        {
          "id": "projection",
          "type": "table",
          "label": {
            "en": "Demand, supply and gap by year",
            "ur": "سال وار طلب، رسد اور فرق"
          },
          "required": true,
          "locked": true,
          "constraints": {
            "minItems": 1,
            "maxItems": 60
          },
          "columns": [
            {
              "id": "year",
              "type": "fiscalYear",
              "label": {
                "en": "Financial year",
                "ur": "مالی سال"
              },
              "required": true
            },
            {
              "id": "demand",
              "type": "decimal",
              "label": {
                "en": "Demand",
                "ur": "طلب"
              },
              "required": true,
              "constraints": {
                "scale": 2
              }
            },
            {
              "id": "supply",
              "type": "decimal",
              "label": {
                "en": "Supply",
                "ur": "رسد"
              },
              "required": true,
              "constraints": {
                "scale": 2
              }
            },
            {
              "id": "gap",
              "type": "decimal",
              "label": {
                "en": "Gap (demand − supply)",
                "ur": "فرق (طلب − رسد)"
              },
              "constraints": {
                "allowNegative": true,
                "scale": 2
              }
            }
          ]
        },
        {
          "id": "methodology",
          "type": "textarea",
          "label": {
            "en": "Basis and method of the projections",
            "ur": "تخمینوں کی بنیاد اور طریقۂ کار"
          },
          "constraints": {
            "maxLength": 20000
          }
        }
      ]
    },
    {
      "id": "financing",
      "number": "10",
      "label": {
        "en": "Financial plan and mode of financing",
        "ur": "مالیاتی منصوبہ اور طریقۂ سرمایہ کاری"
      },
      "fields": [
        {
          "id": "plan",
          "type": "table",
          "label": {
            "en": "Financing plan (Rs million)",
            "ur": "مالیاتی منصوبہ (ملین روپے)"
          },
          "columns": [
            {
              "id": "source",
              "type": "select",
              "label": {
                "en": "Source of financing",
                "ur": "مالی وسائل کا ذریعہ"
              },
              "options": {
                "master": "funding-sources"
              },
              "required": true
            },
            {
              "id": "donor",
              "type": "text",
              "label": {
                "en": "Donor / lender (foreign aid)",
                "ur": "عطیہ دہندہ / قرض دہندہ (غیر ملکی امداد)"
              },
              "constraints": {
                "maxLength": 300
              }
            },
            {
              "id": "mode",
              "type": "select",
              "label": {
                "en": "Mode of financing",
                "ur": "طریقۂ سرمایہ کاری"
              },
              "options": [
                {
                  "value": "grant",
                  "label": {
                    "en": "Grant",
                    "ur": "گرانٹ"
                  }
                },
                {
                  "value": "loan",
                  "label": {
                    "en": "Loan",
                    "ur": "قرض"
                  }
                },
                {
                  "value": "equity",
                  "label": {
                    "en": "Equity",
                    "ur": "ایکویٹی"
                  }
                },
                {
                  "value": "own-resources",
                  "label": {
                    "en": "Executing agency's own resources",
                    "ur": "عمل درآمد کرنے والے ادارے کے اپنے وسائل"
                  }
                },
                {
                  "value": "public-private-partnership",
                  "label": {
                    "en": "Public-private partnership",
                    "ur": "سرکاری و نجی شراکت داری"
                  }
                }
              ],
              "required": true
            },
            {
              "id": "local",
              "type": "money",
              "label": {
                "en": "Local (Rs million)",
                "ur": "مقامی (ملین روپے)"
              },
              "required": true
            },
            {
              "id": "fec",
              "type": "money",
              "label": {
                "en": "Foreign exchange (Rs million)",
                "ur": "زرِ مبادلہ (ملین روپے)"
              },
              "required": true
            },
            {
              "id": "total",
              "type": "money",
              "label": {
                "en": "Total (Rs million)",
                "ur": "کل (ملین روپے)"
              }
            }
          ],
          "totals": [
            "local",
            "fec",
            "total"
          ],
          "constraints": {
            "minItems": 1,
            "maxItems": 500
          },
          "required": true,
          "locked": true,
          "help": {
            "en": "The financing plan must add up to the total capital cost.",
            "ur": "مالیاتی منصوبے کا میزان کل سرمایہ جاتی لاگت کے برابر ہونا چاہیے۔"
          }
        },
        {
          "id": "exchangeRate",
          "type": "decimal",
          "label": {
            "en": "Exchange rate (Rs per US$)",
            "ur": "شرحِ مبادلہ (روپے فی امریکی ڈالر)"
          },
          "constraints": {
            "minimum": "1",
            "scale": 4
          },
          "help": {
            "en": "Required when the cost has a foreign-exchange component.",
            "ur": "لاگت میں زرِ مبادلہ کا جزو ہو تو لازمی۔"
          }
        },
        {
          "id": "exchangeRateDate",
          "type": "date",
          "label": {
            "en": "Date of the exchange rate",
            "ur": "شرحِ مبادلہ کی تاریخ"
          }
        },
        {
          "id": "arrangements",
          "type": "textarea",
          "label": {
            "en": "Financing arrangements (loan terms, counterpart funds, conditions)",
            "ur": "مالیاتی انتظامات (قرض کی شرائط، ہم منصب فنڈز، شرائط)"
          },
          "constraints": {
            "maxLength": 20000
          }
        }
      ]
    },
    {
      "id": "benefits",
      "number": "11",
      "label": {
        "en": "Project benefits and analysis",
        "ur": "منصوبے کے فوائد اور تجزیہ"
      },
      "fields": [
        {
          "id": "financial",
          "type": "textarea",
          "label": {
            "en": "(i) Financial analysis",
            "ur": "(i) مالیاتی تجزیہ"
          },
          "constraints": {
            "maxLength": 20000
          },
          "required": true,
          "locked": true,
          "help": {
            "en": "Social sector projects give the unit cost; state any revenue or cost recovery.",
            "ur": "سماجی شعبے کے منصوبے فی اکائی لاگت بتائیں؛ کوئی آمدنی یا لاگت کی وصولی ہو تو بیان کریں۔"
          }
        },
        {
          "id": "unitOfOutput",
          "type": "text",
          "label": {
            "en": "Unit of output (for the unit cost)",
            "ur": "حاصل کی اکائی (فی اکائی لاگت کے لیے)"
          },
          "constraints": {
            "maxLength": 300
          }
        },
        {
          "id": "unitCost",
          "type": "money",
          "label": {
            "en": "Unit cost (Rs million per unit)",
            "ur": "فی اکائی لاگت (ملین روپے فی اکائی)"
          }
        },
        {
          "id": "social",
          "type": "textarea",
          "label": {
            "en": "(ii) Social benefits with indicators",
            "ur": "(ii) سماجی فوائد بمعہ اشاریے"
          },
          "constraints": {
            "maxLength": 20000
          },
          "required": true,
          "locked": true
        },
        {
          "id": "socialIndicators",
          "type": "table",
          "label": {
            "en": "Social indicators",
            "ur": "سماجی اشاریے"
          },
          "constraints": {
            "maxItems": 30
          },
          "columns": [
            {
              "id": "indicator",
              "type": "text",
              "label": {
                "en": "Indicator",
                "ur": "اشاریہ"
              },
              "required": true,
              "constraints": {
                "maxLength": 300
              }
            },
            {
              "id": "baseline",
              "type": "text",
              "label": {
                "en": "Baseline",
                "ur": "ابتدائی سطح"
              },
              "constraints": {
                "maxLength": 300
              }
            },
            {
              "id": "target",
              "type": "text",
              "label": {
                "en": "Target",
                "ur": "ہدف"
              },
              "required": true,
              "constraints": {
                "maxLength": 300
              }
            }
          ]
        },
        {
          "id": "directEmployment",
          "type": "integer",
          "label": {
            "en": "(iii) Employment generation (direct and indirect): direct jobs",
            "ur": "(iii) روزگار کی فراہمی (براہِ راست اور بالواسطہ): براہِ راست ملازمتیں"
          },
          "required": true,
          "locked": true
        },
        {
          "id": "indirectEmployment",
          "type": "integer",
          "label": {
            "en": "(iii) Employment generation (direct and indirect): indirect jobs",
            "ur": "(iii) روزگار کی فراہمی (براہِ راست اور بالواسطہ): بالواسطہ ملازمتیں"
          },
          "required": true,
          "locked": true
        },
        {
          "id": "employmentDetails",
          "type": "textarea",
          "label": {
            "en": "Employment: details",
            "ur": "روزگار: تفصیل"
          },
          "constraints": {
            "maxLength": 20000
          }
        },
        {
          "id": "environmental",
          "type": "textarea",
          "label": {
            "en": "(iv) Environmental impact",
            "ur": "(iv) ماحولیاتی اثرات"
          },
          "constraints": {
            "maxLength": 20000
          },
          "required": true,
          "locked": true
        },
        {
          "id": "environmentalAssessment",
          "type": "select",
          "label": {
            "en": "Environmental assessment under the provincial environmental protection law",
            "ur": "صوبائی تحفظِ ماحول قانون کے تحت ماحولیاتی جائزہ"
          },
          "options": [
            {
              "value": "iee",
              "label": {
                "en": "Initial Environmental Examination (IEE)",
                "ur": "ابتدائی ماحولیاتی جائزہ (آئی ای ای)"
              }
            },
            {
              "value": "eia",
              "label": {
                "en": "Environmental Impact Assessment (EIA)",
                "ur": "ماحولیاتی اثرات کا جائزہ (ای آئی اے)"
              }
            },
            {
              "value": "not-required",
              "label": {
                "en": "Not required",
                "ur": "درکار نہیں"
              }
            }
          ]
        },
        {
          "id": "environmentalApproval",
          "type": "attachment",
          "label": {
            "en": "Environmental approval / IEE or EIA report",
            "ur": "ماحولیاتی منظوری / آئی ای ای یا ای آئی اے رپورٹ"
          }
        },
        {
          "id": "climateMeasures",
          "type": "textarea",
          "label": {
            "en": "Climate risks and adaptation / mitigation measures",
            "ur": "موسمیاتی خطرات اور موافقت / تخفیف کے اقدامات"
          },
          "constraints": {
            "maxLength": 20000
          }
        },
        {
          "id": "delays",
          "type": "textarea",
          "label": {
            "en": "(v) Impact of delays on project cost and viability",
            "ur": "(v) تاخیر کے منصوبے کی لاگت اور قابلِ عمل ہونے پر اثرات"
          },
          "constraints": {
            "maxLength": 20000
          },
          "required": true,
          "locked": true
        }
      ]
    },
    {
      "id": "implementation",
      "number": "12(a)",
      "label": {
        "en": "Implementation schedule",
        "ur": "عمل درآمد کا نظام الاوقات"
      },
      "fields": [
        {
          "id": "commencementDate",
          "type": "date",
          "label": {
            "en": "Date of commencement",
            "ur": "آغاز کی تاریخ"
          },
          "required": true,
          "locked": true
        },
        {
          "id": "completionDate",
          "type": "date",
          "label": {
            "en": "Date of completion",
            "ur": "تکمیل کی تاریخ"
          },
          "required": true,
          "locked": true
        },
        {
          "id": "durationMonths",
          "type": "integer",
          "label": {
            "en": "Implementation period (months)",
            "ur": "مدتِ عمل درآمد (مہینے)"
          },
          "required": true,
          "locked": true,
          "constraints": {
            "minimum": 1,
            "maximum": 240
          }
        },
        {
          "id": "schedule",
          "type": "table",
          "label": {
            "en": "Activities (Gantt chart)",
            "ur": "سرگرمیاں (گینٹ چارٹ)"
          },
          "required": true,
          "locked": true,
          "constraints": {
            "minItems": 1,
            "maxItems": 500
          },
          "columns": [
            {
              "id": "activity",
              "type": "text",
              "label": {
                "en": "Activity",
                "ur": "سرگرمی"
              },
              "required": true,
              "constraints": {
                "maxLength": 300
              }
            },
            {
              "id": "start",
              "type": "date",
              "label": {
                "en": "Start",
                "ur": "آغاز"
              },
              "required": true
            },
            {
              "id": "end",
              "type": "date",
              "label": {
                "en": "End",
                "ur": "اختتام"
              },
              "required": true
            },
            {
              "id": "responsibility",
              "type": "text",
              "label": {
                "en": "Responsibility",
                "ur": "ذمہ داری"
              },
              "constraints": {
                "maxLength": 300
              }
            }
          ]
        }
      ]
    },
    {
      "id": "rbm",
      "number": "12(b)",
      "label": {
        "en": "Result Based Monitoring (RBM) indicators",
        "ur": "نتائج پر مبنی نگرانی (آر بی ایم) کے اشاریے"
      },
      "fields": [
        {
          "id": "indicators",
          "type": "table",
          "label": {
            "en": "RBM indicators",
            "ur": "آر بی ایم اشاریے"
          },
          "required": true,
          "locked": true,
          "constraints": {
            "minItems": 1,
            "maxItems": 100
          },
          "columns": [
            {
              "id": "input",
              "type": "text",
              "label": {
                "en": "Input",
                "ur": "مداخل"
              },
              "required": true,
              "constraints": {
                "maxLength": 300
              }
            },
            {
              "id": "output",
              "type": "text",
              "label": {
                "en": "Output",
                "ur": "حاصل"
              },
              "required": true,
              "constraints": {
                "maxLength": 300
              }
            },
            {
              "id": "outcome",
              "type": "text",
              "label": {
                "en": "Outcome",
                "ur": "نتیجہ"
              },
              "required": true,
              "constraints": {
                "maxLength": 300
              }
            },
            {
              "id": "impact",
              "type": "text",
              "label": {
                "en": "Impact",
                "ur": "اثر"
              },
              "required": true,
              "constraints": {
                "maxLength": 300
              }
            },
            {
              "id": "baseline",
              "type": "text",
              "label": {
                "en": "Baseline",
                "ur": "ابتدائی سطح"
              },
              "required": true,
              "constraints": {
                "maxLength": 300
              }
            },
            {
              "id": "target",
              "type": "text",
              "label": {
                "en": "Target",
                "ur": "ہدف"
              },
              "required": true,
              "constraints": {
                "maxLength": 300
              }
            }
          ]
        }
      ]
    },
    {
      "id": "management",
      "number": "13",
      "label": {
        "en": "Management structure and manpower requirements including specialised skills during construction and operational phases",
        "ur": "تعمیراتی اور آپریشنل مراحل میں انتظامی ڈھانچہ اور افرادی قوت کی ضروریات بشمول خصوصی مہارتیں"
      },
      "fields": [
        {
          "id": "structure",
          "type": "textarea",
          "label": {
            "en": "Management structure",
            "ur": "انتظامی ڈھانچہ"
          },
          "constraints": {
            "maxLength": 20000
          },
          "required": true,
          "locked": true
        },
        {
          "id": "organogram",
          "type": "attachment",
          "label": {
            "en": "Organogram",
            "ur": "تنظیمی خاکہ"
          }
        },
        {
          "id": "manpower",
          "type": "table",
          "label": {
            "en": "Manpower requirements",
            "ur": "افرادی قوت کی ضروریات"
          },
          "required": true,
          "locked": true,
          "constraints": {
            "minItems": 1,
            "maxItems": 500
          },
          "columns": [
            {
              "id": "post",
              "type": "text",
              "label": {
                "en": "Post",
                "ur": "اسامی"
              },
              "required": true,
              "constraints": {
                "maxLength": 300
              }
            },
            {
              "id": "bps",
              "type": "integer",
              "label": {
                "en": "BPS",
                "ur": "بی پی ایس (گریڈ)"
              },
              "required": true,
              "constraints": {
                "minimum": 1,
                "maximum": 22
              }
            },
            {
              "id": "number",
              "type": "integer",
              "label": {
                "en": "Number",
                "ur": "تعداد"
              },
              "required": true,
              "constraints": {
                "minimum": 1,
                "maximum": 10000
              }
            },
            {
              "id": "phase",
              "type": "select",
              "label": {
                "en": "Phase",
                "ur": "مرحلہ"
              },
              "options": [
                {
                  "value": "construction",
                  "label": {
                    "en": "Construction",
                    "ur": "تعمیراتی"
                  }
                },
                {
                  "value": "operational",
                  "label": {
                    "en": "Operational",
                    "ur": "آپریشنل"
                  }
                }
              ],
              "required": true
            },
            {
              "id": "mode",
              "type": "select",
              "label": {
                "en": "Mode of appointment",
                "ur": "تقرری کا طریقہ"
              },
              "options": [
                {
                  "value": "regular",
                  "label": {
                    "en": "Regular",
                    "ur": "مستقل"
                  }
                },
                {
                  "value": "contract",
                  "label": {
                    "en": "Contract",
                    "ur": "کنٹریکٹ"
                  }
                },
                {
                  "value": "deputation",
                  "label": {
                    "en": "Deputation",
                    "ur": "ڈیپوٹیشن"
                  }
                }
              ]
            }
          ],
          "totals": [
            "number"
          ]
        },
        {
          "id": "specialisedSkills",
          "type": "textarea",
          "label": {
            "en": "Specialised skills required",
            "ur": "درکار خصوصی مہارتیں"
          },
          "constraints": {
            "maxLength": 20000
          }
        }
      ]
    },
    {
      "id": "additional",
      "number": "14",
      "label": {
        "en": "Additional projects / decisions required to maximise socio-economic benefits from the proposed project",
        "ur": "مجوزہ منصوبے سے زیادہ سے زیادہ سماجی و معاشی فوائد کے لیے درکار اضافی منصوبے / فیصلے"
      },
      "fields": [
        {
          "id": "items",
          "type": "table",
          "label": {
            "en": "Additional projects / decisions",
            "ur": "اضافی منصوبے / فیصلے"
          },
          "constraints": {
            "maxItems": 50
          },
          "columns": [
            {
              "id": "description",
              "type": "text",
              "label": {
                "en": "Project / decision required",
                "ur": "درکار منصوبہ / فیصلہ"
              },
              "required": true,
              "constraints": {
                "maxLength": 300
              }
            },
            {
              "id": "agency",
              "type": "text",
              "label": {
                "en": "Responsible agency",
                "ur": "ذمہ دار ادارہ"
              },
              "constraints": {
                "maxLength": 300
              }
            },
            {
              "id": "requiredBy",
              "type": "date",
              "label": {
                "en": "Required by",
                "ur": "مطلوبہ تاریخ"
              }
            }
          ]
        }
      ]
    },
    {
      "id": "certificate",
      "number": "15",
      "label": {
        "en": "Certificate",
        "ur": "تصدیق نامہ"
      },
      "fields": [
        {
          "id": "confirmed",
          "type": "boolean",
          "label": {
            "en": "Certified that the project proposal has been prepared on the basis of instructions provided by the Planning Commission for the preparation of PC-I for social sector projects.",
            "ur": "تصدیق کی جاتی ہے کہ منصوبے کی یہ تجویز سماجی شعبے کے منصوبوں کا پی سی ون تیار کرنے کے لیے پلاننگ کمیشن کی جاری کردہ ہدایات کی بنیاد پر تیار کی گئی ہے۔"
          },
          "required": true,
          "locked": true
        },
        {
          "id": "preparedBy",
          "type": "table",
          "label": {
            "en": "Prepared by",
            "ur": "تیار کنندہ"
          },
          "required": true,
          "locked": true,
          "constraints": {
            "minItems": 1,
            "maxItems": 1
          },
          "columns": [
            {
              "id": "name",
              "type": "text",
              "label": {
                "en": "Name",
                "ur": "نام"
              },
              "required": true,
              "constraints": {
                "maxLength": 200
              }
            },
            {
              "id": "designation",
              "type": "text",
              "label": {
                "en": "Designation",
                "ur": "عہدہ"
              },
              "required": true,
              "constraints": {
                "maxLength": 200
              }
            },
            {
              "id": "phone",
              "type": "text",
              "label": {
                "en": "Phone",
                "ur": "فون"
              },
              "constraints": {
                "maxLength": 20,
                "pattern": "^\\+?[0-9 -]{7,20}$"
              }
            },
            {
              "id": "date",
              "type": "date",
              "label": {
                "en": "Date",
                "ur": "تاریخ"
              }
            }
          ],
          "help": {
            "en": "Name, designation and phone number, as on the signed copy.",
            "ur": "نام، عہدہ اور فون نمبر، دستخط شدہ نقل کے مطابق۔"
          }
        },
        {
          "id": "checkedBy",
          "type": "table",
          "label": {
            "en": "Checked by",
            "ur": "جانچ کنندہ"
          },
          "required": true,
          "locked": true,
          "constraints": {
            "minItems": 1,
            "maxItems": 1
          },
          "columns": [
            {
              "id": "name",
              "type": "text",
              "label": {
                "en": "Name",
                "ur": "نام"
              },
              "required": true,
              "constraints": {
                "maxLength": 200
              }
            },
            {
              "id": "designation",
              "type": "text",
              "label": {
                "en": "Designation",
                "ur": "عہدہ"
              },
              "required": true,
              "constraints": {
                "maxLength": 200
              }
            },
            {
              "id": "phone",
              "type": "text",
              "label": {
                "en": "Phone",
                "ur": "فون"
              },
              "constraints": {
                "maxLength": 20,
                "pattern": "^\\+?[0-9 -]{7,20}$"
              }
            },
            {
              "id": "date",
              "type": "date",
              "label": {
                "en": "Date",
                "ur": "تاریخ"
              }
            }
          ],
          "help": {
            "en": "Name, designation and phone number, as on the signed copy.",
            "ur": "نام، عہدہ اور فون نمبر، دستخط شدہ نقل کے مطابق۔"
          }
        },
        {
          "id": "recommendedBy",
          "type": "table",
          "label": {
            "en": "Recommended by",
            "ur": "سفارش کنندہ"
          },
          "required": false,
          "locked": false,
          "constraints": {
            "minItems": 1,
            "maxItems": 1
          },
          "columns": [
            {
              "id": "name",
              "type": "text",
              "label": {
                "en": "Name",
                "ur": "نام"
              },
              "required": true,
              "constraints": {
                "maxLength": 200
              }
            },
            {
              "id": "designation",
              "type": "text",
              "label": {
                "en": "Designation",
                "ur": "عہدہ"
              },
              "required": true,
              "constraints": {
                "maxLength": 200
              }
            },
            {
              "id": "phone",
              "type": "text",
              "label": {
                "en": "Phone",
                "ur": "فون"
              },
              "constraints": {
                "maxLength": 20,
                "pattern": "^\\+?[0-9 -]{7,20}$"
              }
            },
            {
              "id": "date",
              "type": "date",
              "label": {
                "en": "Date",
                "ur": "تاریخ"
              }
            }
          ],
          "help": {
            "en": "Name, designation and phone number, as on the signed copy.",
            "ur": "نام، عہدہ اور فون نمبر، دستخط شدہ نقل کے مطابق۔"
          }
        },
        {
          "id": "approvedBy",
          "type": "table",
          "label": {
            "en": "Approved by",
            "ur": "منظور کنندہ"
          },
          "required": true,
          "locked": true,
          "constraints": {
            "minItems": 1,
            "maxItems": 1
          },
          "columns": [
            {
              "id": "name",
              "type": "text",
              "label": {
                "en": "Name",
                "ur": "نام"
              },
              "required": true,
              "constraints": {
                "maxLength": 200
              }
            },
            {
              "id": "designation",
              "type": "text",
              "label": {
                "en": "Designation",
                "ur": "عہدہ"
              },
              "required": true,
              "constraints": {
                "maxLength": 200
              }
            },
            {
              "id": "phone",
              "type": "text",
              "label": {
                "en": "Phone",
                "ur": "فون"
              },
              "constraints": {
                "maxLength": 20,
                "pattern": "^\\+?[0-9 -]{7,20}$"
              }
            },
            {
              "id": "date",
              "type": "date",
              "label": {
                "en": "Date",
                "ur": "تاریخ"
              }
            }
          ],
          "help": {
            "en": "Name, designation and phone number, as on the signed copy.",
            "ur": "نام، عہدہ اور فون نمبر، دستخط شدہ نقل کے مطابق۔"
          }
        }
      ]
    }
  ],
  "rules": [
    {
      "id": "estimate-row-total",
      "kind": "calculate",
      "target": "capitalCost.estimate.rows.*.total",
      "value": {
        "dec_add": [
          {
            "var": "row.local"
          },
          {
            "var": "row.fec"
          }
        ]
      },
      "description": "Local + foreign exchange = total, for every row"
    },
    {
      "id": "phasing-row-total",
      "kind": "calculate",
      "target": "capitalCost.phasing.rows.*.total",
      "value": {
        "dec_add": [
          {
            "var": "row.local"
          },
          {
            "var": "row.fec"
          }
        ]
      },
      "description": "Local + foreign exchange = total, for every row"
    },
    {
      "id": "plan-row-total",
      "kind": "calculate",
      "target": "financing.plan.rows.*.total",
      "value": {
        "dec_add": [
          {
            "var": "row.local"
          },
          {
            "var": "row.fec"
          }
        ]
      },
      "description": "Local + foreign exchange = total, for every row"
    },
    {
      "id": "block-balance",
      "kind": "calculate",
      "target": "planProvision.blockProvision.rows.*.balance",
      "value": {
        "dec_sub": [
          {
            "var": "row.totalBlock"
          },
          {
            "var": "row.committed"
          }
        ]
      },
      "description": "Balance available = total block provision − amount already committed, for every block"
    },
    {
      "id": "demand-gap",
      "kind": "calculate",
      "target": "demandSupply.projection.rows.*.gap",
      "value": {
        "dec_sub": [
          {
            "var": "row.demand"
          },
          {
            "var": "row.supply"
          }
        ]
      },
      "description": "Gap = demand − supply, for every year"
    },
    {
      "id": "plan-allocation-visible",
      "kind": "visible",
      "target": "planProvision.planAllocation",
      "when": {
        "==": [
          {
            "var": "planProvision.inPlan"
          },
          true
        ]
      }
    },
    {
      "id": "plan-allocation-required",
      "kind": "require",
      "target": "planProvision.planAllocation",
      "when": {
        "==": [
          {
            "var": "planProvision.inPlan"
          },
          true
        ]
      }
    },
    {
      "id": "plan-reference-visible",
      "kind": "visible",
      "target": "planProvision.planReference",
      "when": {
        "==": [
          {
            "var": "planProvision.inPlan"
          },
          true
        ]
      }
    },
    {
      "id": "inclusion-justification-visible",
      "kind": "visible",
      "target": "planProvision.inclusionJustification",
      "when": {
        "==": [
          {
            "var": "planProvision.inPlan"
          },
          false
        ]
      }
    },
    {
      "id": "inclusion-justification-required",
      "kind": "require",
      "target": "planProvision.inclusionJustification",
      "when": {
        "==": [
          {
            "var": "planProvision.inPlan"
          },
          false
        ]
      },
      "description": "A project outside the plan must say what warrants its inclusion"
    },
    {
      "id": "block-provision-visible",
      "kind": "visible",
      "target": "planProvision.blockProvision",
      "when": {
        "==": [
          {
            "var": "planProvision.fromBlockProvision"
          },
          true
        ]
      }
    },
    {
      "id": "block-provision-required",
      "kind": "require",
      "target": "planProvision.blockProvision",
      "when": {
        "==": [
          {
            "var": "planProvision.fromBlockProvision"
          },
          true
        ]
      }
    },
    {
      "id": "component-responsibility-visible",
      "kind": "visible",
      "target": "authorities.componentResponsibility",
      "when": {
        "==": [
          {
            "var": "authorities.multipleAgencies"
          },
          true
        ]
      }
    },
    {
      "id": "component-responsibility-required",
      "kind": "require",
      "target": "authorities.componentResponsibility",
      "when": {
        "==": [
          {
            "var": "authorities.multipleAgencies"
          },
          true
        ]
      },
      "description": "PC-I 2024: component-wise responsibility when more than one agency is involved"
    },
    {
      "id": "feasibility-study-required",
      "kind": "require",
      "target": "description.feasibilityStudy",
      "when": {
        "dec_gte": [
          {
            "var": "capitalCost.estimate.totals.total"
          },
          "300"
        ]
      },
      "description": "PC-I item 6: enclose the feasibility study for projects costing Rs 300 million and above"
    },
    {
      "id": "exchange-rate-required",
      "kind": "require",
      "target": "financing.exchangeRate",
      "when": {
        "dec_gt": [
          {
            "var": "capitalCost.estimate.totals.fec"
          },
          "0"
        ]
      },
      "description": "The exchange rate is required when the cost has a foreign-exchange component"
    },
    {
      "id": "environmental-approval-visible",
      "kind": "visible",
      "target": "benefits.environmentalApproval",
      "when": {
        "in": [
          {
            "var": "benefits.environmentalAssessment"
          },
          [
            "iee",
            "eia"
          ]
        ]
      }
    },
    {
      "id": "beneficiaries-total",
      "kind": "calculate",
      "target": "description.beneficiariesTotal",
      "value": {
        "dec_add": [
          {
            "var": "description.beneficiariesMale"
          },
          {
            "var": "description.beneficiariesFemale"
          }
        ]
      },
      "description": "Total beneficiaries = male + female"
    }
  ],
  "checks": [
    {
      "id": "phasing-equals-capital-cost",
      "op": "eq",
      "left": {
        "var": "capitalCost.phasing.totals.total"
      },
      "right": {
        "var": "capitalCost.estimate.totals.total"
      },
      "pointer": "/capitalCost/phasing/totals/total",
      "message": {
        "en": "The year-wise phasing must add up to the total capital cost",
        "ur": "سال وار تقسیم کا میزان کل سرمایہ جاتی لاگت کے برابر ہونا چاہیے"
      }
    },
    {
      "id": "phasing-local-equals-capital-cost",
      "op": "eq",
      "left": {
        "var": "capitalCost.phasing.totals.local"
      },
      "right": {
        "var": "capitalCost.estimate.totals.local"
      },
      "pointer": "/capitalCost/phasing/totals/local",
      "message": {
        "en": "The local component of the phasing must equal that of the capital cost",
        "ur": "سال وار تقسیم کا مقامی جزو سرمایہ جاتی لاگت کے مقامی جزو کے برابر ہونا چاہیے"
      }
    },
    {
      "id": "phasing-fec-equals-capital-cost",
      "op": "eq",
      "left": {
        "var": "capitalCost.phasing.totals.fec"
      },
      "right": {
        "var": "capitalCost.estimate.totals.fec"
      },
      "pointer": "/capitalCost/phasing/totals/fec",
      "message": {
        "en": "The foreign-exchange component of the phasing must equal that of the capital cost",
        "ur": "سال وار تقسیم کا زرِ مبادلہ جزو سرمایہ جاتی لاگت کے زرِ مبادلہ جزو کے برابر ہونا چاہیے"
      }
    },
    {
      "id": "financing-equals-capital-cost",
      "op": "eq",
      "left": {
        "var": "financing.plan.totals.total"
      },
      "right": {
        "var": "capitalCost.estimate.totals.total"
      },
      "pointer": "/financing/plan/totals/total",
      "message": {
        "en": "The financing plan must add up to the total capital cost",
        "ur": "مالیاتی منصوبے کا میزان کل سرمایہ جاتی لاگت کے برابر ہونا چاہیے"
      }
    },
    {
      "id": "block-proposed-within-balance",
      "op": "lte",
      "left": {
        "var": "planProvision.blockProvision.totals.proposed"
      },
      "right": {
        "var": "planProvision.blockProvision.totals.balance"
      },
      "when": {
        "==": [
          {
            "var": "planProvision.fromBlockProvision"
          },
          true
        ]
      },
      "pointer": "/planProvision/blockProvision/totals/proposed",
      "message": {
        "en": "The amount proposed from the block provision cannot exceed the balance available",
        "ur": "بلاک پروویژن سے تجویز کردہ رقم دستیاب بقایا سے زیادہ نہیں ہو سکتی"
      }
    },
    {
      "id": "block-proposed-within-cost",
      "op": "lte",
      "left": {
        "var": "planProvision.blockProvision.totals.proposed"
      },
      "right": {
        "var": "capitalCost.estimate.totals.total"
      },
      "when": {
        "==": [
          {
            "var": "planProvision.fromBlockProvision"
          },
          true
        ]
      },
      "pointer": "/planProvision/blockProvision/totals/proposed",
      "message": {
        "en": "The amount proposed from the block provision cannot exceed the total capital cost",
        "ur": "بلاک پروویژن سے تجویز کردہ رقم کل سرمایہ جاتی لاگت سے زیادہ نہیں ہو سکتی"
      }
    },
    {
      "id": "current-provision-within-cost",
      "op": "lte",
      "left": {
        "var": "planProvision.currentYearProvision"
      },
      "right": {
        "var": "capitalCost.estimate.totals.total"
      },
      "pointer": "/planProvision/currentYearProvision",
      "message": {
        "en": "The current year's PSDP/ADP provision cannot exceed the total capital cost",
        "ur": "رواں سال کی پی ایس ڈی پی / اے ڈی پی گنجائش کل سرمایہ جاتی لاگت سے زیادہ نہیں ہو سکتی"
      }
    },
    {
      "id": "contingencies-within-cost",
      "op": "lte",
      "left": {
        "var": "capitalCost.contingencyAmount"
      },
      "right": {
        "var": "capitalCost.estimate.totals.total"
      },
      "pointer": "/capitalCost/contingencyAmount",
      "message": {
        "en": "Contingencies cannot exceed the total capital cost",
        "ur": "ہنگامی اخراجات کل سرمایہ جاتی لاگت سے زیادہ نہیں ہو سکتے"
      }
    },
    {
      "id": "certificate-confirmed",
      "op": "eq",
      "left": {
        "if": [
          {
            "var": "certificate.confirmed"
          },
          1,
          0
        ]
      },
      "right": 1,
      "when": {
        "!=": [
          {
            "var": "certificate.confirmed"
          },
          null
        ]
      },
      "pointer": "/certificate/confirmed",
      "message": {
        "en": "The certificate must be confirmed before submission",
        "ur": "جمع کرانے سے پہلے تصدیق نامے کی توثیق ضروری ہے"
      }
    }
  ]
};
