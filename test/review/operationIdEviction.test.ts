/**
 * Review (issue 10, class 18): Operation IDs are remembered for the last 50 executions only,
 * evicted oldest-created first. A long run (thousands of items with Batching) on an instance
 * where 50 other executions start meanwhile (webhooks, schedules) loses its claims mid-run:
 * a later item reusing an earlier item's Operation ID is then sent, and SocialHub silently
 * does not apply it — the case the check exists for.
 */
import type { IExecutePaginationFunctions } from 'n8n-workflow';

import { claimOperationId } from '../../nodes/SocialHub/transport/operationIds';

const context = (executionId: string, itemIndex: number) =>
	({
		getExecutionId: () => executionId,
		getItemIndex: () => itemIndex,
		getNode: () => ({ name: 'Adjust' }),
		getRunIndex: () => 0,
	}) as unknown as IExecutePaginationFunctions;
const adjustment = (operationId: string) => operationId;

describe('review: Operation ID claims of a long run while other executions start', () => {
	it('item 1 reusing item 0’s ID is refused even after 50 other executions claimed IDs', () => {
		expect(claimOperationId(context('long-run', 0), adjustment('dup-1'))).toBeUndefined();
		for (let i = 0; i < 50; i++) claimOperationId(context(`other-${i}`, 0), adjustment(`other-op-${i}`));
		expect(claimOperationId(context('long-run', 1), adjustment('dup-1'))).toBeDefined();
	});
});
