/*
 * Words of the bell (in-app notifications) and the mail preference. Every key exists in both languages
 * (test/web/i18n-catalogue.spec.ts checks).
 */
export const notifications = {
  en: {
    'notifications.bell': 'Notifications',
    'notifications.bellUnread': 'Notifications, {count} unread',
    'notifications.title': 'Notifications',
    'notifications.markAllRead': 'Mark all read',
    'notifications.markRead': 'Mark read',
    'notifications.empty': 'Nothing new. You will see here when a document needs you or changes state.',
    'notifications.unread': 'Unread',
    'notifications.more': 'Show more',
    'notifications.loadFailed': 'Notifications could not be loaded.',
    'notifications.mail.title': 'Email',
    'notifications.mail.label': 'Messages about documents and reports',
    'notifications.mail.description': 'Invitations and password links always arrive at once.',
    'notifications.mail.immediate': 'Each message as it happens',
    'notifications.mail.digest': 'One summary a day',
    'notifications.mail.save': 'Save email choice',
    'notifications.mail.saved': 'Your email choice has been saved.',
  },
  ur: {
    'notifications.bell': 'اطلاعات',
    'notifications.bellUnread': 'اطلاعات، {count} نہ پڑھی گئیں',
    'notifications.title': 'اطلاعات',
    'notifications.markAllRead': 'سب کو پڑھا ہوا نشان زد کریں',
    'notifications.markRead': 'پڑھا ہوا نشان زد کریں',
    'notifications.empty':
      'کوئی نئی اطلاع نہیں۔ جب کسی دستاویز کو آپ کی ضرورت ہو یا اس کی حالت بدلے تو یہاں نظر آئے گا۔',
    'notifications.unread': 'نہ پڑھی گئی',
    'notifications.more': 'مزید دکھائیں',
    'notifications.loadFailed': 'اطلاعات لوڈ نہیں ہو سکیں۔',
    'notifications.mail.title': 'ای میل',
    'notifications.mail.label': 'دستاویزات اور رپورٹوں کے بارے میں پیغامات',
    'notifications.mail.description': 'دعوت نامے اور پاس ورڈ کے ربط ہمیشہ فوراً پہنچتے ہیں۔',
    'notifications.mail.immediate': 'ہر پیغام اسی وقت',
    'notifications.mail.digest': 'روزانہ ایک خلاصہ',
    'notifications.mail.save': 'ای میل کا انتخاب محفوظ کریں',
    'notifications.mail.saved': 'آپ کا ای میل کا انتخاب محفوظ ہو گیا ہے۔',
  },
} as const;
