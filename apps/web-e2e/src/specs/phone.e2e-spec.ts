import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Permission } from '@xkx/contracts';
import { authoredCapitalsIn, CODE_WORD_ALLOWED, codeWords } from '@xkx/util';
import { Browser, BrowserContext, Page } from 'playwright-core';
import { DEMO, signIn } from '../support/accounts';
import { apiGet, apiToken } from '../support/api';
import { describeBrowser, launchBrowser } from '../support/browser';
import { freshDataDir, removeDataDir, RunningServer, startServer, WORKSPACE_ROOT } from '../support/server';

/** A small phone (the narrowest screen we support). */
const PHONE = { width: 360, height: 740 };

type Role = 'anonymous' | 'researcher' | 'enterprise' | 'broker' | 'admin';
type Ids = Record<
  'result' | 'need' | 'ownResult' | 'ownNeed' | 'deal' | 'contract' | 'notice' | 'institution',
  string | undefined
>;

interface RouteCase {
  /** With :result, :need, :ownResult, :ownNeed, :deal, :contract, :notice (uuids: the pages must show their codes) and :institution (its credit code) from the demo data. */
  path: string;
  /** Who may open it: anyone, anyone signed in, or a permission. Others are redirected; not visited. */
  who: 'anyone' | 'anonymous' | 'signedIn' | Permission;
  /** Codes this page shows on purpose, and why (the raw-code scan lets words matching it through). */
  codes?: { shape: RegExp; why: string };
  /** Why this page's path may keep a uuid (every other path must show a code or a name once loaded). */
  idInPath?: string;
}

// Pages whose path keeps the record's uuid, on purpose or not yet: explicit, so a new one fails the scan.
const STAFF_REVIEW = 'the review page of one listing (staff only, reached from the review queue); not yet by code';
const OWN_EDIT = 'the author edits his own draft (reached from his workspace); not yet by code';
const NOTICE_BY_ID = 'notices have no code of their own yet (issue 17: left to do)';

/** A technology-field code (NE, NE.BAT): the field tree's administrators edit the codes themselves. */
const FIELD_CODE = /^[A-Z]{2,4}(\.[A-Z0-9]{1,8})*$/;

/**
 * Every page of apps/web/src/app/app.routes.ts and the libraries' *.routes.ts (the test below checks
 * that each literal child path there appears here, so a new page cannot be forgotten).
 */
