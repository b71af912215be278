import { FormDefinition } from '../../definition';

/*
 * pc3a 1.0.0 exactly as released (generated from the definition before pc3a got a new base
 * version; never edit: provinces have published versions and overlays on it, and test/forms/catalogue.spec.ts
 * checks its content hash).
 */
export const pc3aV100: FormDefinition = {
  "key": "pc3a",
  "version": "1.0.0",
  "family": "PC-III-A",
  "title": {
    "en": "PC-III(A): Annual work plan and cash plan",
    "ur": "پی سی تھری (اے): سالانہ ورک پلان اور کیش پلان"
  },
  "source": {
    "document": "PC-III(A) annual work plan / cash plan (Planning Commission of Pakistan; Cash/Work Plan instructions)",
    "urls": [
      "http://www.pndajk.gov.pk/resourcecentre.php?page=Important%2520Instructions",
      "https://yumpu.com/en/document/view/6998869/manual-for-development-projects-planning-commission/84"
    ],
    "notes": "[verify] The name \"PC-III(A)\" for the annual plan side and the printed section numbering were not confirmed from an official copy; fields follow the AJK P&D Cash/Work Plan instructions: ministry, project, PSDP serial and allocation, PIFRA object classification, items of expenditure as in the PC-I, approved cost per item, cumulative expenditure to the end of the last financial year, quarterly financial targets, work plan activities tied to the cash items, and a separate work plan for unspent non-lapsable releases. Section numbers are sequential."
  },
  "sections": [
    {
      "id": "project",
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
          }
        },
        {
          "id": "adpNumber",
          "type": "text",
          "label": {
            "en": "ADP / PSDP number",
            "ur": "اے ڈی پی / پی ایس ڈی پی نمبر"
          },
          "required": true,
          "locked": true,
          "constraints": {
            "maxLength": 300
          }
        },
        {
          "id": "department",
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
        },
        {
          "id": "projectDocumentId",
          "type": "text",
          "label": {
            "en": "Approved PC-I reported on",
            "ur": "وہ منظور شدہ پی سی ون جس پر رپورٹ دی جا رہی ہے"
          },
          "constraints": {
            "maxLength": 300
          },
          "help": {
            "en": "Filled by the system from the approved PC-I of this project.",
            "ur": "یہ خانہ نظام اس منصوبے کے منظور شدہ پی سی ون سے خود پُر کرتا ہے۔"
          }
        },
        {
          "id": "executing",
          "type": "text",
          "label": {
            "en": "Executing agency",
            "ur": "عمل درآمد کرنے والا ادارہ"
          },
          "constraints": {
            "maxLength": 300
          }
        },
        {
          "id": "projectDirector",
          "type": "text",
          "label": {
            "en": "Project Director",
            "ur": "پروجیکٹ ڈائریکٹر"
          },
          "constraints": {
            "maxLength": 300
          }
        }
      ]
    },
    {
      "id": "provision",
      "number": "2",
      "label": {
        "en": "PSDP / ADP provision for the year",
        "ur": "سال کے لیے پی ایس ڈی پی / اے ڈی پی میں فراہمی"
      },
      "fields": [
        {
          "id": "fiscalYear",
          "type": "fiscalYear",
          "label": {
            "en": "Financial year",
            "ur": "مالی سال"
          },
          "required": true,
          "locked": true
        },
        {
          "id": "psdpSerial",
          "type": "text",
          "label": {
            "en": "Serial number in the PSDP / ADP",
            "ur": "پی ایس ڈی پی / اے ڈی پی میں سیریل نمبر"
          },
          "required": true,
          "locked": true,
          "constraints": {
            "maxLength": 300
          },
          "help": {
            "en": "The project's serial number in this year's PSDP / ADP book.",
            "ur": "اس سال کی پی ایس ڈی پی / اے ڈی پی کتاب میں منصوبے کا سیریل نمبر۔"
          }
        },
        {
          "id": "allocation",
          "type": "money",
          "label": {
            "en": "Allocation for the year (Rs million)",
            "ur": "سال کے لیے مختص رقم (ملین روپے)"
          },
          "required": true,
          "locked": true
        },
        {
          "id": "allocationFec",
          "type": "money",
          "label": {
            "en": "of which foreign aid (Rs million)",
            "ur": "جس میں غیر ملکی امداد (ملین روپے)"
          }
        },
        {
          "id": "approvedCost",
          "type": "money",
          "label": {
            "en": "Approved cost of the project (Rs million)",
            "ur": "منصوبے کی منظور شدہ لاگت (ملین روپے)"
          },
          "required": true,
          "locked": true,
          "help": {
            "en": "As per the latest approved PC-I (revised, if any).",
            "ur": "تازہ ترین منظور شدہ پی سی ون (اگر نظرِ ثانی شدہ ہو تو وہی) کے مطابق۔"
          }
        }
      ]
    },
    {
      "id": "cashPlan",
      "number": "3",
      "label": {
        "en": "Cash plan: items of expenditure and quarterly financial targets",
        "ur": "کیش پلان: مدات اخراجات اور سہ ماہی مالی اہداف"
      },
      "fields": [
        {
          "id": "items",
          "type": "table",
          "label": {
            "en": "Items of expenditure",
            "ur": "مدات اخراجات"
          },
          "required": true,
          "locked": true,
          "help": {
            "en": "Items as in the approved PC-I; one row per item with its PIFRA object code. No column may be left blank: write 0 where nothing is planned.",
            "ur": "مدات منظور شدہ پی سی ون کے مطابق؛ ہر مد کی ایک قطار اس کے پیفرا آبجیکٹ کوڈ کے ساتھ۔ کوئی خانہ خالی نہ چھوڑیں: جہاں کچھ متوقع نہ ہو وہاں 0 لکھیں۔"
          },
          "constraints": {
            "minItems": 1,
            "maxItems": 500
          },
          "columns": [
            {
              "id": "item",
              "type": "text",
              "label": {
                "en": "Item of expenditure",
                "ur": "مدِ اخراجات"
              },
              "required": true,
              "constraints": {
                "maxLength": 300
              }
            },
            {
              "id": "objectCode",
              "type": "text",
              "label": {
                "en": "Object classification code (PIFRA)",
                "ur": "آبجیکٹ کلاسیفکیشن کوڈ (پیفرا)"
              },
              "required": true,
              "constraints": {
                "maxLength": 300,
                "pattern": "^[A-Z][0-9]{2,6}$"
              },
              "help": {
                "en": "E.g. A12401.",
                "ur": "مثلاً A12401۔"
              }
            },
            {
              "id": "approvedCost",
              "type": "money",
              "label": {
                "en": "Approved cost (Rs million)",
                "ur": "منظور شدہ لاگت (ملین روپے)"
              },
              "required": true
            },
            {
              "id": "cumulativeExpenditure",
              "type": "money",
              "label": {
                "en": "Cumulative expenditure to end of last financial year (Rs million)",
                "ur": "گزشتہ مالی سال کے اختتام تک مجموعی اخراجات (ملین روپے)"
              },
              "required": true
            },
            {
              "id": "q1",
              "type": "money",
              "label": {
                "en": "Q1 target (Rs million)",
                "ur": "پہلی سہ ماہی کا ہدف (ملین روپے)"
              },
              "required": true
            },
            {
              "id": "q2",
              "type": "money",
              "label": {
                "en": "Q2 target (Rs million)",
                "ur": "دوسری سہ ماہی کا ہدف (ملین روپے)"
              },
              "required": true
            },
            {
              "id": "q3",
              "type": "money",
              "label": {
                "en": "Q3 target (Rs million)",
                "ur": "تیسری سہ ماہی کا ہدف (ملین روپے)"
              },
              "required": true
            },
            {
              "id": "q4",
              "type": "money",
              "label": {
                "en": "Q4 target (Rs million)",
                "ur": "چوتھی سہ ماہی کا ہدف (ملین روپے)"
              },
              "required": true
            },
            {
              "id": "total",
              "type": "money",
              "label": {
                "en": "Total for the year (Rs million)",
                "ur": "سال کا میزان (ملین روپے)"
              }
            }
          ],
          "totals": [
            "approvedCost",
            "cumulativeExpenditure",
            "q1",
            "q2",
            "q3",
            "q4",
            "total"
          ]
        }
      ]
    },
    {
      "id": "workPlan",
      "number": "4",
      "label": {
        "en": "Work plan (physical activities)",
        "ur": "ورک پلان (عملی سرگرمیاں)"
      },
      "fields": [
        {
          "id": "activities",
          "type": "table",
          "label": {
            "en": "Activities",
            "ur": "سرگرمیاں"
          },
          "required": true,
          "locked": true,
          "help": {
            "en": "Each activity is tied to an item of expenditure of the cash plan; the quarters give its bar chart.",
            "ur": "ہر سرگرمی کیش پلان کی کسی مدِ اخراجات سے منسلک ہے؛ سہ ماہیاں اس کا بار چارٹ ظاہر کرتی ہیں۔"
          },
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
              "id": "linkedItem",
              "type": "text",
              "label": {
                "en": "Linked item of expenditure",
                "ur": "متعلقہ مدِ اخراجات"
              },
              "required": true,
              "constraints": {
                "maxLength": 300
              },
              "help": {
                "en": "As named in the cash plan.",
                "ur": "جیسا کہ کیش پلان میں درج ہے۔"
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
                "maxLength": 300
              }
            },
            {
              "id": "quantity",
              "type": "decimal",
              "label": {
                "en": "Quantity planned for the year",
                "ur": "سال کے لیے منصوبہ بند مقدار"
              }
            },
            {
              "id": "startQuarter",
              "type": "select",
              "label": {
                "en": "Start quarter",
                "ur": "آغاز کی سہ ماہی"
              },
              "options": [
                {
                  "value": "q1",
                  "label": {
                    "en": "Q1 (July–September)",
                    "ur": "پہلی سہ ماہی (جولائی تا ستمبر)"
                  }
                },
                {
                  "value": "q2",
                  "label": {
                    "en": "Q2 (October–December)",
                    "ur": "دوسری سہ ماہی (اکتوبر تا دسمبر)"
                  }
                },
                {
                  "value": "q3",
                  "label": {
                    "en": "Q3 (January–March)",
                    "ur": "تیسری سہ ماہی (جنوری تا مارچ)"
                  }
                },
                {
                  "value": "q4",
                  "label": {
                    "en": "Q4 (April–June)",
                    "ur": "چوتھی سہ ماہی (اپریل تا جون)"
                  }
                }
              ],
              "required": true,
              "fixedOptions": true
            },
            {
              "id": "endQuarter",
              "type": "select",
              "label": {
                "en": "End quarter",
                "ur": "اختتام کی سہ ماہی"
              },
              "options": [
                {
                  "value": "q1",
                  "label": {
                    "en": "Q1 (July–September)",
                    "ur": "پہلی سہ ماہی (جولائی تا ستمبر)"
                  }
                },
                {
                  "value": "q2",
                  "label": {
                    "en": "Q2 (October–December)",
                    "ur": "دوسری سہ ماہی (اکتوبر تا دسمبر)"
                  }
                },
                {
                  "value": "q3",
                  "label": {
                    "en": "Q3 (January–March)",
                    "ur": "تیسری سہ ماہی (جنوری تا مارچ)"
                  }
                },
                {
                  "value": "q4",
                  "label": {
                    "en": "Q4 (April–June)",
                    "ur": "چوتھی سہ ماہی (اپریل تا جون)"
                  }
                }
              ],
              "required": true,
              "fixedOptions": true
            }
          ]
        }
      ]
    },
    {
      "id": "unspentReleases",
      "number": "5",
      "label": {
        "en": "Work plan for unspent non-lapsable releases",
        "ur": "غیر منسوخ شدنی غیر خرچ شدہ اجراء کا ورک پلان"
      },
      "fields": [
        {
          "id": "hasUnspent",
          "type": "boolean",
          "label": {
            "en": "Are there unspent releases of earlier years in a non-lapsable account?",
            "ur": "کیا گزشتہ برسوں کی غیر خرچ شدہ رقم کسی غیر منسوخ شدنی کھاتے میں موجود ہے؟"
          }
        },
        {
          "id": "unspentAmount",
          "type": "money",
          "label": {
            "en": "Unspent amount (Rs million)",
            "ur": "غیر خرچ شدہ رقم (ملین روپے)"
          }
        },
        {
          "id": "plan",
          "type": "textarea",
          "label": {
            "en": "Work plan for the unspent amount",
            "ur": "غیر خرچ شدہ رقم کا ورک پلان"
          },
          "constraints": {
            "maxLength": 20000
          }
        }
      ]
    },
    {
      "id": "certificate",
      "number": "6",
      "label": {
        "en": "Signatures",
        "ur": "دستخط"
      },
      "fields": [
        {
          "id": "preparedBy",
          "type": "table",
          "label": {
            "en": "Prepared by (Project Director)",
            "ur": "تیار کنندہ (پروجیکٹ ڈائریکٹر)"
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
          ]
        },
        {
          "id": "approvedBy",
          "type": "table",
          "label": {
            "en": "Approved by (head of the sponsoring department)",
            "ur": "منظور کنندہ (سرپرست محکمے کے سربراہ)"
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
          ]
        }
      ]
    }
  ],
  "rules": [
    {
      "id": "items-total",
      "kind": "calculate",
      "target": "cashPlan.items.rows.*.total",
      "value": {
        "dec_add": [
          {
            "var": "row.q1"
          },
          {
            "var": "row.q2"
          },
          {
            "var": "row.q3"
          },
          {
            "var": "row.q4"
          }
        ]
      },
      "description": "Total for the year = Q1 + Q2 + Q3 + Q4, for every item"
    },
    {
      "id": "unspent-amount-visible",
      "kind": "visible",
      "target": "unspentReleases.unspentAmount",
      "when": {
        "==": [
          {
            "var": "unspentReleases.hasUnspent"
          },
          true
        ]
      }
    },
    {
      "id": "unspent-plan-visible",
      "kind": "visible",
      "target": "unspentReleases.plan",
      "when": {
        "==": [
          {
            "var": "unspentReleases.hasUnspent"
          },
          true
        ]
      }
    },
    {
      "id": "unspent-amount-required",
      "kind": "require",
      "target": "unspentReleases.unspentAmount",
      "when": {
        "==": [
          {
            "var": "unspentReleases.hasUnspent"
          },
          true
        ]
      }
    },
    {
      "id": "unspent-plan-required",
      "kind": "require",
      "target": "unspentReleases.plan",
      "when": {
        "==": [
          {
            "var": "unspentReleases.hasUnspent"
          },
          true
        ]
      }
    }
  ],
  "checks": [
    {
      "id": "quarterly-total-within-allocation",
      "op": "lte",
      "left": {
        "var": "cashPlan.items.totals.total"
      },
      "right": {
        "var": "provision.allocation"
      },
      "pointer": "/cashPlan/items/totals/total",
      "message": {
        "en": "The quarterly targets may not exceed the allocation for the year.",
        "ur": "سہ ماہی اہداف کا میزان سال کے لیے مختص رقم سے زیادہ نہیں ہو سکتا۔"
      }
    },
    {
      "id": "items-equal-approved-cost",
      "op": "eq",
      "left": {
        "var": "cashPlan.items.totals.approvedCost"
      },
      "right": {
        "var": "provision.approvedCost"
      },
      "pointer": "/cashPlan/items/totals/approvedCost",
      "message": {
        "en": "The approved cost of the items must add up to the approved cost of the project.",
        "ur": "مدات کی منظور شدہ لاگت کا میزان منصوبے کی منظور شدہ لاگت کے برابر ہونا چاہیے۔"
      }
    },
    {
      "id": "plan-within-approved-cost",
      "op": "lte",
      "left": {
        "dec_add": [
          {
            "var": "cashPlan.items.totals.cumulativeExpenditure"
          },
          {
            "var": "cashPlan.items.totals.total"
          }
        ]
      },
      "right": {
        "var": "cashPlan.items.totals.approvedCost"
      },
      "pointer": "/cashPlan/items/totals/total",
      "message": {
        "en": "Expenditure to date plus this year's targets may not exceed the approved cost (a revised PC-I is needed).",
        "ur": "اب تک کے اخراجات اور اس سال کے اہداف کا مجموعہ منظور شدہ لاگت سے زیادہ نہیں ہو سکتا (نظرِ ثانی شدہ پی سی ون درکار ہے)۔"
      }
    },
    {
      "id": "foreign-aid-within-allocation",
      "op": "lte",
      "left": {
        "var": "provision.allocationFec"
      },
      "right": {
        "var": "provision.allocation"
      },
      "pointer": "/provision/allocationFec",
      "message": {
        "en": "The foreign-aid part cannot exceed the allocation.",
        "ur": "غیر ملکی امداد کا حصہ مختص رقم سے زیادہ نہیں ہو سکتا۔"
      }
    }
  ]
};
