/**
 * Debian's Chromium, headless, for the editor checks: a fresh profile, n8n's test ids, every
 * request not aimed at n8n on 127.0.0.1 cut off (the editor asks n8n's hosts and npm for news),
 * and numbered screenshots into the artifacts folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

import { chromium, selectors, type BrowserContext, type Page } from 'playwright-core';

export interface EditorBrowser {
	context: BrowserContext;
	page: Page;
	screenshots: string[];
	shot: (name: string) => Promise<void>;
	close: () => Promise<void>;
}

export async function openBrowser(artifacts: string, log: (line: string) => void, timeout: number): Promise<EditorBrowser> {
	selectors.setTestIdAttribute('data-test-id');
	const profile = mkdtempSync(join(tmpdir(), 'socialhub-chromium-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		headless: true,
		viewport: { width: 1440, height: 900 },
		args: [
			'--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
			'--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
		],
	});
	await context.route(/^https?:\/\/(?!127\.0\.0\.1|localhost)/, (route) => route.abort());
	const page = context.pages()[0] ?? (await context.newPage());
	page.setDefaultTimeout(timeout);
	const screenshots: string[] = [];
	const shot = async (name: string) => {
		const file = join(artifacts, `${String(screenshots.length + 1).padStart(2, '0')}-${name}.png`);
		await page.screenshot({ path: file });
		screenshots.push(file);
		log(`  screenshot ${file}`);
	};
	const close = async () => {
		await context.close();
		rmSync(profile, { recursive: true, force: true });
	};
	return { context, page, screenshots, shot, close };
}

/** Signs in to n8n's editor and waits for the home page. */
export async function signIn(page: Page, n8nUrl: string, email: string, password: string, timeout: number): Promise<void> {
	await page.goto(`${n8nUrl}/signin`, { timeout });
	await page.locator('#emailOrLdapLoginId').fill(email);
	await page.locator('#password').fill(password);
	await page.getByTestId('form-submit-button').click();
	await page.getByTestId('project-home-menu-item').first().waitFor({ timeout });
}

/** On a new workflow, adds the SocialHub node from the nodes panel with `action` and waits for its node view. */
export async function addSocialHubNode(page: Page, n8nUrl: string, action: string, timeout: number): Promise<void> {
	await page.goto(`${n8nUrl}/workflow/new`, { timeout });
	await page.getByTestId('canvas-add-button').click({ timeout });
	await page.getByTestId('node-creator-search-bar').fill('SocialHub');
	await page.getByTestId('node-creator-item-name').getByText('SocialHub', { exact: true }).first().click();
	await page.getByText(action, { exact: true }).first().click();
	await page.getByTestId('ndv').waitFor();
}

/** Opens the dropdown of parameter `name` in the node view and picks the visible option `text`. */
export async function chooseOption(page: Page, name: string, text: string): Promise<void> {
	await page.getByTestId(`parameter-input-${name}`).first().click();
	const item = page.getByTestId('parameter-input-item').filter({ hasText: text }).filter({ visible: true }).first();
	await item.click();
}

/**
 * Runs `steps` in a fresh browser (see openBrowser): a screenshot named `failure` when they throw,
 * the browser closed either way.
 */
export async function inBrowser<T>(
	artifacts: string,
	log: (line: string) => void,
	timeout: number,
	steps: (page: Page, shot: EditorBrowser['shot'], screenshots: string[]) => Promise<T>,
): Promise<T> {
	const { page, screenshots, shot, close } = await openBrowser(artifacts, log, timeout);
	try {
		return await steps(page, shot, screenshots);
	} catch (error) {
		await shot('failure').catch(() => undefined);
		throw error;
	} finally {
		await close();
	}
}
