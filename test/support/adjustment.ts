/** A valid Adjust Member Points node: the parameters most tests start from. */
export const ADJUST = {
	resource: 'points',
	operation: 'adjustPoints',
	accountType: 2,
	accountCode: 'M0001',
	operationId: 'op-1',
	operationType: 6,
	pointValue: 100,
	effectiveEndTime: '2027-12-31T23:59:59Z',
	upgradeTierFlag: 0,
};
