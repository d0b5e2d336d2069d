/**
 * The n8n editor in headless Chromium, what issue 22 found there: on a new SocialHub node (version 2,
 * Points → Adjust) Point Value is typed as -5, 0 and 1.5 in fixed mode. Each time the box is read
 * back and the node executed: the box must keep what was typed, the node must refuse naming Point
 * Value, and its error view must show no "Error code" (nothing reached SocialHub). Then a real
 * refusal (a deduction over the balance) must show SocialHub's code. The canvas subtitle is read too.
 */
import type { Page } from 'playwright-core';

import { addSocialHubNode, chooseOption, inBrowser, signIn } from './browser';

export interface RefusalFlowOptions {
	n8nUrl: string;
	email: string;
	password: string;
	/** The SocialHub credential to pick on the node (one that works). */
	credentialName: string;
	artifacts: string;
	log: (line: string) => void;
	/** How many adjustments SocialHub has received so far. */
	adjustmentsReceived: () => number;
}

/** What the node view showed after one execution. */
export interface ErrorShown {
	/** The Point Value box, read back after the run. */
	box: string;
	message: string;
	description: string;
	/** The error view's "From SocialHub" section, as text (its "Error code" row, if any). */
	fromSocialHub: string;
}

export interface RefusalFlowResult {
	typed: Array<ErrorShown & { typed: string; boxBeforeRun: string }>;
	/** Adjustments SocialHub received while the three were run. */
	adjustmentsDuringTyped: number;
	overBalance: ErrorShown;
	/** The node's subtitle on the canvas. */
	subtitle: string;
}

const LONG = 60_000;
const NODE = 'Adjust member points';

export async function runRefusalFlow(options: RefusalFlowOptions): Promise<RefusalFlowResult> {
	const { log } = options;
	return await inBrowser(options.artifacts, log, LONG, async (page, shot) => {
		log('  refusals: a new SocialHub node, Points → Adjust, on the working credential');
		await signIn(page, options.n8nUrl, options.email, options.password, 120_000);
		await addSocialHubNode(page, options.n8nUrl, NODE, 120_000);
		await page.getByTestId('node-credentials-select').click();
		// Each entry's test id ends with the credential's id.
		const entries = page.locator('[data-test-id^="node-credentials-select-item-"]').filter({ visible: true });
		await entries.filter({ hasText: options.credentialName }).first().click();
		await fill(page, 'accountCode', 'M0001');
		await fill(page, 'operationId', 'editor-typed-point-value');
		await fill(page, 'effectiveEndTime', '2035-12-31T00:00:00');

		const before = options.adjustmentsReceived();
		const typed: RefusalFlowResult['typed'] = [];
		for (const value of ['-5', '0', '1.5']) {
			log(`  refusals: typing ${value} into Point Value and executing the node`);
			const box = page.getByTestId('parameter-input-pointValue').locator('input').first();
			await box.click();
			await box.fill('');
			await box.pressSequentially(value);
			await page.keyboard.press('Tab');
			const boxBeforeRun = await box.inputValue();
			const shown = await execute(page, `(got ${value})`);
			typed.push({ typed: value, boxBeforeRun, ...shown });
			await shot(`point-value-${value}`);
		}
		const adjustmentsDuringTyped = options.adjustmentsReceived() - before;

		log('  refusals: a deduction over the balance, refused by SocialHub');
		await chooseOption(page, 'operationType', 'Behavior Decrease');
		await fill(page, 'operationId', 'editor-over-the-balance');
		await fill(page, 'pointValue', '999999');
		const overBalance = await execute(page, 'Insufficient points');
		await shot('refused-by-socialhub');

		await page.getByTestId('ndv-close-button').click();
		const card = page.locator(`[data-test-id="canvas-node"][data-node-name="${NODE}"]`).first();
		const subtitle = (await card.innerText()).split('\n').map((text) => text.trim()).filter((text) => text && text !== NODE).join(' ');
		await shot('subtitle');
		return { typed, adjustmentsDuringTyped, overBalance, subtitle };
	});
}

async function fill(page: Page, name: string, value: string) {
	const input = page.getByTestId(`parameter-input-${name}`).locator('input, textarea').first();
	await input.click();
	await input.fill(value);
	await page.keyboard.press('Tab');
}

/** Executes the node from its view and reads the error it shows (waiting for one that holds `expected`). */
async function execute(page: Page, expected: string): Promise<ErrorShown> {
	await page.getByTestId('node-execute-button').click();
	const message = page.getByTestId('node-error-message').filter({ hasText: expected }).first();
	await message.waitFor({ timeout: LONG });
	const description = (await page.getByTestId('node-error-description').first().innerText().catch(() => '')).trim();
	// The details are in the page while folded: read them as text without opening them.
	const section = page.locator('details').filter({ hasText: 'From SocialHub' }).first();
	const fromSocialHub = (await section.count()) ? ((await section.textContent()) ?? '').replace(/\s+/g, ' ').trim() : '';
	const box = await page.getByTestId('parameter-input-pointValue').locator('input').first().inputValue();
	return { box, message: (await message.innerText()).trim(), description, fromSocialHub };
}
