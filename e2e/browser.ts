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
