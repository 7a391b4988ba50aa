import { FormArray, FormControl, FormGroup, ValidatorFn, Validators } from '@angular/forms';
import { IpStatus, IpType, ListingDetail, NeedDetail, NeedInput, NeedType, PATENT_IP_TYPES, PriceType, ResultDetail, ResultForm, ResultInput, ResultStage, TransferMode } from '@xkx/contracts';
import { shanghaiDate } from '@xkx/util';
import { amountValidator, fenOf, patentNumberValidator } from '@xkx/web/forms';
import { MessageKey } from '@xkx/web/i18n';
import { fenToWan, wanToFen } from '@xkx/web/listings/util';

// The listing form mirrors the request body, so the API's field paths (`ipAssets.0.number`) land on
// the right control; money is typed in 万元 and converted to fen exactly when the body is built.

const text = (value = '', ...validators: ValidatorFn[]): FormControl<string> =>
  new FormControl(value, { nonNullable: true, validators });

export const indicatorGroup = (v?: { name: string; value: string; unit?: string }) =>
  new FormGroup({
    name: text(v?.name ?? '', Validators.required, Validators.maxLength(60)),
    value: text(v?.value ?? '', Validators.required, Validators.maxLength(60)),
    unit: text(v?.unit ?? '', Validators.maxLength(30)),
  });
export type IndicatorGroup = ReturnType<typeof indicatorGroup>;

export const ipAssetGroup = (v?: { type: IpType; number: string; title?: string | null; status: IpStatus }) => {
  const group = new FormGroup({
    type: new FormControl<IpType>(v?.type ?? IpType.INVENTION_PATENT, { nonNullable: true }),
    number: text(v?.number ?? '', Validators.required, Validators.minLength(3), Validators.maxLength(60)),
    title: text(v?.title ?? '', Validators.maxLength(200)),
    status: new FormControl<IpStatus>(v?.status ?? IpStatus.PENDING, { nonNullable: true }),
  });
  // Patent numbers carry a check digit: checked here, before the round trip.
  const syncPatentCheck = (type: IpType): void => {
    const number = group.controls.number;
    if (PATENT_IP_TYPES.includes(type)) number.addValidators(patentNumberValidator);
    else number.removeValidators(patentNumberValidator);
    number.updateValueAndValidity({ emitEvent: false });
  };
  syncPatentCheck(group.controls.type.value);
  group.controls.type.valueChanges.subscribe(syncPatentCheck);
  return group;
};
export type IpAssetGroup = ReturnType<typeof ipAssetGroup>;

export const ownerGroup = (v?: { name: string; sharePercent?: number | null }) =>
  new FormGroup({
    name: text(v?.name ?? '', Validators.required, Validators.maxLength(200)),
    sharePercent: new FormControl<number | null>(v?.sharePercent ?? null, { validators: [Validators.min(0), Validators.max(100)] }),
  });
export type OwnerGroup = ReturnType<typeof ownerGroup>;

/** The highest figure of a range is not below the lowest: said on the field, by its label, before the round trip. */
const notBelowMin: ValidatorFn = (control) => {
  const min = fenOf(control.parent?.get('minWan')?.value as string | undefined, 'wan');
  const max = fenOf(control.value as string, 'wan');
  return min !== null && max !== null && max < min ? { notBelow: true } : null;
};

const moneyGroup = () => {
  const group = new FormGroup({
    negotiable: new FormControl(true, { nonNullable: true }),
    minWan: text('', amountValidator('wan')),
    maxWan: text('', amountValidator('wan'), notBelowMin),
    priceType: new FormControl<PriceType | null>(PriceType.INDICATIVE),
  });
  group.controls.minWan.valueChanges.subscribe(() => group.controls.maxWan.updateValueAndValidity({ emitEvent: false }));
  return group;
};

