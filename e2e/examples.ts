/**
 * The examples/ templates in a real n8n, on every release line, one SocialHub sandbox through all
 * of them (the refund takes back what the paid order awarded): each run from its trigger as the
 * editor runs it, the webhooks also published and called as a shop calls them. Checks what
 * SocialHub received and applied, and what n8n output. The agent template: e2e/exampleAgent.ts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

import type { SocialHubSandbox } from '../sandbox/server';
import { SandboxState } from '../sandbox/state';
import { checkAgentTools } from './exampleAgent';
import { finishedExecution, finishedExecutionIds, publish, runFromTrigger, saveWorkflow, servesPostWebhook, type SavedWorkflow } from './exampleRuns';
import { mismatches, outputEntries, withCredential, type ExecutionOutput, type WorkflowJson } from './expectations';
import type { N8nLine, N8nRest } from './n8n';
import type { CredentialRef } from './origin-workflows';

export interface ExampleChecks {
	line: N8nLine;
	rest: N8nRest;
	n8nUrl: string;
	sandbox: SocialHubSandbox;
	credential: CredentialRef;
	artifacts: string;
	check: (ok: boolean, what: string, detail?: string) => void;
}

export const readExample = (file: string) =>
	JSON.parse(readFileSync(join(__dirname, '..', 'examples', file), 'utf8')) as WorkflowJson & { pinData?: Record<string, Array<{ json: { body: Record<string, unknown> } }>> };

const ADJUST = '/v1/points/adjustment';
const SYNC = '/v1/transactions/sync';
const items = (run: ExecutionOutput, node: string, output = 0) => outputEntries(run, node, output).map((entry) => entry.json);
const bodies = (sandbox: SocialHubSandbox, path: string) => sandbox.apiRequests(path).map((request) => request.body);
/** Where `actual` differs from `expected` (a subset), in one line. */
const differs = (actual: unknown, expected: unknown, what: string) => mismatches(actual, expected, what).join('; ');

export async function checkExamples(ctx: ExampleChecks): Promise<void> {
	ctx.sandbox.state = new SandboxState(true);
	await checkPaidOrder(ctx);
	await checkRefund(ctx);
	await checkBirthday(ctx);
	await checkAgentTools(ctx, readExample('points-balance-agent-tools.json'));
}

/** Saves an example bound to the e2e's credential and runs it from `trigger` with SocialHub's requests counted from here. */
async function runExample(ctx: ExampleChecks, file: string, trigger: string): Promise<{ saved: SavedWorkflow; run: ExecutionOutput }> {
	const saved = await saveWorkflow(ctx.rest, ctx.line, withCredential(readExample(file), ctx.credential));
	ctx.sandbox.requests.length = 0;
	const run = await runFromTrigger(ctx.rest, ctx.line, saved.id, trigger);
	writeFileSync(join(ctx.artifacts, `example-${file.replace(/\.json$/, '')}.execution.json`), JSON.stringify(run, null, 2));
	return { saved, run };
}

/** Publishes `saved` and POSTs each body to its webhook `path`, one after the other; the executions they started, oldest first. */
async function deliver(ctx: ExampleChecks, saved: SavedWorkflow, path: string, payloads: unknown[]): Promise<ExecutionOutput[]> {
	const url = `${ctx.n8nUrl}/webhook/${path}`;
	await publish(ctx.rest, saved, servesPostWebhook(url));
	const before = (await finishedExecutionIds(ctx.rest, saved.id, 0)).length;
	ctx.sandbox.requests.length = 0;
	for (const [index, payload] of payloads.entries()) {
		const answer = await fetch(url, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(payload) });
		if (!answer.ok) throw new Error(`POST ${url} answered HTTP ${answer.status}: ${(await answer.text()).slice(0, 200)}`);
		// One delivery at a time, as a shop retrying a webhook does.
		await finishedExecutionIds(ctx.rest, saved.id, before + index + 1);
	}
	const ids = await finishedExecutionIds(ctx.rest, saved.id, before + payloads.length);
	return await Promise.all(ids.slice(0, payloads.length).reverse().map((id) => finishedExecution(ctx.rest, ctx.line, id)));
}