const ROUTES: readonly RouteCase[] = [
  { path: '/', who: 'anyone' },
  { path: '/sign-in', who: 'anonymous' },
  { path: '/register', who: 'anonymous' },
  { path: '/forgot-password', who: 'anyone' },
  { path: '/reset-password', who: 'anyone' },
  { path: '/setup', who: 'anyone' },
  { path: '/profile', who: 'signedIn' },
  { path: '/results', who: 'anyone' },
  { path: '/results/:result', who: 'anyone' },
  { path: '/needs', who: 'anyone' },
  { path: '/needs/:need', who: 'anyone' },
  { path: '/notices', who: 'anyone' },
  { path: '/notices/:notice', who: 'anyone', idInPath: NOTICE_BY_ID },
  { path: '/workspace', who: 'signedIn' },
  { path: '/workspace/listings', who: 'signedIn' },
  { path: '/workspace/deals', who: Permission.DEAL_PARTICIPATE },
  { path: '/workspace/results/new', who: Permission.RESULT_WRITE },
  { path: '/workspace/results/:ownResult/edit', who: Permission.RESULT_WRITE, idInPath: OWN_EDIT },
  { path: '/workspace/needs/new', who: Permission.NEED_WRITE },
  { path: '/workspace/needs/:ownNeed/edit', who: Permission.NEED_WRITE, idInPath: OWN_EDIT },
  { path: '/manage/review', who: Permission.LISTING_REVIEW },
  { path: '/manage/review/results/:result', who: Permission.LISTING_REVIEW, idInPath: STAFF_REVIEW },
  { path: '/manage/review/needs/:need', who: Permission.LISTING_REVIEW, idInPath: STAFF_REVIEW },
  { path: '/manage/import', who: Permission.LISTING_IMPORT },
  { path: '/manage/matching', who: Permission.MATCH_BROKER },
  { path: '/manage/deals', who: Permission.DEAL_MANAGE },
  { path: '/manage/kpis', who: Permission.KPI_READ, codes: { shape: /^ZJTX$/, why: 'the 专精特新 certificate numbers (ZJTX-2024-0101) of statuses about to expire, which a broker checks against the certificate' } },
  { path: '/manage/kpis/me', who: Permission.KPI_READ },
  { path: '/manage/kpis/institution/:institution', who: Permission.KPI_READ },
  { path: '/manage/kpis/subsidies', who: Permission.KPI_READ },
  { path: '/manage/kpis/rnd-spending', who: Permission.KPI_READ },
  { path: '/manage/kpis/targets', who: Permission.KPI_MANAGE },
  { path: '/deals/:deal', who: Permission.DEAL_PARTICIPATE },
  { path: '/print/deals/:deal', who: Permission.DEAL_PARTICIPATE },
  { path: '/print/deals/:deal/nda', who: Permission.DEAL_PARTICIPATE },
  { path: '/print/contracts/:contract', who: Permission.DEAL_PARTICIPATE },
  { path: '/print/contracts/:contract/registration', who: Permission.DEAL_PARTICIPATE },
  { path: '/print/notices/:notice', who: 'anyone', idInPath: NOTICE_BY_ID },
  { path: '/manage/verification', who: Permission.USER_VERIFY },
  { path: '/manage/users', who: Permission.USER_READ },
  { path: '/manage/organizations', who: Permission.ORGANIZATION_MANAGE },
  { path: '/manage/audit-log', who: Permission.AUDIT_READ },
  { path: '/manage/outbox', who: Permission.OUTBOX_READ },
  { path: '/manage/jobs', who: Permission.JOB_MANAGE },
  { path: '/manage/nda', who: Permission.TAXONOMY_MANAGE },
  { path: '/manage/fields', who: Permission.TAXONOMY_MANAGE, codes: { shape: FIELD_CODE, why: 'the code is what the tree editor edits, and what the import template takes' } },
  { path: '/manage/synonyms', who: Permission.TAXONOMY_MANAGE },
];

/** Literal child paths of the route files ('verification', 'deals/:id/nda', …), :params as ':'. */
function declaredPaths(): string[] {
  const files: string[] = [join(WORKSPACE_ROOT, 'apps/web/src/app/app.routes.ts')];
  const walk = (dir: string): void => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (name === 'node_modules') continue;
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.routes.ts')) files.push(full);
    }
  };
  walk(join(WORKSPACE_ROOT, 'libs/web'));
  const paths = new Set<string>();
  for (const file of files) {
    for (const match of readFileSync(file, 'utf8').matchAll(/path:\s*'([^']+)'/g)) {
      if (match[1] !== '**') paths.add(match[1].replace(/:\w+/g, ':'));
    }
  }
  return [...paths];
}

/**
 * Opens a path the way a link in the app does (the router, no reload: a reload per page would make this
 * test minutes long), after marking the current heading so the next one is the new page's.
 */
async function open(page: Page, path: string): Promise<void> {
  await page.evaluate((url) => {
    document.querySelectorAll('main h1').forEach((h) => h.setAttribute('data-phone-seen', ''));
    history.pushState(null, '', url);
    dispatchEvent(new PopStateEvent('popstate', { state: null }));
  }, path);
}

/**
 * The page as the user sees it: nothing wider than the screen, a visible heading, and no raw code in its
 * words, its query string or its path (SUBMIT, NE.BAT, a UUID: `codeWords`). The walk opens detail pages by
 * uuid, as old links do: once loaded they must show their code instead, unless `idInPath` says why not.
 */