/** A year from today's business date (Asia/Shanghai), the API's default validity. */
export function oneYearFromToday(now = new Date()): string {
  const d = new Date(`${shanghaiDate(now)}T00:00:00Z`);
  d.setUTCFullYear(d.getUTCFullYear() + 1);
  return d.toISOString().slice(0, 10);
}

export function buildListingForm() {
  return new FormGroup({
    title: text('', Validators.required, Validators.minLength(4), Validators.maxLength(200)),
    publicSummary: text('', Validators.required, Validators.minLength(20), Validators.maxLength(5000)),
    confidentialDetail: text('', Validators.maxLength(20000)),
    indicators: new FormArray<IndicatorGroup>([]),
    fieldCodes: new FormControl<string[]>([], { nonNullable: true, validators: [Validators.required] }),
    keywords: text(''),
    validUntil: text(oneYearFromToday(), Validators.required),
    // results
    valueProposition: text('', Validators.required, Validators.minLength(4), Validators.maxLength(300)),
    problemSolved: text('', Validators.required, Validators.minLength(4), Validators.maxLength(5000)),
    advantages: text('', Validators.required, Validators.minLength(4), Validators.maxLength(5000)),
    applications: text('', Validators.required, Validators.minLength(2), Validators.maxLength(5000)),
    form: new FormControl<ResultForm | null>(null, { validators: [Validators.required] }),
    trl: new FormControl<number | null>(null, { validators: [Validators.required] }),
    stage: new FormControl<ResultStage | null>(null, { validators: [Validators.required] }),
    ipAssets: new FormArray<IpAssetGroup>([]),
    owners: new FormArray<OwnerGroup>([], { validators: [Validators.required] }),
    inventors: text(''),
    serviceInvention: new FormControl(true, { nonNullable: true }),
    transferModes: new FormControl<TransferMode[]>([], { nonNullable: true, validators: [Validators.required] }),
    price: moneyGroup(),
    // needs
    problem: text('', Validators.required, Validators.minLength(4), Validators.maxLength(5000)),
    mustHaves: text(''),
    niceToHaves: text(''),
    needType: new FormControl<NeedType | null>(null, { validators: [Validators.required] }),
    cooperationModes: new FormControl<TransferMode[]>([], { nonNullable: true, validators: [Validators.required] }),
    budget: moneyGroup(),
    bountyWan: text('', amountValidator('wan')),
    minTrl: new FormControl<number | null>(null),
    deadline: text(''),
    anonymous: new FormControl(false, { nonNullable: true }),
  });
}
export type ListingForm = ReturnType<typeof buildListingForm>;

const RESULT_ONLY = ['valueProposition', 'problemSolved', 'advantages', 'applications', 'form', 'trl', 'stage', 'ipAssets', 'owners', 'inventors', 'serviceInvention', 'transferModes', 'price'] as const;
const NEED_ONLY = ['problem', 'mustHaves', 'niceToHaves', 'needType', 'cooperationModes', 'budget', 'bountyWan', 'minTrl', 'deadline', 'anonymous'] as const;

/** The other kind's controls are disabled, so they neither validate nor block the save. */
export function useKind(form: ListingForm, results: boolean): void {
  for (const name of RESULT_ONLY) {
    if (results) form.controls[name].enable();
    else form.controls[name].disable();
  }
  for (const name of NEED_ONLY) {
    if (results) form.controls[name].disable();
    else form.controls[name].enable();
  }
  if (results) syncMoney(form.controls.price, true);
  else syncMoney(form.controls.budget, false);
}

/** 面议 means no figures: the amounts are disabled; otherwise both bounds (and a price type) are needed. */
export function syncMoney(group: ListingForm['controls']['price'], withType: boolean): void {
  const { negotiable, minWan, maxWan, priceType } = group.controls;
  for (const c of [minWan, maxWan]) {
    if (negotiable.value) c.disable({ emitEvent: false });
    else c.enable({ emitEvent: false });
    if (negotiable.value) c.removeValidators(Validators.required);
    else c.addValidators(Validators.required);
    c.updateValueAndValidity({ emitEvent: false });
  }
  if (withType && !negotiable.value) priceType.enable({ emitEvent: false });
  else priceType.disable({ emitEvent: false });
}

