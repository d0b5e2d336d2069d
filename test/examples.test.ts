/**
 * examples/: importable templates of version-2 SocialHub nodes, documented in examples/README.md,
 * each Operation ID derived from the data. Their SocialHub part runs here in n8n's engine with n8n's
 * own nodes stood in (scripts/inProcessExamples.ts); the whole templates run in real n8n in the e2e
 * (e2e/examples.ts, e2e/exampleAgent.ts).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

import { EXAMPLES_DIR, outputOf, readExample, runExample } from '../scripts/inProcessExamples';
import { SANDBOX_APP_ID, SANDBOX_APP_SECRET, useSandbox } from './support/fixture';

const NODE = 'n8n-nodes-socialhub.socialHub';
const TOOL = 'n8n-nodes-socialhub.socialHubTool';
/** n8n's own nodes the templates may use: all ship with n8n 1.123 and 2.40. */
const N8N_NODES = [
	'n8n-nodes-base.webhook',
	'n8n-nodes-base.scheduleTrigger',
	'n8n-nodes-base.code',
	'n8n-nodes-base.filter',
	'n8n-nodes-base.noOp',
	'n8n-nodes-base.stickyNote',
	'@n8n/n8n-nodes-langchain.mcpTrigger',
];
const CREDENTIAL = { id: 'socialhub-sandbox', name: 'SocialHub sandbox' };
const files = readdirSync(EXAMPLES_DIR).filter((file) => file.endsWith('.json'));
const ours = (file: string) => readExample(file).nodes.filter((node) => node.type === NODE || node.type === TOOL);

