/* The province administration's navigation. Every key in both languages. */
export const admin = {
  en: {
    'admin.nav.section': 'Administration',
    'admin.nav.users': 'Users',
    'admin.nav.departments': 'Departments',
    'admin.nav.masterData': 'Master data',
    'admin.nav.forms': 'Form studio',
    'admin.nav.workflow': 'Workflow',
    'admin.nav.forumRules': 'Forum rules',
    'admin.nav.audit': 'Audit log',
  },
  ur: {
    'admin.nav.section': 'انتظامیہ',
    'admin.nav.users': 'صارفین',
    'admin.nav.departments': 'محکمے',
    'admin.nav.masterData': 'بنیادی فہرستیں',
    'admin.nav.forms': 'فارم اسٹوڈیو',
    'admin.nav.workflow': 'ورک فلو',
    'admin.nav.forumRules': 'فورم کے قواعد',
    'admin.nav.audit': 'آڈٹ لاگ',
  },
};