const splitList = (value: string): string[] =>
  value
    .split(/[,，、;；\n]/)
    .map((s) => s.trim())
    .filter(Boolean);
const lines = (value: string): string[] =>
  value
    .split('\n')
    .map((s) => s.trim())
    .filter(Boolean);

const money = (v: { negotiable: boolean; minWan: string; maxWan: string }) =>
  v.negotiable
    ? { negotiable: true, minFen: null, maxFen: null }
    : { negotiable: false, minFen: wanToFen(v.minWan) ?? null, maxFen: wanToFen(v.maxWan) ?? null };

export function resultBody(form: ListingForm): ResultInput {
  const v = form.getRawValue();
  return {
    title: v.title.trim(),
    valueProposition: v.valueProposition.trim(),
    publicSummary: v.publicSummary.trim(),
    confidentialDetail: v.confidentialDetail.trim() || null,
    problemSolved: v.problemSolved.trim(),
    advantages: v.advantages.trim(),
    indicators: v.indicators.map((i) => ({ name: i.name.trim(), value: i.value.trim(), ...(i.unit.trim() ? { unit: i.unit.trim() } : {}) })),
    applications: v.applications.trim(),
    fieldCodes: v.fieldCodes,
    keywords: splitList(v.keywords),
    form: v.form as ResultForm,
    trl: v.trl as number,
    stage: v.stage as ResultStage,
    ipAssets: v.ipAssets.map((a) => ({ type: a.type, number: a.number.trim(), ...(a.title.trim() ? { title: a.title.trim() } : {}), status: a.status })),
    owners: v.owners.map((o) => ({ name: o.name.trim(), ...(o.sharePercent !== null && (o.sharePercent as unknown) !== '' ? { sharePercent: Number(o.sharePercent) } : {}) })),
    inventors: splitList(v.inventors),
    serviceInvention: v.serviceInvention,
    transferModes: v.transferModes,
    price: { ...money(v.price), priceType: v.price.negotiable ? null : v.price.priceType },
    validUntil: v.validUntil,
  };
}

export function needBody(form: ListingForm): NeedInput {
  const v = form.getRawValue();
  const bounty = wanToFen(v.bountyWan);
  return {
    title: v.title.trim(),
    publicSummary: v.publicSummary.trim(),
    confidentialDetail: v.confidentialDetail.trim() || null,
    problem: v.problem.trim(),
    indicators: v.indicators.map((i) => ({ name: i.name.trim(), value: i.value.trim(), ...(i.unit.trim() ? { unit: i.unit.trim() } : {}) })),
    mustHaves: lines(v.mustHaves),
    niceToHaves: lines(v.niceToHaves),
    fieldCodes: v.fieldCodes,
    keywords: splitList(v.keywords),
    needType: v.needType as NeedType,
    cooperationModes: v.cooperationModes,
    budget: money(v.budget),
    bountyFen: bounty ?? null,
    minTrl: v.minTrl,
    deadline: v.deadline || null,
    validUntil: v.validUntil,
    anonymous: v.anonymous,
  };
}

