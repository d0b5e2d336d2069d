/**
 * The sandbox refuses what SocialHub refuses in an adjustment, as SocialHub does (HTTP 200,
 * code ≠ 200), so that neither the node nor a newcomer calling it by hand learns a wrong request.
 * Raw HTTP, as README's "Calling the sandbox by hand" does it.
 */
import { SANDBOX_APP_ID, SANDBOX_APP_SECRET, SocialHubSandbox } from '../../sandbox/server';

const sandbox = new SocialHubSandbox();
let token = '';

const valid = {
	accountType: 2,
	accountCode: 'M0001',
	operationId: 'op-valid',
	operationType: 6,
	pointValue: 50,
	effectiveEndTime: Date.UTC(2027, 11, 31),
	upgradeTierFlag: 0,
};

async function adjust(body: Record<string, unknown>) {
	const response = await fetch(`${sandbox.url}/v1/points/adjustment`, {
		method: 'POST',
		headers: { Authorization: token, 'Content-Type': 'application/json' },
		body: JSON.stringify(body),
	});
	return { status: response.status, body: (await response.json()) as { code: string; msg: string; data: unknown } };
}

beforeAll(async () => {
	await sandbox.start();
	const response = await fetch(`${sandbox.url}/v1/auth/token`, {
		method: 'POST',
		headers: { 'Content-Type': 'application/json' },
		body: JSON.stringify({ appId: SANDBOX_APP_ID, appSecret: SANDBOX_APP_SECRET }),
	});
	token = ((await response.json()) as { data: { accessToken: string } }).data.accessToken;
});
afterAll(() => sandbox.stop());

describe('the sandbox’s adjustment endpoint', () => {
	it('applies a valid adjustment once per operationId', async () => {
		expect((await adjust(valid)).body).toMatchObject({ code: '200', data: { pointValue: 50, balance: 1050 } });
		expect((await adjust(valid)).body).toMatchObject({ code: '200', data: { balance: 1050, duplicate: true } });
		expect(sandbox.state.accounts.get('PA0001')?.balance).toBe(1050);
	});

	it.each([
		['no operationId', { operationId: '' }, '40090', 'operationId is required'],
		['an unknown accountType', { accountType: 3 }, '40091', 'accountType must be 1'],
		['no accountCode', { accountCode: '' }, '40097', 'accountCode is required'],
		['an unknown operationType', { operationType: 5 }, '40092', 'operationType must be 6'],
		['operationType as text', { operationType: '6' }, '40092', 'operationType must be 6'],
		['a zero pointValue', { pointValue: 0 }, '40093', 'pointValue must be a non-zero integer'],
		['a fractional pointValue', { pointValue: 1.5 }, '40093', 'pointValue must be a non-zero integer'],
		['a negative pointValue on an increase', { pointValue: -50 }, '40098', 'pointValue must be positive for an increase'],
		['no effectiveEndTime', { effectiveEndTime: undefined }, '40094', 'effectiveEndTime must be ms epoch'],
		['effectiveEndTime as a date string', { effectiveEndTime: '2027-12-31' }, '40094', 'effectiveEndTime must be ms epoch'],
		['effectiveEndTime in seconds', { effectiveEndTime: 1830297599 }, '40094', 'this looks like seconds'],
		['effectiveEndTime in the past', { effectiveEndTime: Date.UTC(2020, 0, 1) }, '40099', 'effectiveEndTime must be in the future'],
		['an unknown upgradeTierFlag', { upgradeTierFlag: 2 }, '40095', 'upgradeTierFlag must be 0 or 1'],
	])('refuses %s with HTTP 200 and its own code, and changes nothing', async (_what, change, code, message) => {
		const before = sandbox.state.accounts.get('PA0001')?.balance;
		const { status, body } = await adjust({ ...valid, operationId: `op-${code}-${Math.random()}`, ...change });
		expect(status).toBe(200);
		expect(body.code).toBe(code);
		expect(body.msg).toContain(message);
		expect(body.data).toBeNull();
		expect(sandbox.state.accounts.get('PA0001')?.balance).toBe(before);
	});
});
