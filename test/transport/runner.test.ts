/**
 * A run of many items tells the truth as a whole (issue 20): bad input in any item sends nothing
 * of the run; a refusal among applied items says what was applied; Continue On Fail pairs every
 * result and error, on both outputs; n8n's Retry On Fail never sends an item twice.
 */
import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import { adjustParameters, useSandbox } from '../support/fixture';

const ctx = useSandbox();

const SIX = Array.from({ length: 6 }, (_, i) => ({ i, points: 10 }));
const byItem = adjustParameters({ operationId: '={{ "run-" + $json.i }}', pointValue: '={{ $json.points }}', operationType: '={{ $json.type ?? 6 }}' });
const adjustments = () => ctx.sandbox.apiRequests('/v1/points/adjustment');
const balance = () => ctx.sandbox.state.accounts.get('PA0001')?.balance;
const pairing = (items: INodeExecutionData[]) => items.map((item) => (item.pairedItem as { item: number }).item);

describe('bad input in any item: nothing of the run is sent', () => {
	it('item 3 of 6 with Point Value 1.5: no request, the error names the item and the field', async () => {
		const items = SIX.map((row) => (row.i === 3 ? { ...row, points: 1.5 } : row));
		const { error } = await ctx.engine.run(byItem, items);
		expect(adjustments()).toHaveLength(0);
		expect(error?.message).toBe('Adjust Member Points: item 3: "Point Value" must be a whole number above 0 in decimal digits (got 1.5)');
		expect(error?.description).toContain('Nothing was sent to SocialHub for any of the 6 items');
		expect(error?.httpCode ?? null).toBeNull();
	});

	it('three bad items of 6: all named, with their fields, and how many', async () => {
		const items = SIX.map((row) => (row.i === 1 ? { ...row, points: 'lots' } : row.i === 4 ? { ...row, points: -2 } : row.i === 5 ? { ...row, points: 0 } : row));
		const { error } = await ctx.engine.run(byItem, items);
		expect(adjustments()).toHaveLength(0);
		expect(error?.message).toBe('Adjust Member Points: 3 of 6 items have bad input (item 1: "Point Value" must be a whole number above 0 in decimal digits (got lots))');
		expect(error?.description).toContain('item 4: "Point Value" must be above 0 (got -2)');
		expect(error?.description).toContain('item 5: "Point Value" must be a whole number above 0');
	});

	it('with Continue On Fail: the bad items become error items, paired; the others are applied', async () => {
		const items = SIX.map((row) => (row.i === 3 ? { ...row, points: 1.5 } : row));
		const { error, items: out } = await ctx.engine.run(byItem, items, { continueOnFail: true });
		expect(error).toBeUndefined();
		expect(pairing(out)).toEqual([0, 1, 2, 3, 4, 5]);
		expect(out.map((item) => (item.json.error ? 'error' : 'ok'))).toEqual(['ok', 'ok', 'ok', 'error', 'ok', 'ok']);
		expect(adjustments()).toHaveLength(5);
	});

	it('with the error output: a bad item reaches it paired with its input (so $("SocialHub").item works)', async () => {
		const items = SIX.map((row) => (row.i === 2 ? { ...row, points: 1.5 } : row));
		const { error, items: out, errorItems } = await ctx.engine.run(byItem, items, { errorOutput: true });
		expect(error).toBeUndefined();
		expect(pairing(out)).toEqual([0, 1, 3, 4, 5]);
		expect(pairing(errorItems)).toEqual([2]);
		expect(String(errorItems[0].json.error)).toContain('"Point Value" must be a whole number');
	});

	it('an expression n8n cannot evaluate in item 2 stops the run with n8n’s error, and nothing is sent', async () => {
		const parameters = adjustParameters({ operationId: '={{ "x-" + $json.i }}', pointDesc: '={{ $json.i === 2 ? $("No Such Node").item.json.x : "ok" }}' });
		const { error } = await ctx.engine.run(parameters, SIX);
		expect(error?.message).toBe("Referenced node doesn't exist");
		expect(adjustments()).toHaveLength(0);
	});

	it('with Batching, items sent before the bad one are named as sent, never "Nothing was sent"', async () => {
		const items = SIX.map((row) => (row.i === 3 ? { ...row, points: 1.5 } : row));
		const parameters = { ...byItem, requestOptions: { batching: { batch: { batchSize: 2, batchInterval: 50 } } } };
		const { error } = await ctx.engine.run(parameters, items);
		// Batch 1 (items 0, 1) left before batch 2 (items 2, 3) was prepared; item 2 is held back with item 3.
		expect(adjustments().map((r) => (r.body as IDataObject).operationId).sort()).toEqual(['run-0', 'run-1']);
		expect(error?.message).toContain('item 3: "Point Value" must be a whole number');
		expect(error?.description).not.toContain('Nothing was sent to SocialHub');
		expect(error?.description).toContain('2 other items were applied (items 0 (Operation ID run-0) and 1 (Operation ID run-1))');
		expect(error?.description).toContain('3 items were not sent (items 2, 4 and 5)');
	});
});

