/**
 * `npm run demo`: builds the package, starts the SocialHub sandbox, runs the example workflows
 * through n8n's engine with the built node, and reports what happened. Exit code 0 means every
 * step behaved as expected.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

import type { ICredentialType, IDataObject, INodeType, IRun, IWorkflowBase } from 'n8n-workflow';

import { SocialHubEngine } from '../harness/engine';
import { SocialHubSandbox } from '../sandbox/server';

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

const example = (file: string) =>
	JSON.parse(readFileSync(join(root, 'examples', file), 'utf8')) as IWorkflowBase & { settings?: { timezone?: string } };

function output(run: IRun, node: string): IDataObject[] {
	return (run.data.resultData.runData[node]?.[0]?.data?.main?.[0] ?? []).map((item) => item.json);
}

function balanceOf(run: IRun, node: string): number | undefined {
	const page = output(run, node)[0]?.data as { list?: Array<{ balance?: number }> } | undefined;
	return page?.list?.[0]?.balance;
}

async function main() {
	const sandbox = new SocialHubSandbox();
	const url = await sandbox.start();
	line(`SocialHub sandbox on ${url}; n8n engine: n8n-core ${require('n8n-core/package.json').version}`);
	const engine = new SocialHubEngine(SocialHub, SocialHubApi);
	const credential = { baseUrl: url, appId: sandbox.options.appId, appSecret: sandbox.options.appSecret };
	engine.setCredential(credential, 'socialhub-sandbox');
	engine.setCredential(credential);

	try {
		line('\n1. Enroll a customer, sync a purchase, award points for it (examples/loyalty-purchase-points.json)');
		const workflow = example('loyalty-purchase-points.json');
		const run = await engine.runWorkflow(workflow, {}, workflow.settings?.timezone);
		const runError = run.data.resultData.error;
		check(!runError, 'the workflow ran to the end', runError?.message ?? '');
		const enrolled = output(run, 'Enroll Customer')[0]?.data as IDataObject | undefined;
		check(Boolean(enrolled?.cardNo), 'customer enrolled as member', `card ${String(enrolled?.cardNo)}, customer ${String(enrolled?.consumerCode)}`);
		const before = balanceOf(run, 'Points Before');
		check(before === 0, 'points balance before the purchase', String(before));
		const synced = output(run, 'Sync Purchase')[0]?.data as IDataObject | undefined;
		check(synced?.orderCode === 'ORDER-10086', 'purchase synced', `order ${String(synced?.orderCode)}, 2 × Running shoe, 238.00 paid`);
		const award = output(run, 'Award Purchase Points')[0]?.data as IDataObject | undefined;
		check(award?.pointValue === 238, 'points awarded for the purchase', `+${String(award?.pointValue)} (operation ${String(award?.operationId)})`);
		const after = balanceOf(run, 'Points After');
		check(after === 238, 'points balance after the purchase', `${String(before)} → ${String(after)}`);
		const records = output(run, 'Points Records');
		check(records.length === 1 && records[0].pointValue === 238, 'points records (Return All)', `${records.length} record(s)`);
		const adjustment = sandbox.apiRequests('/v1/points/adjustment')[0];
		check(
			typeof (adjustment?.body as IDataObject)?.effectiveEndTime === 'number',
			'SocialHub received POST /v1/points/adjustment',
			JSON.stringify(adjustment?.body),
		);

		line('\n2. The same adjustment sent again (e.g. a retried run) is not applied twice');
		const replay = await engine.run({
			resource: 'points', operation: 'adjustPoints', accountType: 2, accountCode: String(enrolled?.cardNo),
			operationId: 'purchase-ORDER-10086', operationType: 6, pointValue: 238, effectiveEndTime: '2027-12-31', upgradeTierFlag: 1,
		});
		// A node added today is version 2: it outputs the adjustment record itself.
		const replayed = replay.items[0]?.json as IDataObject | undefined;
		const balance = sandbox.state.accounts.get(String(award?.accountCode))?.balance;
		check(replayed?.duplicate === true && balance === 238, 'SocialHub recognised the operation ID', `balance stays ${String(balance)}`);

		const refusedExample = example('refused-adjustment.json');
		const deduction = refusedExample.nodes.find((node) => node.name === 'Deduct Too Many Points')!.parameters;
		const card = String(deduction.accountCode);
		const member = sandbox.state.members.get(card);
		const customer = sandbox.state.consumers.get(String(member?.consumerCode));
		const account = [...sandbox.state.accounts.values()].find((row) => row.cardNo === card);
		line('\n3. What a refused request looks like (examples/refused-adjustment.json)');
		line(
			`  Deducts ${String(deduction.pointValue)} points from member card ${card} (customer ${String(member?.consumerCode)}, ` +
				`${String(customer?.name)}; points account ${String(account?.accountCode)}, balance ${String(account?.balance)}).`,
		);
		// The harness runs only the trigger and SocialHub nodes: the No Op labels (Deducted,
		// Refused) and the sticky note are left out; the SocialHub node's two outputs are what count.
		const runnable = ['n8n-nodes-base.manualTrigger', 'n8n-nodes-socialhub.socialHub'];
		const refused = await engine.runWorkflow({
			nodes: refusedExample.nodes.filter((node) => runnable.includes(node.type)),
			connections: { Start: refusedExample.connections.Start },
		});
		const [successOutput = [], errorOutput = []] = refused.data.resultData.runData['Deduct Too Many Points']?.[0]?.data?.main ?? [];
		const errorItem = errorOutput?.[0]?.json;
		check(
			(successOutput ?? []).length === 0 && String(errorItem?.error ?? '').includes('Insufficient points'),
			'SocialHub refused the deduction; the item went to the Refused branch (error output) with the reason',
			String(errorItem?.error),
		);
		check(account?.balance === 1000, 'the member keeps every point', `balance ${String(account?.balance)}`);

		const sentBefore = sandbox.requests.length;
		const invalid = await engine.run(
			{ resource: 'points', operation: 'adjustPoints', accountType: 2, accountCode: 'M0001', operationId: 'x', operationType: 6, pointValue: 0, effectiveEndTime: '2027-01-01', upgradeTierFlag: 0 },
			[{}],
		);
		check(
			(invalid.error?.message ?? '').includes('"Point Value" must be a whole number above 0') && sandbox.requests.length === sentBefore,
			'an invalid point value is refused before anything is sent',
			invalid.error?.message ?? 'no error',
		);
		line(`\nSocialHub received ${sandbox.requests.length} requests, ${sandbox.tokenCalls} of them token exchanges.`);
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
