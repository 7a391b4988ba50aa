import type { DealEventKind } from '@xkx/contracts';

/**
 * What happened, in words (issue 17): a deal's timeline events, which the API stores as codes
 * (CONTRACT_RECORDED), as `deal.event.<code>`; an unknown code is shown with the `.other` words, never as the
 * code (`codeMessageKey`). A listing's history actions are worded by LISTING_HISTORY_ACTION_LABELS (contracts),
 * with `history.action.other` for an action they lack.
 * Typed against DEAL_EVENT_KINDS: a kind the API can record without words here does not compile.
 * Spread into MESSAGES.
 */
export const HISTORY_ZH_CN = {
  'history.action.other': '其他变更',
  'deal.event.CREATED': '创建项目',
  'deal.event.STAGE': '阶段变更',
  'deal.event.UPDATED': '修改项目',
  'deal.event.NEXT_ACTION': '更新下一步',
  'deal.event.PARTICIPANT_ADDED': '加入参与方',
  'deal.event.REASSIGNED': '移交技术经理人',
  'deal.event.NDA_ACCEPTED': '签署保密协议',
  'deal.event.INTRODUCTION_ANSWERED': '答复对接申请',
  'deal.event.OFFER_ACCEPTED': '接受报价',
  'deal.event.CONTRACT_RECORDED': '登记技术合同',
  'deal.event.CONTRACT_AMENDED': '变更技术合同',
  'deal.event.PAYMENT_RECEIVED': '收到款项',
  'deal.event.REGISTRATION': '认定登记',
  'deal.event.NOTICE_OVERRIDE': '公示例外放行',
  'deal.event.OBJECTION_ANSWERED': '答复公示异议',
  'deal.event.CLOSURE_PROPOSED': '一方表示不合适',
  'deal.event.CLOSURE_WITHDRAWN': '继续撮合',
  'deal.event.LANDING_RECORDED': '记录项目落地',
  'deal.event.other': '项目动态',
} satisfies Record<`deal.event.${DealEventKind}`, string> & Record<string, string>;
