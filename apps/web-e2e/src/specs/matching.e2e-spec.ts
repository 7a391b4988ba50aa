import { Browser } from 'playwright-core';
import { DEMO, openManagePage, signIn, signOut } from '../support/accounts';
import { apiGetWhenReady, apiToken } from '../support/api';
import { describeBrowser, launchBrowser, watchErrors } from '../support/browser';
import { freshDataDir, removeDataDir, RunningServer, startServer } from '../support/server';

interface Hit {
  id: string;
  title: string;
}
interface MatchItem {
  score: number;
  counterpart: { id: string; code: string; title: string };
}

/** A demo need of the enterprise account with a fitting demo result (the seed has several such pairs). */
const NEED_QUERY = '热失控';

describeBrowser('matching: the broker workbench and recommended counterparts', () => {
  let browser: Browser;
  let server: RunningServer;
  const dataDir = freshDataDir();
  let need: Hit;
  let candidates: MatchItem[];

  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startServer({ dataDir });
    // Find the need and its candidates through the API, and wait until the engine has loaded its index
    // (it answers 503 MATCHING_NOT_READY until then; the UI retries, but a 503 would log a console error).
    const token = await apiToken(server.baseUrl, DEMO.broker);
    const needs = await apiGetWhenReady<{ items: Hit[] }>(
      server.baseUrl,
      token,
      `/api/needs?q=${encodeURIComponent(NEED_QUERY)}&limit=5`,
    );
    need = needs.items[0];
    expect(need).toBeDefined();
    candidates = (
      await apiGetWhenReady<{ items: MatchItem[] }>(
        server.baseUrl,
        token,
        `/api/needs/${need.id}/matches?limit=10`,
      )
    ).items;
    expect(candidates.length).toBeGreaterThanOrEqual(2);
  });
  afterAll(async () => {
    await server?.stop();
    await browser?.close();
    removeDataDir(dataDir);
  });

  it('a broker picks a need, reads candidates with reasons, declines one and marks another good; the owner sees the recommendations', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors = watchErrors(page);
    await page.goto(server.baseUrl);
    await signIn(page, DEMO.broker.email, DEMO.broker.password);

    // The workbench, from the shell's manage menu; pick the need through the listing search.
    await openManagePage(page, 'nav-matching');
    await page.waitForURL('**/manage/matching');
    await page.getByTestId('pick-q').fill(NEED_QUERY);
    await page.getByTestId('pick-search').click();
    await page.locator(`[data-testid="pick-hit"][data-id="${need.id}"]`).click();
    await page.waitForURL(new RegExp(`id=${need.id}`));

    // The need's public layer beside its candidates, best first, each with its score and reasons.
    await page.getByTestId('selected-listing').waitFor();
    expect(await page.getByTestId('selected-title').textContent()).toContain(need.title);
    const cards = page.getByTestId('candidates').getByTestId('match-card');
    await cards.first().waitFor();
    expect(await cards.count()).toBe(candidates.length);
    const top = cards.first();
    expect(await top.getAttribute('data-id')).toBe(candidates[0].counterpart.id);
    expect(await top.getByTestId('match-title').textContent()).toContain(candidates[0].counterpart.title);
    expect(await top.getByTestId('match-reasons').textContent()).toContain('共同关键词');
    expect(Number(await top.getByTestId('match-score').textContent())).toBe(
      Math.round(candidates[0].score * 100),
    );
    // The shared terms are highlighted in both texts: the candidate's and the selected need's.
    expect(await top.locator('mark').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('selected-listing').locator('mark').count()).toBeGreaterThan(0);

    // Decline the second candidate with a reason category: it leaves the list.
    const declined = candidates[1].counterpart;
    const second = page.locator(`[data-testid="match-card"][data-id="${declined.id}"]`);
    await second.getByTestId('match-decline').click();
    await second.getByTestId('decline-reason').click();
    await page.getByRole('option', { name: '不匹配' }).click();
    await second.getByTestId('decline-note').fill('应用场景不同');
    await second.getByTestId('decline-confirm').click();
    await second.waitFor({ state: 'detached' });
    expect(await cards.count()).toBe(candidates.length - 1);

    // Mark the top one good: it says so, and offers to open an introduction.
    await top.getByTestId('match-good').click();
    await page
      .locator(`[data-testid="match-card"][data-id="${candidates[0].counterpart.id}"][data-verdict="GOOD"]`)
      .waitFor();
    await page.getByTestId('open-introduction').waitFor();

    // Both verdicts are kept: after a reload the declined pair is gone and the good one is still marked.
    await page.reload();
    await page
      .locator(`[data-testid="match-card"][data-id="${candidates[0].counterpart.id}"][data-verdict="GOOD"]`)
      .waitFor();
    expect(await page.locator(`[data-testid="match-card"][data-id="${declined.id}"]`).count()).toBe(0);

    // The opportunities tab lists new pairs since the broker last looked.
    await page.getByRole('tab', { name: '新机会' }).click();
    await page.getByTestId('opportunity-since').waitFor();
    await signOut(page);

    // The need's owner sees recommended counterparts on the need's page, and may judge them too.
    await signIn(page, DEMO.enterprise.email, DEMO.enterprise.password);
    await page.goto(`${server.baseUrl}/needs/${need.id}`);
    await page.getByTestId('listing-detail').waitFor();
    const recommended = page.getByTestId('recommended-matches');
    await recommended.getByTestId('match-card').first().waitFor();
    expect(await recommended.getByTestId('match-card').first().getAttribute('data-id')).toBe(
      candidates[0].counterpart.id,
    );
    expect(await recommended.getByTestId('match-card').first().getAttribute('data-verdict')).toBe('GOOD');
    expect(await recommended.locator(`[data-testid="match-card"][data-id="${declined.id}"]`).count()).toBe(0);
    expect(await recommended.getByTestId('match-reasons').first().textContent()).toContain('共同关键词');
    await recommended.getByTestId('match-decline').first().waitFor();
    // Each counterpart links to its public page, by its code.
    await recommended.getByTestId('match-title').first().click();
    await page.waitForURL(`**/results/${candidates[0].counterpart.code}`);
    await page.getByTestId('listing-detail').waitFor();

    expect(errors).toEqual([]);
    await context.close();
  });
});