async function checkPage(page: Page, path: string, allowed: readonly string[], codes?: RegExp, idInPath?: string): Promise<string[]> {
  const problems: string[] = [];
  await page.locator('main h1:not([data-phone-seen])').first().waitFor({ state: 'visible', timeout: 15_000 }).catch(() => {
    problems.push(`${path}: no visible heading (h1) in main`);
  });
  // Lists and tables arrive after the heading: measure once the page stops showing progress.
  await page
    .waitForFunction(() => !document.querySelector('main mat-progress-bar, main mat-spinner, main mat-progress-spinner'), null, {
      timeout: 10_000,
    })
    .catch(() => undefined);
  await page.waitForTimeout(100);
  const widths = await page.evaluate(() => {
    // The culprits: elements past the right edge that are not inside a box scrolling on its own.
    const scrolls = (el: Element): boolean => ['auto', 'scroll', 'hidden', 'clip'].includes(getComputedStyle(el).overflowX);
    const inScrollBox = (el: Element): boolean => {
      for (let up = el.parentElement; up && up.tagName !== 'MAIN'; up = up.parentElement) if (scrolls(up)) return true;
      return false;
    };
    const wide = Array.from(document.querySelectorAll('main *'))
      .filter((el) => el.getBoundingClientRect().right > window.innerWidth + 1)
      .filter((el) => getComputedStyle(el).position === 'absolute' || !inScrollBox(el))
      .slice(0, 3)
      .map((el) => `${el.tagName.toLowerCase()}.${Array.from(el.classList).join('.')} right=${Math.round(el.getBoundingClientRect().right)}`);
    return { scroll: document.documentElement.scrollWidth, inner: window.innerWidth, wide };
  });
  if (widths.scroll > widths.inner)
    problems.push(`${path}: page is ${widths.scroll}px wide at ${widths.inner}px (${widths.wide.join('; ')})`);
  problems.push(...(await rawCodes(page, path, allowed, codes, idInPath)));
  return problems;
}

/** Code-shaped words in the visible text (placeholders and tooltips included), the query string and the path. */
async function rawCodes(page: Page, path: string, allowed: readonly string[], codes?: RegExp, idInPath?: string): Promise<string[]> {
  // A page swaps the uuid it was opened by for its code once the record is read: give it that moment.
  if (!idInPath) {
    await page
      .waitForFunction(() => !/[0-9a-f]{8}-[0-9a-f]{4}-/i.test(decodeURIComponent(location.pathname)), null, { timeout: 5_000 })
      .catch(() => undefined);
  }
  const { text, query, pathname } = await page.evaluate(() => {
    const attributes = Array.from(document.querySelectorAll('main [placeholder], main [mattooltip], main [title]')).map((el) =>
      ['placeholder', 'mattooltip', 'title'].map((a) => el.getAttribute(a) ?? '').join(' '),
    );
    return {
      text: `${document.body.innerText}\n${attributes.join('\n')}`,
      query: `${location.search}${location.hash}`,
      pathname: location.pathname,
    };
  });
  const words = codeWords(text, allowed).filter((w) => !codes?.test(w));
  // Codes are what a URL's filters are made of (field=NE.BAT, mode=TRANSFER): there only ids are wrong.
  const address = `${idInPath ? '' : `${decodeURIComponent(pathname)} `}${decodeURIComponent(query)}`;
  const inUrl = codeWords(address).filter((w) => /^[0-9a-f]{8}-/i.test(w));
  return [
    ...(words.length ? [`${path}: raw codes on the page: ${words.join(', ')}`] : []),
    ...(inUrl.length ? [`${path}: raw codes in the URL: ${inUrl.join(', ')}`] : []),
  ];
}

