import { FormDefinition } from '../../definition';

/*
 * pc1-revised 1.0.0 exactly as released (generated from the definition before pc1-revised got a new base
 * version; never edit: provinces have published versions and overlays on it, and test/forms/catalogue.spec.ts
 * checks its content hash).
 */
export const pc1RevisedV100: FormDefinition = {
  "key": "pc1-revised",
  "version": "1.0.0",
  "family": "PC-I-revised",
  "title": {
    "en": "PC-I: Proforma for preparation of projects (for revised projects)",
    "ur": "پی سی ون: منصوبوں کی تیاری کا پروفارما (نظرِ ثانی شدہ منصوبوں کے لیے)"
  },
  "source": {
    "document": "PC-I Proforma for Preparation of Projects (For Revised Projects), Ministry of Planning, Development & Reform, 2017 format",
    "urls": [
      "https://ar.scribd.com/document/408664774/Federal-Manual-for-Development-Projects",
      "https://yumpu.com/en/document/view/6998869/manual-for-development-projects-planning-commission/25",
      "https://yumpu.com/en/document/view/6998869/manual-for-development-projects-planning-commission/84"
    ],
    "notes": "Items 1–13 follow the 2017 revised-project proforma (\"revised project document would be part of original PC-I\"). The link to the approved PC-I (parentDocumentId, version, forum and date of approval, revision number) is on the cover. Basis of revision is required when the revised cost exceeds the approved cost by more than 15 % (Manual ch.4 §4.12–4.13: the executing agency cannot change approved parameters beyond 15 %). [verify] The items after 13 were not retrieved: 14 (physical progress) and 15 (certificate with prepared/checked/approved by) are modelled on the PC-I and are not confirmed as printed. Financial phasing columns: year, approved PC-I, PSDP/ADP allocation, releases, expenditure (incurred / to be incurred), revised. Feasibility copy required at ≥ Rs 300 million, as for the PC-I."
  },
  "sections": [
    {
      "id": "cover",
      "number": "0",
      "label": {
        "en": "Cover page and approved PC-I",
        "ur": "سرورق اور منظور شدہ پی سی ون"
      },
      "help": {
        "en": "Government of Pakistan, Planning Commission: PC-I (revised projects). The revised project document is part of the original PC-I.",
        "ur": "حکومتِ پاکستان، پلاننگ کمیشن: پی سی ون (نظرِ ثانی شدہ منصوبے)۔ نظرِ ثانی شدہ دستاویز اصل پی سی ون کا حصہ ہے۔"
      },
      "fields": [
        {
          "id": "parentDocumentId",
          "type": "text",
          "label": {
            "en": "Approved PC-I being revised (document id)",
            "ur": "زیرِ نظرِ ثانی منظور شدہ پی سی ون (دستاویز کی شناخت)"
          },
          "required": true,
          "locked": true,
          "constraints": {
            "maxLength": 36,
            "pattern": "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$"
          },
          "help": {
            "en": "The approved PC-I this revision belongs to; the revised document is part of the original PC-I.",
            "ur": "وہ منظور شدہ پی سی ون جس کی یہ نظرِ ثانی ہے؛ نظرِ ثانی شدہ دستاویز اصل پی سی ون کا حصہ ہے۔"
          }
        },
        {
          "id": "parentVersion",
          "type": "text",
          "label": {
            "en": "Version of the approved PC-I (form version / revision)",
            "ur": "منظور شدہ پی سی ون کا ورژن (فارم ورژن / نظرِ ثانی)"
          },
          "constraints": {
            "maxLength": 300
          }
        },
        {
          "id": "approvalForum",
          "type": "select",
          "label": {
            "en": "Forum that approved the PC-I",
            "ur": "پی سی ون منظور کرنے والا فورم"
          },
          "options": {
            "master": "approval-forums"
          },
          "required": true,
          "locked": true
        },
        {
          "id": "approvalDate",
          "type": "date",
          "label": {
            "en": "Date of approval of the PC-I",
            "ur": "پی سی ون کی منظوری کی تاریخ"
          },
          "required": true,
          "locked": true
        },
        {
          "id": "revisionNumber",
          "type": "integer",
          "label": {
            "en": "Revision number",
            "ur": "نظرِ ثانی نمبر"
          },
          "required": true,
          "locked": true,
          "constraints": {
            "minimum": 1,
            "maximum": 20
          },
          "help": {
            "en": "1 for the first revision, 2 for the second …",
            "ur": "پہلی نظرِ ثانی کے لیے 1، دوسری کے لیے 2 …"
          }
        },
        {
          "id": "projectCode",
          "type": "text",
          "label": {
            "en": "Project code (allocated by the Planning Commission / P&D)",
            "ur": "منصوبے کا کوڈ (پلاننگ کمیشن / محکمہ منصوبہ بندی و ترقیات کی جانب سے)"
          },
          "constraints": {
            "maxLength": 300
          }
        },
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
          "id": "subSector",
          "type": "select",
          "label": {
            "en": "Sub-sector",
            "ur": "ذیلی شعبہ"
          },
          "options": {
            "master": "sub-sectors"
          }
        },
        {
          "id": "preparationDate",
          "type": "date",
          "label": {
            "en": "Date of preparation of the revised PC-I",
            "ur": "نظرِ ثانی شدہ پی سی ون کی تاریخِ تیاری"
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
        "en": "Project title",
        "ur": "منصوبے کا عنوان"
      },
      "fields": [
        {
          "id": "title",
          "type": "text",
          "label": {
            "en": "Project title",
            "ur": "منصوبے کا عنوان"
          },
          "required": true,
          "locked": true,
          "constraints": {
            "maxLength": 300
          }
        },
        {
          "id": "originalTitle",
          "type": "text",
          "label": {
            "en": "Title in the approved PC-I (if changed)",
            "ur": "منظور شدہ پی سی ون میں عنوان (اگر تبدیل ہوا ہو)"
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
      "help": {
        "en": "Tehsil/taluka, city, district and province; attach a map clearly showing the project location and give GPS coordinates.",
        "ur": "تحصیل، شہر، ضلع اور صوبہ؛ منصوبے کے مقام کی واضح نشاندہی والا نقشہ منسلک کریں اور جی پی ایس کوآرڈینیٹس دیں۔"
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
        }
      ]
    },
    {
      "id": "objectives",
      "number": "4",
      "label": {
        "en": "Project objectives",
        "ur": "منصوبے کے مقاصد"
      },
      "fields": [
        {
          "id": "objectives",
          "type": "table",
          "label": {
            "en": "Objectives (precise, in bullet form)",
            "ur": "مقاصد (جامع، نکات کی صورت میں)"
          },
          "required": true,
          "locked": true,
          "constraints": {
            "minItems": 1,
            "maxItems": 20
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
            }
          ]
        },
        {
          "id": "objectivesChanged",
          "type": "boolean",
          "label": {
            "en": "Have the objectives changed from the approved PC-I?",
            "ur": "کیا مقاصد منظور شدہ پی سی ون سے تبدیل ہوئے ہیں؟"
          },
          "required": true,
          "locked": true
        },
        {
          "id": "objectivesChange",
          "type": "textarea",
          "label": {
            "en": "Changes in objectives and reasons",
            "ur": "مقاصد میں تبدیلیاں اور وجوہات"
          },
          "constraints": {
            "maxLength": 20000
          }
        }
      ]
    },
    {
      "id": "description",
      "number": "5",
      "label": {
        "en": "Description, justification and technical parameters of the project",
        "ur": "منصوبے کی تفصیل، جواز اور تکنیکی پیمانے"
      },
      "fields": [
        {
          "id": "description",
          "type": "textarea",
          "label": {
            "en": "Description, justification and technical parameters",
            "ur": "تفصیل، جواز اور تکنیکی پیمانے"
          },
          "constraints": {
            "maxLength": 20000
          },
          "required": true,
          "locked": true
        },
        {
          "id": "scopeChanges",
          "type": "textarea",
          "label": {
            "en": "Changes in scope compared with the approved PC-I",
            "ur": "منظور شدہ پی سی ون کے مقابلے میں دائرۂ کار میں تبدیلیاں"
          },
          "constraints": {
            "maxLength": 20000
          }
        }
      ]
    },
    {
      "id": "implementationPeriod",
      "number": "6",
      "label": {
        "en": "Implementation period",
        "ur": "مدتِ عمل درآمد"
      },
      "fields": [
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
          "id": "commencementDate",
          "type": "date",
          "label": {
            "en": "(i) Planned commencement date",
            "ur": "(i) آغاز کی منصوبہ بند تاریخ"
          },
          "required": true,
          "locked": true
        },
        {
          "id": "completionDate",
          "type": "date",
          "label": {
            "en": "(ii) Planned completion date",
            "ur": "(ii) تکمیل کی منصوبہ بند تاریخ"
          },
          "required": true,
          "locked": true
        }
      ]
    },
    {
      "id": "feasibility",
      "number": "7",
      "label": {
        "en": "Status of feasibility study",
        "ur": "فزیبلٹی اسٹڈی کی صورتِ حال"
      },
      "help": {
        "en": "Please attach a copy of the feasibility study.",
        "ur": "براہِ کرم فزیبلٹی اسٹڈی کی نقل منسلک کریں۔"
      },
      "fields": [
        {
          "id": "conductedBy",
          "type": "select",
          "label": {
            "en": "(i) Feasibility study conducted",
            "ur": "(i) فزیبلٹی اسٹڈی کس نے کی"
          },
          "options": [
            {
              "value": "in-house",
              "label": {
                "en": "In house",
                "ur": "ادارے نے خود"
              }
            },
            {
              "value": "outsourced",
              "label": {
                "en": "Outsourced",
                "ur": "بیرونی ماہرین سے"
              }
            },
            {
              "value": "not-conducted",
              "label": {
                "en": "Not conducted",
                "ur": "نہیں کی گئی"
              }
            }
          ],
          "required": true,
          "locked": true
        },
        {
          "id": "consultant",
          "type": "text",
          "label": {
            "en": "Consultant (if outsourced)",
            "ur": "مشیر (اگر بیرونی ماہرین سے کروائی گئی)"
          },
          "constraints": {
            "maxLength": 300
          }
        },
        {
          "id": "conclusions",
          "type": "textarea",
          "label": {
            "en": "(ii) Conclusions / recommendations of the feasibility study",
            "ur": "(ii) فزیبلٹی اسٹڈی کے نتائج / سفارشات"
          },
          "constraints": {
            "maxLength": 20000
          }
        },
        {
          "id": "studyCopy",
          "type": "attachment",
          "label": {
            "en": "Copy of the feasibility study",
            "ur": "فزیبلٹی اسٹڈی کی نقل"
          }
        }
      ]
    },
    {
      "id": "capitalCost",
      "number": "8",
      "label": {
        "en": "Cost estimates",
        "ur": "لاگت کے تخمینے"
      },
      "fields": [
        {
          "id": "original",
          "type": "table",
          "label": {
            "en": "(i) Original (approved) cost (Rs million)",
            "ur": "(i) اصل (منظور شدہ) لاگت (ملین روپے)"
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
            "en": "Item-wise, as in the approved PC-I.",
            "ur": "مد وار، منظور شدہ پی سی ون کے مطابق۔"
          }
        },
        {
          "id": "revised",
          "type": "table",
          "label": {
            "en": "(ii) Revised (proposed) cost (Rs million)",
            "ur": "(ii) نظرِ ثانی شدہ (مجوزہ) لاگت (ملین روپے)"
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
          "locked": true
        },
        {
          "id": "changePct",
          "type": "decimal",
          "label": {
            "en": "Change in cost (%)",
            "ur": "لاگت میں تبدیلی (فیصد)"
          },
          "constraints": {
            "allowNegative": true,
            "scale": 2
          }
        },
        {
          "id": "estimateDate",
          "type": "date",
          "label": {
            "en": "Date of the revised estimate",
            "ur": "نظرِ ثانی شدہ تخمینے کی تاریخ"
          },
          "required": true,
          "locked": true
        },
        {
          "id": "basisOfRevision",
          "type": "textarea",
          "label": {
            "en": "(iii) Basis of revised cost estimates and reasons for revision",
            "ur": "(iii) نظرِ ثانی شدہ تخمینوں کی بنیاد اور نظرِ ثانی کی وجوہات"
          },
          "constraints": {
            "maxLength": 20000
          },
          "help": {
            "en": "Required when the revised cost exceeds the approved cost by more than 15 %.",
            "ur": "اگر نظرِ ثانی شدہ لاگت منظور شدہ لاگت سے 15 فیصد سے زیادہ ہو تو لازمی۔"
          }
        }
      ]
    },
    {
      "id": "unitCost",
      "number": "9",
      "label": {
        "en": "Unit cost",
        "ur": "فی اکائی لاگت"
      },
      "fields": [
        {
          "id": "unit",
          "type": "text",
          "label": {
            "en": "Unit of output",
            "ur": "حاصل کی اکائی"
          },
          "required": true,
          "locked": true,
          "constraints": {
            "maxLength": 300
          }
        },
        {
          "id": "original",
          "type": "money",
          "label": {
            "en": "(i) Original unit cost (Rs million)",
            "ur": "(i) اصل فی اکائی لاگت (ملین روپے)"
          },
          "required": true,
          "locked": true
        },
        {
          "id": "originalYear",
          "type": "fiscalYear",
          "label": {
            "en": "(i) Year of the original unit cost",
            "ur": "(i) اصل فی اکائی لاگت کا سال"
          },
          "required": true,
          "locked": true
        },
        {
          "id": "revised",
          "type": "money",
          "label": {
            "en": "(ii) Revised unit cost (Rs million)",
            "ur": "(ii) نظرِ ثانی شدہ فی اکائی لاگت (ملین روپے)"
          },
          "required": true,
          "locked": true
        },
        {
          "id": "revisedYear",
          "type": "fiscalYear",
          "label": {
            "en": "(ii) Year of the revised unit cost",
            "ur": "(ii) نظرِ ثانی شدہ فی اکائی لاگت کا سال"
          },
          "required": true,
          "locked": true
        }
      ]
    },
    {
      "id": "comparison",
      "number": "10",
      "label": {
        "en": "Comparison of unit cost with similar projects in the sector",
        "ur": "شعبے کے اسی نوعیت کے منصوبوں سے فی اکائی لاگت کا موازنہ"
      },
      "fields": [
        {
          "id": "similarProjects",
          "type": "table",
          "label": {
            "en": "Similar projects",
            "ur": "اسی نوعیت کے منصوبے"
          },
          "constraints": {
            "maxItems": 20
          },
          "columns": [
            {
              "id": "project",
              "type": "text",
              "label": {
                "en": "Project",
                "ur": "منصوبہ"
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
                "en": "Year",
                "ur": "سال"
              }
            },
            {
              "id": "unitCost",
              "type": "money",
              "label": {
                "en": "Unit cost (Rs million)",
                "ur": "فی اکائی لاگت (ملین روپے)"
              },
              "required": true
            },
            {
              "id": "remarks",
              "type": "text",
              "label": {
                "en": "Remarks",
                "ur": "کیفیت"
              },
              "constraints": {
                "maxLength": 300
              }
            }
          ]
        },
        {
          "id": "justification",
          "type": "textarea",
          "label": {
            "en": "Reasons / justification for variation",
            "ur": "فرق کی وجوہات / جواز"
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
      "id": "financing",
      "number": "11",
      "label": {
        "en": "Source of financing",
        "ur": "مالی وسائل کا ذریعہ"
      },
      "fields": [
        {
          "id": "changed",
          "type": "boolean",
          "label": {
            "en": "Has the source of financing changed?",
            "ur": "کیا مالی وسائل کا ذریعہ تبدیل ہوا ہے؟"
          },
          "required": true,
          "locked": true
        },
        {
          "id": "original",
          "type": "table",
          "label": {
            "en": "Original (approved) financing (Rs million)",
            "ur": "اصل (منظور شدہ) مالی وسائل (ملین روپے)"
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
          "locked": true
        },
        {
          "id": "revised",
          "type": "table",
          "label": {
            "en": "Revised (proposed) financing (Rs million)",
            "ur": "نظرِ ثانی شدہ (مجوزہ) مالی وسائل (ملین روپے)"
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
          "locked": true
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
          }
        }
      ]
    },
    {
      "id": "period",
      "number": "12",
      "label": {
        "en": "Implementation period (months)",
        "ur": "مدتِ عمل درآمد (مہینے)"
      },
      "fields": [
        {
          "id": "originalMonths",
          "type": "integer",
          "label": {
            "en": "(i) Original (approved)",
            "ur": "(i) اصل (منظور شدہ)"
          },
          "required": true,
          "locked": true,
          "constraints": {
            "minimum": 1,
            "maximum": 240
          }
        },
        {
          "id": "revisedMonths",
          "type": "integer",
          "label": {
            "en": "(ii) Revised (proposed)",
            "ur": "(ii) نظرِ ثانی شدہ (مجوزہ)"
          },
          "required": true,
          "locked": true,
          "constraints": {
            "minimum": 1,
            "maximum": 240
          }
        },
        {
          "id": "originalCompletion",
          "type": "date",
          "label": {
            "en": "Completion date in the approved PC-I",
            "ur": "منظور شدہ پی سی ون میں تکمیل کی تاریخ"
          }
        },
        {
          "id": "extensionReasons",
          "type": "textarea",
          "label": {
            "en": "Reasons for extension of the period",
            "ur": "مدت میں توسیع کی وجوہات"
          },
          "constraints": {
            "maxLength": 20000
          }
        }
      ]
    },
    {
      "id": "phasing",
      "number": "13",
      "label": {
        "en": "Financial phasing (expenditure incurred / to be incurred)",
        "ur": "مالی مرحلہ بندی (خرچ شدہ / متوقع اخراجات)"
      },
      "fields": [
        {
          "id": "schedule",
          "type": "table",
          "label": {
            "en": "Financial phasing (Rs million)",
            "ur": "مالی مرحلہ بندی (ملین روپے)"
          },
          "required": true,
          "locked": true,
          "constraints": {
            "minItems": 1,
            "maxItems": 40
          },
          "help": {
            "en": "The approved PC-I column adds up to the original cost and the revised column to the revised cost.",
            "ur": "منظور شدہ پی سی ون کالم کا میزان اصل لاگت اور نظرِ ثانی شدہ کالم کا میزان نظرِ ثانی شدہ لاگت کے برابر ہو۔"
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
              "id": "approvedPc1",
              "type": "money",
              "label": {
                "en": "Approved PC-I",
                "ur": "منظور شدہ پی سی ون"
              }
            },
            {
              "id": "allocation",
              "type": "money",
              "label": {
                "en": "PSDP / ADP allocation",
                "ur": "پی ایس ڈی پی / اے ڈی پی میں مختص رقم"
              }
            },
            {
              "id": "releases",
              "type": "money",
              "label": {
                "en": "Releases",
                "ur": "اجراء"
              }
            },
            {
              "id": "expenditure",
              "type": "money",
              "label": {
                "en": "Expenditure incurred / to be incurred",
                "ur": "خرچ شدہ / متوقع اخراجات"
              },
              "help": {
                "en": "Actual expenditure for past years; expected expenditure for the current and future years.",
                "ur": "گزشتہ برسوں کے اصل اخراجات؛ رواں اور آئندہ برسوں کے متوقع اخراجات۔"
              }
            },
            {
              "id": "revised",
              "type": "money",
              "label": {
                "en": "Revised",
                "ur": "نظرِ ثانی شدہ"
              },
              "required": true
            }
          ],
          "totals": [
            "approvedPc1",
            "allocation",
            "releases",
            "expenditure",
            "revised"
          ]
        }
      ]
    },
    {
      "id": "progress",
      "number": "14",
      "label": {
        "en": "Physical progress to date",
        "ur": "اب تک کی طبعی پیش رفت"
      },
      "fields": [
        {
          "id": "items",
          "type": "table",
          "label": {
            "en": "Item-wise physical progress",
            "ur": "مد وار طبعی پیش رفت"
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
              "id": "approvedScope",
              "type": "decimal",
              "label": {
                "en": "Scope in the approved PC-I",
                "ur": "منظور شدہ پی سی ون میں مقدار"
              }
            },
            {
              "id": "revisedScope",
              "type": "decimal",
              "label": {
                "en": "Revised scope",
                "ur": "نظرِ ثانی شدہ مقدار"
              }
            },
            {
              "id": "achieved",
              "type": "decimal",
              "label": {
                "en": "Achieved to date",
                "ur": "اب تک حاصل شدہ"
              }
            }
          ]
        },
        {
          "id": "physicalProgressPct",
          "type": "decimal",
          "label": {
            "en": "Overall physical progress (%)",
            "ur": "مجموعی طبعی پیش رفت (فیصد)"
          },
          "constraints": {
            "maximum": "100",
            "scale": 2
          }
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
            "en": "Certified that the revised project proposal has been prepared on the basis of instructions provided by the Planning Commission for the preparation of PC-I for revised projects.",
            "ur": "تصدیق کی جاتی ہے کہ منصوبے کی یہ نظرِ ثانی شدہ تجویز نظرِ ثانی شدہ منصوبوں کا پی سی ون تیار کرنے کے لیے پلاننگ کمیشن کی جاری کردہ ہدایات کی بنیاد پر تیار کی گئی ہے۔"
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
      "id": "cost-original-row-total",
      "kind": "calculate",
      "target": "capitalCost.original.rows.*.total",
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
      "id": "cost-revised-row-total",
      "kind": "calculate",
      "target": "capitalCost.revised.rows.*.total",
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
      "id": "financing-original-row-total",
      "kind": "calculate",
      "target": "financing.original.rows.*.total",
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
      "id": "financing-revised-row-total",
      "kind": "calculate",
      "target": "financing.revised.rows.*.total",
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
      "id": "cost-change-pct",
      "kind": "calculate",
      "target": "capitalCost.changePct",
      "value": {
        "dec_pct_change": [
          {
            "var": "capitalCost.original.totals.total"
          },
          {
            "var": "capitalCost.revised.totals.total"
          }
        ]
      },
      "description": "Percentage change from the original (approved) to the revised (proposed) total cost"
    },
    {
      "id": "basis-of-revision-required",
      "kind": "require",
      "target": "capitalCost.basisOfRevision",
      "when": {
        "dec_gt": [
          {
            "dec_pct_change": [
              {
                "var": "capitalCost.original.totals.total"
              },
              {
                "var": "capitalCost.revised.totals.total"
              }
            ]
          },
          "15"
        ]
      },
      "description": "Manual ch.4 §4.12: a cost increase beyond the 15 % permissible limit needs the basis of revision"
    },
    {
      "id": "feasibility-copy-required",
      "kind": "require",
      "target": "feasibility.studyCopy",
      "when": {
        "and": [
          {
            "dec_gte": [
              {
                "var": "capitalCost.revised.totals.total"
              },
              "300"
            ]
          },
          {
            "!=": [
              {
                "var": "feasibility.conductedBy"
              },
              "not-conducted"
            ]
          }
        ]
      },
      "description": "Attach the feasibility study for projects costing Rs 300 million and above"
    },
    {
      "id": "feasibility-conclusions-required",
      "kind": "require",
      "target": "feasibility.conclusions",
      "when": {
        "in": [
          {
            "var": "feasibility.conductedBy"
          },
          [
            "in-house",
            "outsourced"
          ]
        ]
      }
    },
    {
      "id": "consultant-visible",
      "kind": "visible",
      "target": "feasibility.consultant",
      "when": {
        "==": [
          {
            "var": "feasibility.conductedBy"
          },
          "outsourced"
        ]
      }
    },
    {
      "id": "objectives-change-visible",
      "kind": "visible",
      "target": "objectives.objectivesChange",
      "when": {
        "==": [
          {
            "var": "objectives.objectivesChanged"
          },
          true
        ]
      }
    },
    {
      "id": "objectives-change-required",
      "kind": "require",
      "target": "objectives.objectivesChange",
      "when": {
        "==": [
          {
            "var": "objectives.objectivesChanged"
          },
          true
        ]
      }
    },
    {
      "id": "exchange-rate-required",
      "kind": "require",
      "target": "financing.exchangeRate",
      "when": {
        "dec_gt": [
          {
            "var": "capitalCost.revised.totals.fec"
          },
          "0"
        ]
      },
      "description": "The exchange rate is required when the revised cost has a foreign-exchange component"
    },
    {
      "id": "extension-reasons-required",
      "kind": "require",
      "target": "period.extensionReasons",
      "when": {
        ">": [
          {
            "var": "period.revisedMonths"
          },
          {
            "var": "period.originalMonths"
          }
        ]
      },
      "description": "An extended implementation period must be explained"
    }
  ],
  "checks": [
    {
      "id": "revised-financing-equals-revised-cost",
      "op": "eq",
      "left": {
        "var": "financing.revised.totals.total"
      },
      "right": {
        "var": "capitalCost.revised.totals.total"
      },
      "pointer": "/financing/revised/totals/total",
      "message": {
        "en": "The revised financing must add up to the revised cost",
        "ur": "نظرِ ثانی شدہ مالی وسائل کا میزان نظرِ ثانی شدہ لاگت کے برابر ہونا چاہیے"
      }
    },
    {
      "id": "original-financing-equals-original-cost",
      "op": "eq",
      "left": {
        "var": "financing.original.totals.total"
      },
      "right": {
        "var": "capitalCost.original.totals.total"
      },
      "pointer": "/financing/original/totals/total",
      "message": {
        "en": "The original financing must add up to the original (approved) cost",
        "ur": "اصل مالی وسائل کا میزان اصل (منظور شدہ) لاگت کے برابر ہونا چاہیے"
      }
    },
    {
      "id": "phasing-equals-revised-cost",
      "op": "eq",
      "left": {
        "var": "phasing.schedule.totals.revised"
      },
      "right": {
        "var": "capitalCost.revised.totals.total"
      },
      "pointer": "/phasing/schedule/totals/revised",
      "message": {
        "en": "The revised phasing must add up to the revised cost",
        "ur": "نظرِ ثانی شدہ مرحلہ بندی کا میزان نظرِ ثانی شدہ لاگت کے برابر ہونا چاہیے"
      }
    },
    {
      "id": "phasing-equals-original-cost",
      "op": "eq",
      "left": {
        "var": "phasing.schedule.totals.approvedPc1"
      },
      "right": {
        "var": "capitalCost.original.totals.total"
      },
      "pointer": "/phasing/schedule/totals/approvedPc1",
      "message": {
        "en": "The approved PC-I phasing must add up to the original (approved) cost",
        "ur": "منظور شدہ پی سی ون کی مرحلہ بندی کا میزان اصل (منظور شدہ) لاگت کے برابر ہونا چاہیے"
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
