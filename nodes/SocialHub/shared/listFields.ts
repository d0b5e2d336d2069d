import type { IDisplayOptions } from 'n8n-workflow';

import { field } from './fields';

/** Return All and Limit, declared once: both versions' list fields use them (v1/, v2/ behaviour.ts). */

export const returnAll = field({
	displayName: 'Return All',
	name: 'returnAll',
	type: 'boolean',
	default: false,
	description: 'Whether to return all results or only up to a given limit',
});

export const limit = (shown: IDisplayOptions) =>
	field({
		displayName: 'Limit',
		name: 'limit',
		type: 'number',
		// No minValue: n8n's number box would silently turn what the user typed into another number.
		// Limit is checked when the run starts instead (transport/runOptions.ts).
		typeOptions: {},
		default: 50,
		description: 'Max number of results to return',
		displayOptions: shown,
	});