async function checkPaidOrder(ctx: ExampleChecks) {
	const { sandbox, check } = ctx;
	const file = 'order-paid-award-points.json';
	const { saved, run } = await runExample(ctx, file, 'Order paid');
	const sync = { type: 1, params: '13800000001', transactionCode: '10086', orderDate: '2026-11-20 14:30:00', direction: 0, totalAmount: 23800 };
	const line = { detailCode: '1', productCode: 'SKU-RUN-42', qty: 2, price: 12900, totalAmount: 23800, direction: 0 };
	const award = { accountType: 2, accountCode: 'M0001', operationId: 'order-10086-purchase', operationType: 6, pointValue: 238, upgradeTierFlag: 1 };
	const problems = [
		differs(bodies(sandbox, SYNC), [{ ...sync, details: [line] }], 'synced'),
		differs(bodies(sandbox, ADJUST), [award], 'adjusted'),
		differs(items(run, 'Award points'), [{ operationId: 'order-10086-purchase', accountCode: 'PA0001', pointValue: 238, balance: 1238 }], 'output'),
	].filter(Boolean);
	check(
		run.status === 'success' && problems.length === 0,
		`examples/${file}: the pinned paid order (Execute workflow) is synced with its line, and 238 points are awarded to M0001 with Operation ID order-10086-purchase; the node outputs the adjustment's record`,
		`${String(run.status)} ${problems.join(' | ')}`,
	);

	// Published: the shop delivers order 10087 twice (a retried webhook) and a 0.50 order.
	const sample = readExample(file).pinData?.['Order paid']?.[0]?.json.body ?? {};
	const order = (orderNo: string, totalAmount: number) => ({ ...sample, orderNo, totalAmount, totalPrice: totalAmount, discount: 0 });
	const runs = await deliver(ctx, saved, 'socialhub/order-paid', [order('10087', 5000), order('10087', 5000), order('10088', 50)]);
	const ops = bodies(sandbox, ADJUST).map((body) => (body as { operationId?: string }).operationId);
	const second = items(runs[1], 'Award points')[0] ?? {};
	check(
		runs.every((one) => one.status === 'success') &&
			JSON.stringify(ops) === JSON.stringify(['order-10087-purchase', 'order-10087-purchase']) &&
			sandbox.state.appliedTimes.get('order-10087-purchase') === 1 &&
			second.duplicate === true &&
			sandbox.state.accounts.get('PA0001')?.balance === 1288 &&
			bodies(sandbox, SYNC).length === 3,
		`examples/${file} published: order 10087 delivered twice to its webhook is synced twice and awarded 50 points once (the second answer is SocialHub's duplicate); a 0.50 order is synced and awards nothing (At least 1 point)`,
		`${runs.map((one) => one.status).join('/')}; adjustments sent ${JSON.stringify(ops)}, applied ${String(sandbox.state.appliedTimes.get('order-10087-purchase'))}×, balance ${String(sandbox.state.accounts.get('PA0001')?.balance)}`,
	);
}

async function checkRefund(ctx: ExampleChecks) {
	const { sandbox, check } = ctx;
	const file = 'order-refunded-deduct-points.json';
	const { saved, run } = await runExample(ctx, file, 'Order refunded');
	const sync = { transactionCode: '10086-refund-1', originalCode: '10086', direction: 1, orderStatus: 3, orderDate: '2026-11-25 10:00:00', totalAmount: 23800 };
	const deduction = { accountType: 2, accountCode: 'M0001', operationId: 'order-10086-refund-1', operationType: 7, pointValue: 238 };
	const problems = [
		differs(bodies(sandbox, SYNC), [{ ...sync, details: [{ productCode: 'SKU-RUN-42', qty: 2, direction: 1 }] }], 'synced'),
		differs(bodies(sandbox, ADJUST), [deduction], 'adjusted'),
		differs(items(run, 'Deduct points'), [{ operationId: 'order-10086-refund-1', pointValue: -238, balance: 1050 }], 'output'),
	].filter(Boolean);
	check(
		run.status === 'success' && problems.length === 0 && items(run, 'Points already spent').length === 0,
		`examples/${file}: the pinned refund of order 10086 is synced as a return of it (direction 1, original code 10086), and its 238 points are deducted once with Operation ID order-10086-refund-1`,
		`${String(run.status)} ${problems.join(' | ')}`,
	);

	// Published: the member spent the points of order 10087 before it was refunded.
	const account = sandbox.state.accounts.get('PA0001');
	if (account) account.balance = 20;
	const sample = readExample(file).pinData?.['Order refunded']?.[0]?.json.body ?? {};
	const [refused] = await deliver(ctx, saved, 'socialhub/order-refunded', [{ ...sample, orderNo: '10087', refundAmount: 5000 }]);
	const review = items(refused, 'Points already spent');
	check(
		refused.status === 'success' &&
			review.length === 1 &&
			/Insufficient points: balance 20, deduction 50/.test(String(review[0]?.error)) &&
			sandbox.state.accounts.get('PA0001')?.balance === 20,
		`examples/${file} published: a refund whose points were already spent is refused by SocialHub and reaches "Points already spent" with SocialHub's reason; the balance is untouched`,
		`${String(refused.status)}: ${JSON.stringify(review).slice(0, 300)}`,
	);
}