describeBrowser('phone: every page at 360×740, for every role', () => {
  let browser: Browser;
  let server: RunningServer;
  const dataDir = freshDataDir();
  const ids: Partial<Record<Role, Ids>> = {};

  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startServer({ dataDir });
  });
  afterAll(async () => {
    await server?.stop();
    await browser?.close();
    removeDataDir(dataDir);
  });

  /** Real ids from the demo data, as this role sees them (a party's own deal, contract and listings). */
  async function idsFor(role: Role): Promise<Ids> {
    const anyone = (path: string) => fetch(`${server.baseUrl}${path}`).then((r) => r.json());
    const results = (await anyone('/api/results?limit=1')) as { items: Array<{ id: string }> };
    const needs = (await anyone('/api/needs?limit=1')) as { items: Array<{ id: string }> };
    const notices = (await anyone('/api/public-notices?limit=1')) as { items: Array<{ id: string }> };
    const universities = (await anyone('/api/organizations?kind=UNIVERSITY&limit=1')) as {
      items: Array<{ id: string; creditCode: string | null }>;
    };
    const found: Ids = {
      result: results.items[0]?.id,
      need: needs.items[0]?.id,
      notice: notices.items?.[0]?.id,
      // The KPI drill-down's address names the institution by its credit code (issue 17).
      institution: universities.items?.[0]?.creditCode ?? universities.items?.[0]?.id,
      ownResult: undefined,
      ownNeed: undefined,
      deal: undefined,
      contract: undefined,
    };
    if (role === 'anonymous') return found;
    const token = await apiToken(server.baseUrl, DEMO[role]);
    const mine = async (kind: string) => {
      const res = await apiGet<Array<{ id: string }>>(server.baseUrl, token, `/api/${kind}/mine`);
      return res.status === 200 ? res.body[0]?.id : undefined;
    };
    found.ownResult = await mine('results');
    found.ownNeed = await mine('needs');
    const deals = await apiGet<{ items?: Array<{ id: string }> }>(server.baseUrl, token, '/api/deals?limit=20');
    for (const deal of deals.body.items ?? []) {
      const detail = await apiGet<{ contracts: Array<{ id: string }> }>(server.baseUrl, token, `/api/deals/${deal.id}`);
      found.deal ??= deal.id;
      if (detail.body.contracts?.length) {
        found.deal = deal.id;
        found.contract = detail.body.contracts[0].id;
        break;
      }
    }
    return found;
  }

  /**
   * Capitals the market's authors wrote (CMOS in a title, NJUPT in a name, CCUS as a keyword): allowed on the
   * pages, since they are people's words. Read from what the pages show: listings, organizations, the details,
   * synonym groups.
   */
  async function authoredWords(role: Role, found: Ids): Promise<string[]> {
    const anyone = (path: string) => fetch(`${server.baseUrl}${path}`).then((r) => (r.ok ? r.json() : null));
    // Synonym groups are typed by administrators (FPGA, OLED): their words too.
    const synonyms = role === 'admin' ? (await apiGet<unknown>(server.baseUrl, await apiToken(server.baseUrl, DEMO.admin), '/api/synonyms')).body : null;
    const bodies = await Promise.all([
      anyone('/api/results?limit=100'),
      anyone('/api/needs?limit=100'),
      anyone('/api/organizations?limit=100'),
      ...(['result', 'need', 'ownResult', 'ownNeed'] as const)
        .filter((k) => found[k])
        .map((k) => anyone(`/api/${k.toLowerCase().includes('result') ? 'results' : 'needs'}/${found[k]}`)),
    ]);
    return [...CODE_WORD_ALLOWED, ...authoredCapitalsIn([bodies, synonyms])];
  }

  it('lists every page the route files declare', () => {
    const listed = ROUTES.map((route) => route.path.replace(/:\w+/g, ':'));
    const missing = declaredPaths().filter(
      (path) => !listed.some((full) => `${full}/`.includes(`/${path}/`)),
    );
    expect(missing).toEqual([]);
  });

  it('is installable: a manifest with icons the server serves', async () => {
    const html = await (await fetch(server.baseUrl)).text();
    expect(html).toContain('rel="manifest" href="manifest.webmanifest"');
    const res = await fetch(`${server.baseUrl}/manifest.webmanifest`);
    expect(res.status).toBe(200);
    const manifest = (await res.json()) as { short_name: string; start_url: string; display: string; icons: Array<{ src: string; sizes: string }> };
    expect(manifest).toMatchObject({ short_name: '霞科行', start_url: '/', display: 'standalone' });
    expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    for (const icon of manifest.icons) {
      const file = await fetch(`${server.baseUrl}/${icon.src}`);
      expect(`${icon.src} ${file.status} ${file.headers.get('content-type')}`).toMatch(/ 200 image\//);
    }
  });

  const roles: Role[] = ['anonymous', 'researcher', 'enterprise', 'broker', 'admin'];
  for (const role of roles) {
    it(`${role}: no page is wider than the screen, each shows its heading and no raw code, the menu and account are reachable`, async () => {
      const context: BrowserContext = await browser.newContext({ viewport: PHONE, deviceScaleFactor: 1, hasTouch: true });
      const page = await context.newPage();
      const found = (ids[role] = await idsFor(role));
      const allowed = await authoredWords(role, found);
      await page.goto(server.baseUrl);

      // The toolbar at 360 px: sign-in (or the bell and the account menu) and the menu button fit on it.
      for (const testId of role === 'anonymous' ? ['nav-sign-in', 'nav-register', 'nav-menu'] : ['nav-menu']) {
        const box = await page.getByTestId(testId).boundingBox();
        expect(box && box.x >= 0 && box.x + box.width <= PHONE.width).toBe(true);
      }
      let permissions = new Set<string>();
      if (role !== 'anonymous') {
        await signIn(page, DEMO[role].email, DEMO[role].password);
        permissions = new Set(
          await page.evaluate(async () => {
            const tokens = JSON.parse(localStorage.getItem('xkx.auth') ?? '{}') as { accessToken?: string };
            const res = await fetch('/api/auth/me', { headers: { authorization: `Bearer ${tokens.accessToken}` } });
            return ((await res.json()) as { permissions: string[] }).permissions;
          }),
        );
        expect(permissions.size).toBeGreaterThan(0);
        for (const testId of ['notifications', 'user-menu']) {
          const box = await page.getByTestId(testId).boundingBox();
          expect(box && box.x >= 0 && box.x + box.width <= PHONE.width).toBe(true);
        }
        await page.getByTestId('user-menu').click();
        await page.getByTestId('nav-profile').waitFor();
        await page.keyboard.press('Escape');
        await page.getByTestId('nav-profile').waitFor({ state: 'detached' });
      }

      // The menu button opens the drawer; a link in it navigates and closes it.
      await page.getByTestId('nav-menu').click();
      const drawer = page.getByTestId('nav-drawer');
      await drawer.getByTestId('nav-results').waitFor({ state: 'visible' });
      if (permissions.has(Permission.LISTING_REVIEW)) await drawer.getByTestId('nav-review').waitFor();
      if (permissions.has(Permission.USER_READ)) await drawer.getByTestId('nav-users').waitFor();
      await drawer.getByTestId('nav-results').click();
      await page.waitForURL('**/results');
      await page.waitForFunction(() => !document.querySelector('.mat-drawer-opened'));

      const problems: string[] = [];
      const visits = ROUTES.filter(({ who }) =>
        who === 'anyone'
          ? true
          : who === 'anonymous'
            ? role === 'anonymous'
            : who === 'signedIn'
              ? role !== 'anonymous'
              : permissions.has(who),
      );
      for (const route of visits) {
        const missing = [...route.path.matchAll(/:(\w+)/g)].map((m) => m[1]).filter((key) => !found[key as keyof Ids]);
        if (missing.length) {
          console.warn(`phone: ${role} skips ${route.path}: no ${missing.join(', ')} in the demo data`);
          continue;
        }
        const path = route.path.replace(/:(\w+)/g, (_, key: keyof Ids) => found[key] as string);
        await open(page, path);
        problems.push(...(await checkPage(page, `${role} ${route.path}`, allowed, route.codes?.shape, route.idInPath)));
      }
      expect(problems).toEqual([]);

      // Search: the results come first; the filters are in a bottom sheet behind "筛选 (N)".
      if (role === 'anonymous') {
        await page.goto(`${server.baseUrl}/results`);
        await page.locator('xkx-search-hit-card').first().waitFor();
        await page.getByTestId('filters').waitFor({ state: 'detached' });
        const total = (await page.getByTestId('search-total').textContent())!.match(/\d+/)![0];
        expect(await page.getByTestId('open-filters').textContent()).toContain(`(${total})`);
        await page.getByTestId('open-filters').click();
        await page.locator('mat-bottom-sheet-container').getByTestId('filters').waitFor();
        await page.getByTestId('close-filters').click();
        await page.locator('mat-bottom-sheet-container').waitFor({ state: 'detached' });
      }
      // The deal board: one column, its stage picked from a select.
      if (permissions.has(Permission.DEAL_MANAGE)) {
        await page.goto(`${server.baseUrl}/manage/deals`);
        await page.getByTestId('board-stage').waitFor();
        expect(await page.getByTestId('deal-column').count()).toBe(1);
        await page.getByTestId('board-stage').click();
        await page.locator('mat-option[data-stage="TRIAGE"]').click();
        await page.locator('[data-testid="deal-column"][data-stage="TRIAGE"]').waitFor();
      }
      await context.close();
    }, 300_000);
  }
});
