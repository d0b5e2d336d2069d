import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import { field } from '../../shared/fields';
import type { OperationDefinition } from '../../shared/operation';
import { InvalidFieldError } from '../../shared/refusal';
import { text } from '../common';

/**
 * The sign is Operation Type's to give: a negative value would turn an increase into a deduction,
 * or a decrease into an award, whatever the workflow says.
 */
function checkAdjustment(this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
	const { pointValue, operationType, effectiveEndTime } = options.body as IDataObject;
	if (typeof pointValue === 'number' && pointValue < 0) {
		throw new InvalidFieldError(
			`"Point Value" must be above 0 (got ${pointValue}); Operation Type says whether the points are added or deducted`,
		);
	}
	// Points added with an expiry already past would be expired on arrival. A deduction's expiry
	// marks no points of its own (SocialHub still requires the field), so any valid time is sent.
	if (operationType === BEHAVIOR_INCREASE && typeof effectiveEndTime === 'number' && effectiveEndTime < Date.now() - CLOCK_SKEW_MS) {
		throw new InvalidFieldError(
			`"Effective End Time" is in the past (${new Date(effectiveEndTime).toISOString()}): the points would be expired on arrival. Give a time in the future`,
		);
	}
}

const BEHAVIOR_INCREASE = 6;
/** How far in the past an expiry may be before it is refused: clocks of n8n and SocialHub differ a little. */
const CLOCK_SKEW_MS = 5 * 60_000;

const pointValue: INodeProperties = {
	displayName: 'Point Value',
	name: 'pointValue',
	type: 'number',
	required: true,
	default: 0,
	description: 'Number of points to add or deduct: Operation Type says which',
};

const operationId: INodeProperties = {
	displayName: 'Operation ID',
	name: 'operationId',
	type: 'string',
	required: true,
	default: '',
	placeholder: 'e.g. order-10086-bonus',
	description:
		'Unique ID of this adjustment. SocialHub never applies the same ID twice, so derive it from your data (e.g. an order number), never from the time.',
};

const common = {
	accountType: field(
		{
			displayName: 'Account Type',
			name: 'accountType',
			type: 'options',
			options: [
				{ name: 'Points Account Code', value: 1 },
				{ name: 'Member Card Number', value: 2 },
			],
			default: 2,
			required: true,
			description: 'What the Account Code identifies',
		},
		{ in: 'body' },
	),
	accountCode: text('body', {
		displayName: 'Account Code',
		name: 'accountCode',
		required: true,
		placeholder: 'e.g. M0001',
		description: 'The points account code or the member card number, as chosen in Account Type; as text (SocialHub answers long IDs exactly as text too)',
	}),
	pointsGroupCode: text('body', {
		displayName: 'Points Group Code',
		name: 'pointsGroupCode',
		description: "The points group to adjust; leave empty for the member's default group",
	}),
	operationType: field(
		{
			displayName: 'Operation Type',
			name: 'operationType',
			type: 'options',
			options: [
				{ name: 'Behavior Increase', value: 6 },
				{ name: 'Behavior Decrease', value: 7 },
				{ name: 'Gift Redemption Decrease', value: 8 },
				{ name: 'Coupon Redemption Decrease', value: 9 },
			],
			default: 6,
			required: true,
			description: 'Whether the points are added (increase) or deducted (decrease), and why',
		},
		{ in: 'body' },
	),
	pointDesc: text('body', {
		displayName: 'Point Description',
		name: 'pointDesc',
		description: 'Shown to the member and in SocialHub next to the points record',
	}),
	effectiveEndTime: field(
		{
			displayName: 'Effective End Time',
			name: 'effectiveEndTime',
			type: 'dateTime',
			required: true,
			default: '',
			description: "When these points expire (the workflow's time zone applies when none is given)",
		},
		{ in: 'body', kind: 'epochMs' },
	),
	upgradeTierFlag: field(
		{
			displayName: 'Count Toward Tier Upgrade',
			name: 'upgradeTierFlag',
			type: 'options',
			options: [
				{ name: 'No', value: 0 },
				{ name: 'Yes', value: 1 },
			],
			default: 0,
			required: true,
			description: "Whether these points count toward the member's tier upgrade",
		},
		{ in: 'body' },
	),
};

const byVersion = {
	1: [
		common.accountType,
		common.accountCode,
		common.pointsGroupCode,
		field(operationId, { in: 'body' }),
		common.operationType,
		field(pointValue, { in: 'body', kind: 'positiveInteger' }),
		common.pointDesc,
		common.effectiveEndTime,
		common.upgradeTierFlag,
	],
	2: [
		common.accountType,
		common.accountCode,
		field(
			{
				...operationId,
				hint: 'Switch the field to Expression and build it from your data, e.g. {{ $json.orderId }}-bonus. An ID from $execution.id or $now changes on every run, so a re-run would award the points again.',
			},
			{ in: 'body' },
		),
		common.operationType,
		field({ ...pointValue, default: 1 }, { in: 'body', kind: 'positiveInteger' }),
		common.effectiveEndTime,
		common.upgradeTierFlag,
		common.pointsGroupCode,
		common.pointDesc,
	],
};

export const adjustPoints: OperationDefinition = {
	value: 'adjustPoints',
	name: 'Adjust Member Points',
	action: 'Adjust member points',
	description: "Add points to or deduct points from a member's points account",
	v2: { name: 'Adjust' },
	method: 'POST',
	url: '/v1/points/adjustment',
	fields: (version) => byVersion[version],
	finish: checkAdjustment,
};
