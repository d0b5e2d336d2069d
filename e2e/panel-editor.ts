/**
 * Settings → Community nodes in the n8n editor (headless Chromium): the empty panel, the install
 * dialog filled in as a user would, and what n8n answers when its Install button is clicked.
 * Also records the request body the Install button sends, which e2e/panel.ts sends too.
 */

import { openBrowser, signIn } from './browser';

export interface PanelEditorOptions {
	n8nUrl: string;
	email: string;
	password: string;
	/** What the user types into the dialog, e.g. n8n-nodes-socialhub@0.1.0. */
	packageSpec: string;
	artifacts: string;
	log: (line: string) => void;
}

export interface PanelEditorResult {
	screenshots: string[];
	dialogText: string;
	installRequestBody: unknown;
	installStatus: number;
	installAnswer: string;
	shownToUser: string;
}

const LONG = 120_000;

export async function runPanelEditorFlow(options: PanelEditorOptions): Promise<PanelEditorResult> {
	const { log } = options;
	const { page, screenshots, shot, close } = await openBrowser(options.artifacts, log, LONG);
	try {
		log('  signing in to the editor');
		await signIn(page, options.n8nUrl, options.email, options.password, LONG);

		log('  Settings → Community nodes');
		await page.goto(`${options.n8nUrl}/settings/community-nodes`, { timeout: LONG });
		const installButton = page.getByRole('button', { name: 'Install a community node' }).first();
		await installButton.waitFor({ timeout: LONG });
		await shot('community-nodes-panel');
		await installButton.click();

		const dialog = page.getByRole('dialog').filter({ hasText: 'Install community nodes' });
		await dialog.waitFor();
		await page.getByTestId('package-name-input').fill(options.packageSpec);
		await page.getByTestId('user-agreement-checkbox').click();
		const dialogText = (await dialog.innerText()).replace(/\s+/g, ' ').trim();
		await shot('install-dialog');

		log(`  clicking Install for ${options.packageSpec}`);
		const [response] = await Promise.all([
			page.waitForResponse((candidate) => candidate.url().endsWith('/rest/community-packages') && candidate.request().method() === 'POST', { timeout: LONG }),
			dialog.getByRole('button', { name: 'Install', exact: true }).click(),
		]);
		const answerText = await response.text();
		let installAnswer = answerText;
		try {
			installAnswer = String((JSON.parse(answerText) as { message?: string }).message ?? answerText);
		} catch {
			// not JSON: keep the text
		}
		// The editor shows n8n's answer in a toast (or closes the dialog and lists the package).
		await page.waitForTimeout(1500);
		const toast = page.locator('.el-notification').first();
		const shownToUser = (await toast.isVisible().catch(() => false)) ? (await toast.innerText()).replace(/\s+/g, ' ').trim() : '';
		await shot(response.ok() ? 'installed' : 'install-refused');
		return {
			screenshots,
			dialogText,
			installRequestBody: response.request().postDataJSON() as unknown,
			installStatus: response.status(),
			installAnswer,
			shownToUser,
		};
	} catch (error) {
		await shot('failure').catch(() => undefined);
		throw error;
	} finally {
		await close();
	}
}
