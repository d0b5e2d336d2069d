import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import type { RowsSpec } from '../../shared/fields';
import { field, jsonRows, rows, rowsInput } from '../../shared/fields';
import type { NodeVersion, OperationDefinition } from '../../shared/operation';
import { text } from '../common';

const eventTime: Record<NodeVersion, INodeProperties> = {
	1: {
		displayName: 'Event Time',
		name: 'eventTime',
		type: 'number',
		default: 0,
		required: true,
		description: 'When it happened, in ms since the epoch',
	},
	2: {
		displayName: 'Event Time',
		name: 'eventTime',
		type: 'dateTime',
		default: '',
		required: true,
		description: 'When it happened; sent as ms since the epoch',
	},
};

const eventFields = (version: NodeVersion) => [
	text('body', { displayName: 'Event Key', name: 'eventKey', required: true, placeholder: 'e.g. view_product' }),
	text('body', { displayName: 'Event Type', name: 'eventType', default: 'track' }),
	field(eventTime[version], { in: 'body', kind: 'epochMs', optionalInJson: true }),
	text('body', { displayName: 'Customer Code', name: 'customerCode', required: true }),
	field(
		{
			displayName: 'Event ID',
			name: 'eventId',
			type: 'string',
			default: '',
			required: true,
			description: 'Your unique ID of the event',
		},
		{ in: 'body', optionalInJson: true },
	),
	field(
		{ displayName: 'Tenant ID', name: 'tenantId', type: 'string', default: '', required: true },
		{ in: 'body', optionalInJson: true },
	),
	field(
		{
			displayName: 'Properties',
			name: 'properties',
			type: 'json',
			default: '{}',
			required: true,
			description: 'The event’s properties as a JSON object; sent as an object',
		},
		{ in: 'body', kind: 'jsonObject', optionalInJson: true },
	),
];

function fields(version: NodeVersion) {
	const events: RowsSpec = { group: 'event', rowLabel: 'Event', fields: eventFields(version), key: 'data' };
	return rowsInput(
		'Events',
		rows(
			{
				displayName: 'Events',
				name: 'data',
				rowDisplayName: 'Event',
				placeholder: 'Add Event',
				default: {},
				required: true,
			},
			events,
		),
		jsonRows(
			{
				displayName: 'Events (JSON)',
				name: 'eventsJson',
				type: 'json',
				default: '[\n  {\n    "eventKey": "view_product",\n    "customerCode": "",\n    "properties": {}\n  }\n]',
				description: 'An array of events (or {"data": [...]}), e.g. from an expression',
			},
			{ ...events, as: 'data' },
		),
	);
}

const byVersion = { 1: fields(1), 2: fields(2) };

/** SocialHub's default event type, also for events given as JSON without one. */
function defaultEventType(this: IExecuteSingleFunctions, options: IHttpRequestOptions) {
	const events = (options.body as IDataObject).data as IDataObject[];
	for (const event of events) event.eventType ??= 'track';
}

export const importConsumerEventData: OperationDefinition = {
	value: 'importConsumerEventData',
	name: 'Import Events',
	action: 'Import customer events',
	description: 'Send behaviour events of customers to SocialHub (Import Customer Event Data)',
	method: 'POST',
	url: '/v1/consumer/event/data',
	fields: (version) => byVersion[version],
	finish: defaultEventType,
};
