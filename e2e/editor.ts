/**
 * The n8n editor in headless Chromium: add the SocialHub node from the nodes panel, pick
 * Points Management → Adjust Member Points, create the credential from the node and see its
 * test pass, then edit the App Secret to a wrong one and see the test fail.
 */

import type { Page } from 'playwright-core';

import { addSocialHubNode, chooseOption, inBrowser, signIn } from './browser';

export interface EditorFlowOptions {
	n8nUrl: string;
	email: string;
	password: string;
	sandboxUrl: string;
	appId: string;
	appSecret: string;
	artifacts: string;
	log: (line: string) => void;
}

export interface EditorFlowResult {
	fieldsSeen: string[];
	/** The operation the new node shows: version 2's name ("Adjust"), not version 1's. */
	operationShown: string;
	/** The Loyalty Program picker's entries, listed from SocialHub with the new credential. */
	loyaltyPrograms: string[];
	goodKeysVerdict: string;
	badKeysVerdict: string;
	screenshots: string[];
}

const LONG = 60_000;

export async function runEditorFlow(options: EditorFlowOptions): Promise<EditorFlowResult> {
	const { log } = options;
	return await inBrowser(options.artifacts, log, LONG, async (page, shot, screenshots) => {
		log('  signing in to the editor');
		await signIn(page, options.n8nUrl, options.email, options.password, 120_000);
		await shot('signed-in');

		log('  adding the SocialHub node from the nodes panel');
		await addSocialHubNode(page, options.n8nUrl, 'Adjust member points', 120_000);

		const fieldsSeen: string[] = [];
		for (const field of ['resource', 'operation', 'accountType', 'accountCode', 'operationId', 'operationType', 'pointValue', 'effectiveEndTime', 'upgradeTierFlag']) {
			await page.getByTestId(`parameter-input-${field}`).first().waitFor();
			fieldsSeen.push(field);
		}
		await shot('adjust-member-points-fields');
		const operationShown = await page.getByTestId('parameter-input-operation').locator('input').first().inputValue();

		log('  creating the credential from the node');
		const emptyState = page.getByTestId('node-credentials-empty-state');
		if (await emptyState.isVisible().catch(() => false)) await emptyState.click();
		else {
			await page.getByTestId('node-credentials-select').click();
			await page.getByTestId('node-credentials-select-item-new').click();
		}
		const dialog = page.getByTestId('credential-edit-dialog');
		await dialog.waitFor();
		await fillCredentialField(page, 'baseUrl', options.sandboxUrl);
		await fillCredentialField(page, 'appId', options.appId);
		await fillCredentialField(page, 'appSecret', options.appSecret);
		await shot('credential-filled');
		await page.getByTestId('credential-save-button').click();
		await dialog.waitFor({ state: 'hidden', timeout: LONG });
		log('  the dialog closed by itself: reopening it to read the verdict');
		await page.getByTestId('credential-edit-button').click();
		await dialog.waitFor();
		await page.getByTestId('credentials-config-container-test-success').waitFor();
		const goodKeysVerdict = (await page.getByTestId('credentials-config-container-test-success').innerText()).trim();
		await shot('credential-test-success');

		log('  Member → Enroll: the Loyalty Program picker lists the tenant’s programs');
		await page.keyboard.press('Escape');
		await dialog.waitFor({ state: 'hidden', timeout: LONG }).catch(() => undefined);
		if (!(await page.getByTestId('ndv').isVisible().catch(() => false))) {
			// Escape closes the node view behind the dialog too: reopen the node from the canvas.
			await page.locator('[data-node-name="Adjust member points"]').first().dblclick();
			await page.getByTestId('ndv').waitFor();
		}
		await chooseOption(page, 'resource', 'Member');
		await chooseOption(page, 'operation', 'Enroll');
		await page.getByTestId('rlc-input').first().click();
		await page.getByTestId('rlc-item').first().waitFor({ timeout: LONG });
		const loyaltyPrograms = (await page.getByTestId('rlc-item').allInnerTexts()).map((text) => text.trim());
		await shot('loyalty-program-picker');
		await page.keyboard.press('Escape');
		await page.getByTestId('credential-edit-button').click();
		await dialog.waitFor();

		log('  editing the App Secret to a wrong one');
		await fillCredentialField(page, 'appSecret', 'a-wrong-secret-for-the-test');
		await page.getByTestId('credential-save-button').click();
		const banner = page.getByText('Couldn’t connect with these settings').first();
		await banner.waitFor({ timeout: LONG });
		const details = page.getByText('More details').first();
		if (await details.isVisible().catch(() => false)) await details.click();
		const badKeysVerdict = (await dialog.innerText()).replace(/\s+/g, ' ').trim();
		await shot('credential-test-failure');
		return { fieldsSeen, operationShown, loyaltyPrograms, goodKeysVerdict, badKeysVerdict, screenshots };
	});
}

async function fillCredentialField(page: Page, name: string, value: string) {
	const container = page.getByTestId('credential-edit-dialog').getByTestId(`parameter-input-${name}`);
	const input = container.locator('input, textarea').first();
	await input.click();
	await input.fill(value);
}
