/* The host's portfolio (issue 17): the console's page and the province admin's opt-in. */
export const portfolio = {
  en: {
    'console.nav.portfolio': 'Portfolio',
    'portfolio.title': 'Portfolio',
    'portfolio.intro':
      'Aggregate figures of the provinces that chose to share them: counts and sums only, computed in each ' +
      'province by a daily job. No project, title, person or document leaves a province.',
    'portfolio.refresh': 'Recompute now',
    'portfolio.refreshQueued': 'Recomputation queued: the figures change when the job has run.',
    'portfolio.exportCsv': 'Export CSV',
    'portfolio.province': 'Province',
    'portfolio.allProvinces': 'All provinces that share',
    'portfolio.computedAt': 'Computed at',
    'portfolio.projects': 'Projects',
    'portfolio.totalCost': 'Current cost (Rs million)',
    'portfolio.none': 'None',
    'portfolio.noneShared':
      'No province shares its figures yet, or they have not been computed. A province admin turns sharing on ' +
      'under Administration → Portfolio sharing.',
    'portfolio.chart.byStage': 'Projects by stage',
    'portfolio.chart.byState': 'Projects by workflow state',
    'portfolio.chart.byStatus': 'Projects by status',
    'portfolio.chart.byForum': 'Projects by forum',
    'portfolio.chart.bySector': 'Projects by sector',
    'portfolio.chart.costs': 'Costs submitted and approved per financial year (Rs million)',
    'portfolio.chart.waiting': 'Documents waiting, by stage',
    'portfolio.chart.overdue': 'Reporting obligations overdue',
    'portfolio.submitted': 'Submitted',
    'portfolio.approved': 'Approved',
    'portfolio.fy': 'FY {year}',
    'portfolio.empty': 'Nothing to show',
    'admin.nav.portfolio': 'Portfolio sharing',
    'portfolio.sharing.title': 'Sharing figures with the host',
    'portfolio.sharing.intro':
      'The host that runs the platform for every province can see, if you allow it, aggregate figures of this ' +
      'province: how many projects are at each stage, state, forum and sector, costs submitted and approved per ' +
      'financial year, documents waiting and reporting obligations overdue. Only counts and sums are shared, ' +
      'computed once a day; no project, title, person or document leaves the province.',
    'portfolio.sharing.switch': 'Show this province’s aggregate figures to the host',
    'portfolio.sharing.on': 'Shared: the next daily computation includes this province.',
    'portfolio.sharing.off': 'Not shared: the host sees no figures of this province.',
    'portfolio.sharing.saved': 'Saved. The change is recorded in the audit log.',
    'portfolio.sharing.lastChanged': 'Last changed {when}',
  },
  ur: {
    'console.nav.portfolio': 'پورٹ فولیو',
    'portfolio.title': 'پورٹ فولیو',
    'portfolio.intro':
      'ان صوبوں کے مجموعی اعداد و شمار جنہوں نے انہیں شیئر کرنے کا انتخاب کیا ہے: صرف تعداد اور میزان، جو روزانہ ' +
      'ایک کام کے ذریعے ہر صوبے میں شمار ہوتے ہیں۔ کوئی منصوبہ، عنوان، فرد یا دستاویز صوبے سے باہر نہیں جاتی۔',
    'portfolio.refresh': 'ابھی دوبارہ شمار کریں',
    'portfolio.refreshQueued': 'دوبارہ شمار قطار میں ہے: کام مکمل ہونے پر اعداد و شمار بدل جائیں گے۔',
    'portfolio.exportCsv': 'CSV ایکسپورٹ',
    'portfolio.province': 'صوبہ',
    'portfolio.allProvinces': 'شیئر کرنے والے تمام صوبے',
    'portfolio.computedAt': 'شمار کا وقت',
    'portfolio.projects': 'منصوبے',
    'portfolio.totalCost': 'موجودہ لاگت (ملین روپے)',
    'portfolio.none': 'کوئی نہیں',
    'portfolio.noneShared':
      'ابھی کوئی صوبہ اپنے اعداد و شمار شیئر نہیں کرتا، یا وہ ابھی شمار نہیں ہوئے۔ صوبے کا منتظم انتظامیہ ← پورٹ ' +
      'فولیو شیئرنگ میں شیئرنگ آن کرتا ہے۔',
    'portfolio.chart.byStage': 'مرحلے کے لحاظ سے منصوبے',
    'portfolio.chart.byState': 'ورک فلو کی حالت کے لحاظ سے منصوبے',
    'portfolio.chart.byStatus': 'کیفیت کے لحاظ سے منصوبے',
    'portfolio.chart.byForum': 'فورم کے لحاظ سے منصوبے',
    'portfolio.chart.bySector': 'شعبے کے لحاظ سے منصوبے',
    'portfolio.chart.costs': 'ہر مالی سال میں جمع شدہ اور منظور شدہ لاگت (ملین روپے)',
    'portfolio.chart.waiting': 'منتظر دستاویزات، مرحلے کے لحاظ سے',
    'portfolio.chart.overdue': 'تاخیر شدہ رپورٹنگ ذمہ داریاں',
    'portfolio.submitted': 'جمع شدہ',
    'portfolio.approved': 'منظور شدہ',
    'portfolio.fy': 'مالی سال {year}',
    'portfolio.empty': 'دکھانے کو کچھ نہیں',
    'admin.nav.portfolio': 'پورٹ فولیو شیئرنگ',
    'portfolio.sharing.title': 'میزبان کے ساتھ اعداد و شمار کی شیئرنگ',
    'portfolio.sharing.intro':
      'جو میزبان تمام صوبوں کے لیے پلیٹ فارم چلاتا ہے، آپ کی اجازت سے اس صوبے کے مجموعی اعداد و شمار دیکھ سکتا ' +
      'ہے: ہر مرحلے، حالت، فورم اور شعبے میں کتنے منصوبے ہیں، ہر مالی سال میں جمع شدہ اور منظور شدہ لاگت، منتظر ' +
      'دستاویزات اور تاخیر شدہ رپورٹنگ ذمہ داریاں۔ صرف تعداد اور میزان شیئر ہوتے ہیں، دن میں ایک بار شمار کیے ' +
      'جاتے ہیں؛ کوئی منصوبہ، عنوان، فرد یا دستاویز صوبے سے باہر نہیں جاتی۔',
    'portfolio.sharing.switch': 'اس صوبے کے مجموعی اعداد و شمار میزبان کو دکھائیں',
    'portfolio.sharing.on': 'شیئر شدہ: اگلے روزانہ شمار میں یہ صوبہ شامل ہوگا۔',
    'portfolio.sharing.off': 'شیئر نہیں: میزبان اس صوبے کے کوئی اعداد و شمار نہیں دیکھتا۔',
    'portfolio.sharing.saved': 'محفوظ ہو گیا۔ یہ تبدیلی آڈٹ لاگ میں درج ہے۔',
    'portfolio.sharing.lastChanged': 'آخری تبدیلی {when}',
  },
} as const;
