import type { Locale } from '@xkx/contracts';

/** UI strings, 简体中文 first. Keys are dotted; both languages must define every key (a unit test checks). */
export const MESSAGES = {
  'zh-CN': {
    'app.name': '霞科行',
    'app.tagline': '栖霞区科技成果转化对接平台',
    'nav.home': '首页',
    'nav.results': '科技成果',
    'nav.needs': '技术需求',
    'nav.language': 'English',
    'nav.languageLabel': '切换语言',
    'home.heroTitle': '让栖霞的科研成果走进企业',
    'home.heroText':
      '霞科行连接栖霞区的高校、科研院所与企业：科研人员发布科技成果，企业提出技术需求，技术经理人撮合对接，直至技术合同签订与登记。',
    'home.figuresTitle': '平台实时数据',
    'home.institutions': '高校与科研院所',
    'home.universities': '高校',
    'home.institutes': '科研院所',
    'home.enterprises': '企业',
    'home.agencies': '技术转移机构',
    'home.loading': '正在加载…',
    'home.loadError': '暂时无法获取平台数据，请稍后重试。',
    'home.retry': '重试',
    'home.fieldsTitle': '重点产业领域',
    'footer.text': '南京市栖霞区技术转移服务平台',
  },
  en: {
    'app.name': 'Xiakexing',
    'app.tagline': 'Technology-transfer market of Qixia, Nanjing',
    'nav.home': 'Home',
    'nav.results': 'Results',
    'nav.needs': 'Needs',
    'nav.language': '中文',
    'nav.languageLabel': 'Switch language',
    'home.heroTitle': "Bringing Qixia's research to industry",
    'home.heroText':
      "Xiakexing connects Qixia's universities, research institutes and enterprises: researchers list technology results, enterprises post technology needs, and brokers carry each match to a signed and registered technology contract.",
    'home.figuresTitle': 'Live platform figures',
    'home.institutions': 'Universities and institutes',
    'home.universities': 'Universities',
    'home.institutes': 'Research institutes',
    'home.enterprises': 'Enterprises',
    'home.agencies': 'Tech-transfer agencies',
    'home.loading': 'Loading…',
    'home.loadError': 'Platform figures are unavailable right now; please try again later.',
    'home.retry': 'Retry',
    'home.fieldsTitle': 'Priority industries',
    'footer.text': 'Technology transfer service of Qixia District, Nanjing',
  },
} satisfies Record<Locale, Record<string, string>>;

export type MessageKey = keyof (typeof MESSAGES)['zh-CN'];