async function checkBirthday(ctx: ExampleChecks) {
	const { sandbox, check } = ctx;
	const file = 'birthday-bonus-monthly.json';
	const trigger = 'On the 1st of every month';
	const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(new Date());
	const opOf = (card: string) => `birthday-${card}-${month}`;
	const cards = ['M0001', 'M0002', 'M0003'];
	const first = await runExample(ctx, file, trigger);
	// The node sends a run's items concurrently: SocialHub receives them in any order.
	const sent = bodies(sandbox, ADJUST).sort((a, b) => String((a as { operationId?: string }).operationId).localeCompare(String((b as { operationId?: string }).operationId)));
	const refused = items(first.run, 'Not rewarded');
	check(
		first.run.status === 'success' &&
			differs(sent, cards.map((card) => ({ accountCode: card, operationId: opOf(card), operationType: 6, pointValue: 100 })), 'adjusted') === '' &&
			differs(items(first.run, 'Birthday bonus'), [{ operationId: opOf('M0001'), pointValue: 100 }], 'output') === '' &&
			refused.length === 2 &&
			/Points account for M0002 not found/.test(String(refused[0]?.error)) &&
			/Points account for M0003 not found/.test(String(refused[1]?.error)),
		`examples/${file} from its Schedule Trigger: 100 points for each member of the month with Operation ID birthday-<card>-${month}; the two cards the sandbox does not know reach "Not rewarded" with SocialHub's reason, M0001 gets its bonus`,
		`${String(first.run.status)}; sent ${JSON.stringify(sent.map((body) => (body as { operationId?: string }).operationId))}; not rewarded: ${JSON.stringify(refused).slice(0, 200)}`,
	);

	// The two members become known to SocialHub; the job runs again in the same month.
	for (const [index, card] of ['M0002', 'M0003'].entries()) {
		sandbox.state.members.set(card, { cardNo: card, consumerCode: 'C0001', loyaltyProgramCode: 'LP001', tierName: 'Basic' });
		sandbox.state.accounts.set(`PA000${index + 2}`, { accountCode: `PA000${index + 2}`, cardNo: card, pointsGroupCode: 'PG01', balance: 0 });
	}
	sandbox.requests.length = 0;
	const again = await runFromTrigger(ctx.rest, ctx.line, first.saved.id, trigger);
	const bonus = items(again, 'Birthday bonus');
	check(
		again.status === 'success' &&
			cards.every((card) => sandbox.state.appliedTimes.get(opOf(card)) === 1) &&
			bonus.length === 3 &&
			bonus[0]?.duplicate === true &&
			sandbox.state.accounts.get('PA0002')?.balance === 100 &&
			items(again, 'Not rewarded').length === 0,
		`examples/${file} run again in the same month: M0002 and M0003 get their bonus, M0001's is not applied twice (each Operation ID applied once)`,
		`${String(again.status)}; applied ${JSON.stringify(cards.map((card) => sandbox.state.appliedTimes.get(opOf(card))))}; ${JSON.stringify(bonus).slice(0, 300)}`,
	);
}
