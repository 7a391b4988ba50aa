import { DEAL_STAGE_LABELS, DealStage } from '@xkx/contracts';
import { addCalendarDays, shanghaiDate } from '@xkx/util';
import { Page } from 'playwright-core';

/** Steps on the deal page shared by the deal journeys. */

/** A test id's text, white space collapsed. */
export const text = async (page: Page, testId: string): Promise<string> =>
  ((await page.getByTestId(testId).first().textContent()) ?? '').replace(/\s+/g, ' ').trim();

/** Opens a Material select by its test id and picks the option carrying `attribute`. */
export async function choose(page: Page, selectTestId: string, attribute: string): Promise<void> {
  await page.getByTestId(selectTestId).click();
  await page.locator(`mat-option[${attribute}]`).click();
  await page.locator('mat-option').first().waitFor({ state: 'detached' });
}

export async function waitForStage(page: Page, stage: DealStage): Promise<void> {
  const label = DEAL_STAGE_LABELS[stage]['zh-CN'];
  await page.locator('[data-testid="deal-stage"]', { hasText: new RegExp(`^\\s*${label}\\s*$`) }).waitFor();
}

/** A broker moves the deal on its page: target stage, a note for the timeline, and the button. */
export async function moveTo(page: Page, stage: DealStage, note: string): Promise<void> {
  await choose(page, 'stage-target', `data-stage="${stage}"`);
  await page.getByTestId('stage-note').fill(note);
  await page.getByTestId('stage-move').click();
  await waitForStage(page, stage);
}

export async function reloadDeal(page: Page): Promise<void> {
  await page.reload();
  await page.getByTestId('deal-detail').waitFor();
}

/** A result of 张教授 (南京大学) on the portal: created and submitted by him, approved by the broker. */
export function resultPayload(title: string, confidentialDetail: string): Record<string, unknown> {
  return {
    title,
    valueProposition: '全固态电池界面阻抗降低 60%，循环 1000 次容量保持 90% 以上',
    publicSummary:
      '在硫化物固态电解质与高镍正极之间构筑纳米级离子导体包覆层，抑制界面副反应与空间电荷层，显著降低界面阻抗，适用于车用全固态电池。',
    confidentialDetail,
    problemSolved: '硫化物固态电解质与氧化物正极界面阻抗高、循环衰减快',
    advantages: '界面阻抗由 420 Ω·cm² 降至 160 Ω·cm²',
    indicators: [{ name: '容量保持率（1000 次）', value: '≥ 90', unit: '%' }],
    applications: '车用全固态电池、储能电池',
    fieldCodes: ['NE.BAT'],
    keywords: ['固态电池', '硫化物电解质', '界面'],
    form: 'NEW_PROCESS',
    trl: 5,
    stage: 'PILOT',
    ipAssets: [],
    owners: [{ name: '南京大学', sharePercent: 100 }],
    inventors: ['张教授'],
    serviceInvention: true,
    transferModes: ['LICENSE_EXCLUSIVE'],
    price: { negotiable: false, minFen: 100_000_000, maxFen: 150_000_000, priceType: 'INDICATIVE' },
    validUntil: addCalendarDays(shanghaiDate(), 365),
  };
}

/**
 * Clicks a save button on the deal page and waits until the page has fetched the deal again: every write there
 * re-reads the deal (summary, stage, allowed moves), and the header above the contract section can change height
 * when it lands. A click aimed at a button below it while it lands can hit the wrong place (in CI under load a
 * 登记 click opened no form, twice); waiting for the re-read is what makes the next click land.
 */
export async function saveAndSettle(page: Page, saveTestId: string): Promise<void> {
  const refreshed = page.waitForResponse(
    (r) => r.request().method() === 'GET' && /\/api\/deals\/[^/]+$/.test(new URL(r.url()).pathname),
    { timeout: 60_000 },
  );
  await page.getByTestId(saveTestId).click();
  await refreshed;
}

/**
 * Opens a form by its button and waits for one of its fields; clicks again (up to three times) when a click
 * opened nothing. The button exists only while no form is open, so a second click cannot open a second form.
 */
export async function openForm(page: Page, buttonTestId: string, fieldTestId: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    await page.getByTestId(buttonTestId).click();
    const opened = await page.getByTestId(fieldTestId).waitFor({ timeout: 10_000 }).then(
      () => true,
      () => false,
    );
    if (opened) return;
    if (attempt === 3) throw new Error(`${buttonTestId}: no ${fieldTestId} after three clicks`);
  }
}
