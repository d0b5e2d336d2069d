/**
 * Review (issue 10, class 15 "never silently short"): a server that answers with fewer rows per
 * page than asked (it says so: data.pageSize 50) and gives no total. Return All takes the first
 * short page for the last one and returns 50 of 230 rows with no error.
 */
import type { IDataObject } from 'n8n-workflow';

import { resetProcessState } from '../../nodes/SocialHub/shared/processState';
import { HostileServer, newEngine, ok, tokenThen } from '../hardening/hostile';

const SERVER_PAGE = 50;
const COUNT = 230;
const server = new HostileServer(
	tokenThen((request) => {
		const pageNo = Number(request.query.pageNo);
		const from = (pageNo - 1) * SERVER_PAGE;
		const list = Array.from({ length: Math.max(0, Math.min(SERVER_PAGE, COUNT - from)) }, (_, i) => ({
			recordId: `R${from + i}`, accountCode: 'PA0001',
		}));
		const data: IDataObject = { list, pageNo, pageSize: SERVER_PAGE };
		return { body: ok(data) };
	}),
);

beforeAll(async () => server.start());
afterAll(async () => server.stop());
beforeEach(() => {
	server.received.length = 0;
	resetProcessState();
});

describe('review: Return All against a server that caps the page size and gives no total', () => {
	it.each([
		['v1, Page Size 100', 1, { pageSize: 100 }],
		['v2', 2, {}],
	])('%s: every row is read, or an error says the list may be short', async (_what, version, extra) => {
		const engine = newEngine();
		engine.typeVersion = version;
		engine.setCredential({ baseUrl: server.url, appId: 'app', appSecret: 'secret-123456' });
		const { items, error } = await engine.run({
			resource: 'points', operation: 'getPointsRecords', accountCode: 'PA0001', returnAll: true, ...extra,
		});
		if (error === undefined) expect(items).toHaveLength(COUNT);
		else expect(error.message).toMatch(/page/i);
	});
});