describe('SocialHub refusing one item while others were applied', () => {
	it('item 4 of 6 over the balance: its reason first, then what was applied, by item and Operation ID', async () => {
		const items = SIX.map((row) => (row.i === 4 ? { ...row, points: 5000, type: 7 } : row));
		const { error } = await ctx.engine.run(byItem, items);
		expect(error?.message).toMatch(/^Adjust Member Points failed: Insufficient points: balance \d+, deduction 5000 \(item 4; 5 other items of this run were applied\)$/);
		expect(error?.description).toContain('SocialHub refused the request with code 40096');
		expect(error?.description).toContain(
			"Of this run's 6 items: 5 other items were applied (items 0 (Operation ID run-0), 1 (Operation ID run-1), 2 (Operation ID run-2), 3 (Operation ID run-3) and 5 (Operation ID run-5))",
		);
		expect(error?.description).toContain('Running the node again with the same Operation IDs applies each of them at most once');
		expect(balance()).toBe(1050);
	});

	it('a run of one item keeps the plain message', async () => {
		const { error } = await ctx.engine.run(adjustParameters({ operationType: 7, pointValue: 5000 }));
		expect(error?.message).toBe('Adjust Member Points failed: Insufficient points: balance 1000, deduction 5000');
	});

	it('Create Customer (no Operation ID): the error says a re-run would create the applied ones again', async () => {
		await ctx.engine.run({ resource: 'member', operation: 'getMember', cardNo: 'M0001' });
		const parameters = { resource: 'consumer', operation: 'createConsumer', name: '={{ $json.name }}', mobilePhone: '={{ $json.phone }}', phonePrefCode: '+86', organizationCode: 'ORG1' };
		// Item 1's phone is the seed customer's: SocialHub refuses it.
		const { error } = await ctx.engine.run(parameters, [{ name: 'A', phone: '13900000001' }, { name: 'B', phone: '13800000001' }, { name: 'C', phone: '13900000003' }]);
		expect(error?.message).toBe('Create failed: A customer with mobile phone 13800000001 already exists (item 1; 2 other items of this run were applied)');
		expect(error?.description).toContain('running the node again would send the applied items again');
	});

	it('items not yet sent when an item fails finally are not sent, and the error says which', async () => {
		const parameters = { ...byItem, options: { maxConcurrentRequests: 1 } };
		await ctx.engine.run({ resource: 'member', operation: 'getMember', cardNo: 'M0001' });
		const items = SIX.map((row) => (row.i === 1 ? { ...row, points: 5000, type: 7 } : row));
		const { error } = await ctx.engine.run(parameters, items);
		expect(adjustments().map((r) => (r.body as IDataObject).operationId)).toEqual(['run-0', 'run-1']);
		expect(error?.description).toContain('1 other item was applied (item 0 (Operation ID run-0)); 4 items were not sent (items 2, 3, 4 and 5)');
	});

	it('Continue On Fail: 4 results and 2 error items, each paired with its input, in order', async () => {
		const items = SIX.map((row) => (row.i === 4 ? { ...row, points: 5000, type: 7 } : row.i === 1 ? { ...row, points: 1.5 } : row));
		const { error, items: out } = await ctx.engine.run(byItem, items, { continueOnFail: true });
		expect(error).toBeUndefined();
		expect(pairing(out)).toEqual([0, 1, 2, 3, 4, 5]);
		expect(out.filter((item) => item.json.error)).toHaveLength(2);
		expect(balance()).toBe(1040);
	});
});

describe('n8n’s Retry On Fail never sends an item twice', () => {
	it('3 items, item 2 refused: n8n runs the node 3 times, SocialHub receives each item once', async () => {
		const items = [{ i: 0, points: 10 }, { i: 1, points: 10 }, { i: 2, points: 5000, type: 7 }];
		const { error } = await ctx.engine.run(byItem, items, { retryOnFail: true, maxTries: 3, waitBetweenTries: 0 });
		expect(error?.message).toContain('Insufficient points');
		expect(adjustments().map((r) => (r.body as IDataObject).operationId).sort()).toEqual(['run-0', 'run-1', 'run-2']);
		expect(balance()).toBe(1020);
	});

	it('Create Customer, one item answered HTTP 502 once: the other, created in the first try, is not created again', async () => {
		await ctx.engine.run({ resource: 'member', operation: 'getMember', cardNo: 'M0001' });
		ctx.sandbox.addFault({ path: '/v1/consumer', status: 502, times: 1 });
		const parameters = { resource: 'consumer', operation: 'createConsumer', name: '={{ $json.name }}', mobilePhone: '={{ $json.phone }}', phonePrefCode: '+86', organizationCode: 'ORG1' };
		const { error } = await ctx.engine.run(parameters, [{ name: 'First', phone: '13900000011' }, { name: 'Second', phone: '13900000012' }], {
			retryOnFail: true,
			maxTries: 3,
			waitBetweenTries: 0,
		});
		// n8n ran the node 3 times; each customer reached SocialHub once.
		const sent = ctx.sandbox.apiRequests('/v1/consumer').map((r) => (r.body as IDataObject).name);
		expect(sent.sort()).toEqual(['First', 'Second']);
		expect(error?.message).toMatch(/^Create failed: Injected HTTP 502 \(item [01]; 1 other item of this run was applied\)$/);
		expect(error?.description).toContain('Check in SocialHub whether it was applied before sending it again');
	});

	it('Retry On Fail with Continue On Fail: item 1 answered HTTP 502 once is retried (an adjustment is safe to repeat)', async () => {
		ctx.sandbox.addFault({ path: '/v1/points/adjustment', skip: 1, status: 502, times: 1 });
		const { error, items } = await ctx.engine.run(byItem, SIX.slice(0, 3), { retryOnFail: true, continueOnFail: true, maxTries: 2, waitBetweenTries: 0 });
		expect(error).toBeUndefined();
		expect(items.filter((item) => item.json.error)).toHaveLength(0);
		expect(adjustments()).toHaveLength(4);
		expect(balance()).toBe(1030);
	});
});
