/**
 * The editor checks of `npm run test:e2e` (on the line that runs the editor): the node and its
 * credential as a new user meets them (e2e/editor.ts), then what a typed Point Value becomes and
 * what the error view shows (e2e/editorRefusals.ts), with what SocialHub received meanwhile.
 */
import { SANDBOX_APP_ID, SANDBOX_APP_SECRET, type SocialHubSandbox } from '../sandbox/server';
import { runEditorFlow } from './editor';
import { runRefusalFlow, type RefusalFlowOptions } from './editorRefusals';
import { finishedExecution } from './exampleRuns';
import type { N8nLine, N8nRest } from './n8n';

/** What the two flows need (credentialName: a working SocialHub credential), and where the checks go. */
export interface EditorChecks extends Omit<RefusalFlowOptions, 'adjustmentsReceived'> {
	line: N8nLine;
	rest: N8nRest;
	sandbox: SocialHubSandbox;
	check: (ok: boolean, what: string, detail?: string) => void;
}

export async function checkEditor(ctx: EditorChecks): Promise<void> {
	const { check, sandbox } = ctx;
	const editor = await runEditorFlow({
		n8nUrl: ctx.n8nUrl,
		email: ctx.email,
		password: ctx.password,
		sandboxUrl: sandbox.url,
		appId: SANDBOX_APP_ID,
		appSecret: SANDBOX_APP_SECRET,
		artifacts: ctx.artifacts,
		log: ctx.log,
	});
	check(editor.fieldsSeen.length === 9, 'editor: the node’s Adjust Member Points fields are shown', editor.fieldsSeen.join(', '));
	check(editor.operationShown === 'Adjust', 'editor: a new SocialHub node is version 2 (operation named "Adjust")', editor.operationShown);
	check(
		editor.loyaltyPrograms.some((entry) => entry.includes('LP001')) && editor.loyaltyPrograms.some((entry) => entry.includes('LP002')),
		'editor: Member → Enroll’s Loyalty Program picker lists the sandbox’s programs',
		editor.loyaltyPrograms.join(' | '),
	);
	check(/success/i.test(editor.goodKeysVerdict), 'editor: the credential created from the node tests successfully', editor.goodKeysVerdict.split('\n')[0]);
	check(
		editor.badKeysVerdict.includes('SocialHub rejected the App ID and App Secret: Invalid appId or appSecret'),
		'editor: after editing in a wrong App Secret the test fails with SocialHub’s own reason',
		editor.badKeysVerdict.slice(0, 200),
	);

	sandbox.requests.length = 0;
	const refusals = await runRefusalFlow({
		n8nUrl: ctx.n8nUrl,
		email: ctx.email,
		password: ctx.password,
		credentialName: ctx.credentialName,
		artifacts: ctx.artifacts,
		log: ctx.log,
		adjustmentsReceived: () => sandbox.apiRequests('/v1/points/adjustment').length,
	});
	const ran = await pointValuesRun(ctx, refusals.typed.length + 1);
	const shown = refusals.typed.map(({ typed, boxBeforeRun, box }) => `${typed} → ${boxBeforeRun} (after the run ${box})`).join(', ');
	check(
		refusals.typed.every(({ typed, boxBeforeRun, box }) => boxBeforeRun === typed && box === typed) &&
			JSON.stringify(ran.slice(0, 3)) === JSON.stringify([-5, 0, 1.5]),
		'editor: Point Value typed as -5, 0 and 1.5 (fixed mode) keeps exactly what was typed, and n8n runs the node with those numbers',
		`${shown}; the runs' Point Value ${JSON.stringify(ran)}`,
	);
	check(
		refusals.typed.every(({ message, description }) => message.includes('"Point Value"') && description.includes('Nothing was sent to SocialHub')) &&
			refusals.adjustmentsDuringTyped === 0,
		'editor: executing the node with each refuses it naming Point Value, and no adjustment reaches SocialHub',
		`${refusals.typed.map(({ message }) => message).join(' | ')}; ${refusals.adjustmentsDuringTyped} adjustment(s) received`,
	);
	check(
		refusals.typed.every(({ fromSocialHub }) => !/Error code/i.test(fromSocialHub)),
		'editor: the error view of those refusals has no "Error code" line (nothing reached SocialHub)',
		refusals.typed.map(({ fromSocialHub }) => fromSocialHub || '(no "From SocialHub" section)').join(' | '),
	);
	const { overBalance } = refusals;
	check(
		/Insufficient points/.test(overBalance.message) && /Error code\s*40096/.test(overBalance.fromSocialHub),
		'editor: a real refusal (a deduction over the balance) shows SocialHub’s code 40096 in the error view',
		`${overBalance.message} | ${overBalance.fromSocialHub}`,
	);
	check(refusals.subtitle === 'Points: Adjust', 'editor: the node’s subtitle on the canvas reads "Points: Adjust"', refusals.subtitle);
}

/** The Point Value the last `count` editor runs gave the node, oldest first, as n8n stored each run. */
async function pointValuesRun(ctx: EditorChecks, count: number): Promise<unknown[]> {
	const listed = await ctx.rest.call<{ results?: Array<{ id: string }> }>('GET', `/rest/executions?limit=${count}`);
	const ids = (listed.data.results ?? []).map((row) => row.id).reverse();
	const values: unknown[] = [];
	for (const id of ids) {
		const run = await finishedExecution(ctx.rest, ctx.line, id);
		const error = run.data?.resultData?.error as { node?: { parameters?: { pointValue?: unknown } } } | undefined;
		values.push(error?.node?.parameters?.pointValue);
	}
	return values;
}