describe('examples/', () => {
	it('holds the four templates, each described in examples/README.md', () => {
		expect(files.sort()).toEqual([
			'birthday-bonus-monthly.json',
			'order-paid-award-points.json',
			'order-refunded-deduct-points.json',
			'points-balance-agent-tools.json',
		]);
		const readme = readFileSync(join(EXAMPLES_DIR, 'README.md'), 'utf8');
		for (const file of files) expect(readme).toContain(`(${file})`);
	});

	it.each(files)('%s: importable, version-2 SocialHub nodes on the sandbox credential, no secrets', (file) => {
		const text = readFileSync(join(EXAMPLES_DIR, file), 'utf8');
		const example = readExample(file);
		expect(text).not.toContain(SANDBOX_APP_SECRET);
		expect(text).not.toMatch(/appSecret|accessToken/);
		expect(ours(file).length).toBeGreaterThan(0);
		for (const node of ours(file)) {
			expect([node.name, node.typeVersion]).toEqual([node.name, 2]);
			expect(node.credentials?.socialHubApi).toEqual(CREDENTIAL);
		}
		const names = example.nodes.map((node) => node.name);
		expect(new Set(names).size).toBe(names.length);
		for (const node of example.nodes) expect([NODE, TOOL, ...N8N_NODES]).toContain(node.type);
		for (const [source, outputs] of Object.entries(example.connections)) {
			const targets = Object.values(outputs).flat(2).filter(Boolean);
			expect([source, ...targets.map((target) => target!.node)].filter((name) => !names.includes(name))).toEqual([]);
		}
	});

	it.each(files)('%s: every adjustment takes its Operation ID from the data', (file) => {
		for (const node of ours(file).filter((candidate) => candidate.parameters.operation === 'adjustPoints')) {
			const operationId = String(node.parameters.operationId);
			expect(operationId).toMatch(/^=.*(\$json|\$\(')/);
			expect(operationId).not.toMatch(/\$execution|\$runIndex|Date\.now|Math\.random/);
		}
	});

	it('the webhooks carry a pinned sample, so Execute workflow runs them', () => {
		for (const file of files) {
			const example = readExample(file);
			for (const hook of example.nodes.filter((node) => node.type === 'n8n-nodes-base.webhook')) {
				expect(example.pinData?.[hook.name]?.[0]?.json.body).toEqual(expect.any(Object));
			}
		}
	});

	it('the agent template: three read-only tools on the MCP Server Trigger, inputs from $fromAI', () => {
		const example = readExample('points-balance-agent-tools.json');
		const tools = ours('points-balance-agent-tools.json');
		expect(tools.map((tool) => `${tool.type} ${String(tool.parameters.operation)}`)).toEqual([
			`${TOOL} getMember`,
			`${TOOL} getPointsAccount`,
			`${TOOL} getPointsRecords`,
		]);
		for (const tool of tools) {
			expect(example.connections[tool.name].ai_tool?.[0]?.[0]?.node).toBe('MCP Server Trigger');
			expect(JSON.stringify(tool.parameters)).toContain('$fromAI(');
		}
		const trigger = example.nodes.find((node) => node.name === 'MCP Server Trigger');
		expect(trigger?.parameters.authentication).toBe('bearerAuth');
	});
});

describe('examples/ in n8n’s engine (n8n’s own nodes stood in)', () => {
	const ctx = useSandbox();
	const balance = () => ctx.sandbox.state.accounts.get('PA0001')?.balance;

	beforeEach(() => {
		ctx.engine.setCredential({ baseUrl: ctx.sandbox.url, appId: SANDBOX_APP_ID, appSecret: SANDBOX_APP_SECRET }, CREDENTIAL.id);
	});

	it('a paid order: synced, 238 points awarded once, however often the order arrives', async () => {
		const paid = readExample('order-paid-award-points.json');
		const run = await runExample(ctx.engine, paid);
		expect(run.data.resultData.error).toBeUndefined();
		expect(ctx.sandbox.apiRequests('/v1/transactions/sync')[0].body).toMatchObject({ transactionCode: '10086', orderDate: '2026-11-20 14:30:00' });
		expect(outputOf(run, 'Award points')).toEqual([expect.objectContaining({ operationId: 'order-10086-purchase', pointValue: 238, balance: 1238 })]);
		const again = await runExample(ctx.engine, paid);
		expect(outputOf(again, 'Award points')[0]).toMatchObject({ duplicate: true });
		expect(balance()).toBe(1238);
	});

	it('a refund: synced as a return, its points deducted; points already spent go to the review branch', async () => {
		await runExample(ctx.engine, readExample('order-paid-award-points.json'));
		const refund = readExample('order-refunded-deduct-points.json');
		const run = await runExample(ctx.engine, refund);
		expect(ctx.sandbox.apiRequests('/v1/transactions/sync')[1].body).toMatchObject({ transactionCode: '10086-refund-1', originalCode: '10086', direction: 1 });
		expect(outputOf(run, 'Deduct points')).toEqual([expect.objectContaining({ operationId: 'order-10086-refund-1', pointValue: -238, balance: 1000 })]);

		const body = refund.pinData?.['Order refunded']?.[0]?.json.body as object;
		const tooMuch = await runExample(ctx.engine, refund, [{ body: { ...body, orderNo: '10090', refundAmount: 200_000 } }]);
		expect(outputOf(tooMuch, 'Points already spent')).toEqual([
			{ error: 'Adjust Member Points failed: Insufficient points: balance 1000, deduction 2000' },
		]);
		expect(balance()).toBe(1000);
	});

	it('the birthday bonus: 100 points per member, Operation ID from card and month; an unknown card is not rewarded', async () => {
		const run = await runExample(ctx.engine, readExample('birthday-bonus-monthly.json'));
		const month = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit' }).format(new Date());
		expect(outputOf(run, 'Birthday bonus')).toEqual([expect.objectContaining({ operationId: `birthday-M0001-${month}`, pointValue: 100 })]);
		expect(outputOf(run, 'Not rewarded').map((item) => item.error)).toEqual([
			'Adjust Member Points failed: Points account for M0002 not found',
			'Adjust Member Points failed: Points account for M0003 not found',
		]);
	});
});
