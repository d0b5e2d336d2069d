/**
 * `npm run demo`: builds the package, starts the SocialHub sandbox, runs the examples/ templates
 * through n8n's engine with the built node (n8n's own nodes stood in: scripts/inProcessExamples.ts),
 * and reports what happened. Exit code 0 means every step behaved as expected.
 */
import { join } from 'node:path';

import type { ICredentialType, IDataObject, INodeType } from 'n8n-workflow';

import { SocialHubEngine } from '../harness/engine';
import { SocialHubSandbox } from '../sandbox/server';
import { outputOf, readExample, runExample } from './inProcessExamples';

const root = join(__dirname, '..');
/* eslint-disable @typescript-eslint/no-var-requires */
const { SocialHub } = require(join(root, 'dist/nodes/SocialHub/SocialHub.node.js')) as { SocialHub: new () => INodeType };
const { SocialHubApi } = require(join(root, 'dist/credentials/SocialHubApi.credentials.js')) as {
	SocialHubApi: new () => ICredentialType;
};

let failures = 0;
const line = (text = '') => process.stdout.write(`${text}\n`);
function check(ok: boolean, what: string, detail = '') {
	if (!ok) failures++;
	line(`  ${ok ? '✔' : '✘'} ${what}${detail ? ` — ${detail}` : ''}`);
}

async function main() {
	const sandbox = new SocialHubSandbox();
	const url = await sandbox.start();
	line(`SocialHub sandbox on ${url}; n8n engine: n8n-core ${require('n8n-core/package.json').version}`);
	const engine = new SocialHubEngine(SocialHub, SocialHubApi);
	const credential = { baseUrl: url, appId: sandbox.options.appId, appSecret: sandbox.options.appSecret };
	engine.setCredential(credential, 'socialhub-sandbox');
	engine.setCredential(credential);
	const account = sandbox.state.accounts.get('PA0001')!;
	const body = (path: string, index = 0) => (sandbox.apiRequests(path)[index]?.body ?? {}) as IDataObject;

	try {
		line('\n1. A paid order: synced, its points awarded (examples/order-paid-award-points.json, its pinned sample order)');
		const paid = readExample('order-paid-award-points.json');
		const before = account.balance;
		const run = await runExample(engine, paid);
		const runError = run.data.resultData.error;
		check(!runError, 'the workflow ran to the end', runError?.message ?? '');
		const order = body('/v1/transactions/sync');
		const lines = (order.details as IDataObject[] | undefined) ?? [];
		check(order.transactionCode === '10086', 'order synced', `order ${String(order.transactionCode)}, ${lines.map((row) => `${String(row.qty)} × ${String(row.title)}`).join(', ')}, ${(Number(order.totalAmount) / 100).toFixed(2)} paid`);
		const award = outputOf(run, 'Award points')[0] ?? {};
		check(award.pointValue === 238, 'points awarded for the order', `+${String(award.pointValue)} to card M0001 (Operation ID ${String(award.operationId)}); the node outputs the record itself`);
		check(account.balance === 1238, 'points balance', `${before} → ${account.balance}`);
		const adjustment = body('/v1/points/adjustment');
		check(typeof adjustment.effectiveEndTime === 'number', 'SocialHub received POST /v1/points/adjustment', JSON.stringify(adjustment));

		line('\n2. The shop sends the same order again (a retried webhook): not applied twice');
		const replay = outputOf(await runExample(engine, paid), 'Award points')[0] ?? {};
		check(replay.duplicate === true && account.balance === 1238, 'SocialHub recognised the Operation ID', `balance stays ${account.balance}`);

		line('\n3. A refund: synced as a return, its points deducted (examples/order-refunded-deduct-points.json, its pinned sample refund)');
		const refund = readExample('order-refunded-deduct-points.json');
		await runExample(engine, refund);
		const back = body('/v1/transactions/sync', 2);
		check(back.direction === 1, 'return synced', `transaction ${String(back.transactionCode)}, original order ${String(back.originalCode)}`);
		const deducted = outputOf(await runExample(engine, refund), 'Deduct points')[0] ?? {};
		check(account.balance === 1000 && deducted.duplicate === true, 'points deducted once, though the refund ran twice', `${String(deducted.pointValue)} (Operation ID ${String(deducted.operationId)}), balance 1238 → ${account.balance}`);

		line('\n4. What a refused request looks like: a refund whose points were already spent');
		const member = sandbox.state.members.get('M0001');
		const customer = sandbox.state.consumers.get(String(member?.consumerCode));
		line(`  A refund of order 10090 takes back 2000 points from card M0001 (customer ${String(member?.consumerCode)}, ${String(customer?.name)}; points account PA0001, balance ${account.balance}).`);
		const sample = refund.pinData?.['Order refunded']?.[0]?.json.body as IDataObject;
		const refused = await runExample(engine, refund, [{ body: { ...sample, orderNo: '10090', refundAmount: 200_000 } }]);
		const review = outputOf(refused, 'Points already spent')[0];
		check(
			outputOf(refused, 'Deduct points').length === 0 && String(review?.error ?? '').includes('Insufficient points'),
			'SocialHub refused the deduction; the item went to "Points already spent" (the error output) with the reason',
			String(review?.error),
		);
		check(account.balance === 1000, 'the member keeps every point', `balance ${account.balance}`);

		line('\n5. A monthly birthday bonus (examples/birthday-bonus-monthly.json, its sample member list)');
		const birthday = await runExample(engine, readExample('birthday-bonus-monthly.json'));
		const bonus = outputOf(birthday, 'Birthday bonus')[0] ?? {};
		check(bonus.pointValue === 100, 'birthday bonus for card M0001', `+100 (Operation ID ${String(bonus.operationId)}: a re-run this month awards nobody twice)`);
		const skipped = outputOf(birthday, 'Not rewarded').map((item) => String(item.error));
		check(skipped.length === 2, 'the two sample cards the sandbox does not know went to "Not rewarded"', skipped.join('; '));

		line('\n6. Bad input');
		const sentBefore = sandbox.requests.length;
		const invalid = await engine.run(
			{ resource: 'points', operation: 'adjustPoints', accountType: 2, accountCode: 'M0001', operationId: 'x', operationType: 6, pointValue: 0, effectiveEndTime: '2035-01-01', upgradeTierFlag: 0 },
			[{}],
		);
		check(
			(invalid.error?.message ?? '').includes('"Point Value" must be a whole number above 0') && sandbox.requests.length === sentBefore,
			'an invalid point value is refused before anything is sent',
			invalid.error?.message ?? 'no error',
		);
		line(`\nSocialHub received ${sandbox.requests.length} requests, ${sandbox.tokenCalls} of them token exchanges.`);
		line('The fourth template, examples/points-balance-agent-tools.json (MCP tools for an AI agent), runs in real n8n: npm run test:e2e.');
	} finally {
		await sandbox.stop();
	}
	line(failures === 0 ? '\nEverything behaved as expected.' : `\n${failures} check(s) failed.`);
	process.exit(failures === 0 ? 0 : 1);
}

void main().catch((error: Error) => {
	process.stderr.write(`The demo failed: ${error.stack ?? error.message}\n`);
	process.exit(1);
});