/** Fills the form from a loaded listing (edit). */
export function patchForm(form: ListingForm, listing: ListingDetail): void {
  const c = form.controls;
  const common = {
    title: listing.title,
    publicSummary: listing.publicSummary,
    confidentialDetail: listing.confidentialDetail ?? '',
    fieldCodes: listing.fieldCodes,
    keywords: listing.keywords.join('、'),
    validUntil: listing.validUntil,
  };
  c.indicators.clear();
  for (const i of listing.indicators) c.indicators.push(indicatorGroup(i));
  if ('transferModes' in listing) {
    const r = listing as ResultDetail;
    c.ipAssets.clear();
    for (const a of r.ipAssets) c.ipAssets.push(ipAssetGroup(a));
    c.owners.clear();
    for (const o of r.owners) c.owners.push(ownerGroup(o));
    form.patchValue({
      ...common,
      valueProposition: r.valueProposition,
      problemSolved: r.problemSolved,
      advantages: r.advantages,
      applications: r.applications,
      form: r.form,
      trl: r.trl,
      stage: r.stage,
      inventors: r.inventors.join('、'),
      serviceInvention: r.serviceInvention,
      transferModes: r.transferModes,
      price: {
        negotiable: r.price.negotiable,
        minWan: fenToWan(r.price.minFen),
        maxWan: fenToWan(r.price.maxFen),
        priceType: r.price.priceType ?? PriceType.INDICATIVE,
      },
    });
  } else {
    const n = listing as NeedDetail;
    form.patchValue({
      ...common,
      problem: n.problem,
      mustHaves: n.mustHaves.join('\n'),
      niceToHaves: n.niceToHaves.join('\n'),
      needType: n.needType,
      cooperationModes: n.cooperationModes,
      budget: { negotiable: n.budget.negotiable, minWan: fenToWan(n.budget.minFen), maxWan: fenToWan(n.budget.maxFen) },
      bountyWan: fenToWan(n.bountyFen),
      minTrl: n.minTrl,
      deadline: n.deadline ?? '',
      anonymous: n.anonymous,
    });
  }
}

/** Keys whose value differs between two bodies: what a PATCH sends. */
export function changedKeys<T extends object>(before: T, after: T): (keyof T)[] {
  return (Object.keys(after) as (keyof T)[]).filter((k) => JSON.stringify(after[k]) !== JSON.stringify(before[k]));
}

/** Changing these on a published listing keeps it on the portal; anything else goes back to review. */
export const NON_MATERIAL = new Set(['keywords', 'validUntil', 'confidentialDetail']);

/** API paths → control paths: fen amounts are typed in 万元; items of text lists sit in one control. */
export function controlPath(field: string): string {
  return field
    .replace(/^(price|budget)\.(min|max)Fen$/, '$1.$2Wan')
    .replace(/^bountyFen$/, 'bountyWan')
    .replace(/^(keywords|inventors|mustHaves|niceToHaves|fieldCodes|transferModes|cooperationModes)\.\d+$/, '$1');
}

/** The label of a body field, by its first segment: an API error no control took is named by it, never by its code. */
const FIELD_LABELS: Record<string, MessageKey> = {
  publicSummary: 'listing.publicSummary',
  confidentialDetail: 'listing.confidentialDetail',
  indicators: 'listing.indicators',
  fieldCodes: 'listing.fields',
  keywords: 'listing.keywords',
  validUntil: 'listing.validUntil',
  valueProposition: 'listing.valueProposition',
  problemSolved: 'listing.problemSolved',
  advantages: 'listing.advantages',
  applications: 'listing.applications',
  form: 'listing.form',
  trl: 'listing.trl',
  stage: 'listing.stage',
  ipAssets: 'listing.ipAssets',
  owners: 'listing.owners',
  inventors: 'listing.inventors',
  serviceInvention: 'listing.serviceInvention',
  transferModes: 'listing.modes',
  price: 'listing.price',
  problem: 'listing.problem',
  mustHaves: 'listing.mustHaves',
  niceToHaves: 'listing.niceToHaves',
  needType: 'listing.needType',
  cooperationModes: 'listing.cooperationModes',
  budget: 'listing.budget',
  bountyFen: 'listing.bounty',
  minTrl: 'listing.minTrl',
  deadline: 'listing.deadline',
  anonymous: 'listing.anonymous',
};

export function fieldLabelKey(field: string, results: boolean): MessageKey | null {
  const first = field.split('.')[0] ?? '';
  if (first === 'title') return results ? 'listing.resultTitle' : 'listing.needTitle';
  return FIELD_LABELS[first] ?? null;
}
