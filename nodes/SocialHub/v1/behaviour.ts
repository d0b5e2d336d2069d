import type { IDataObject } from 'n8n-workflow';

import type { Field } from '../shared/fields';
import { field } from '../shared/fields';
import { limit, returnAll } from '../shared/listFields';
import type { VersionBehaviour } from '../shared/operation';

/** Version 1's paging: the vendor's Page Number and Page Size, plus Return All / Split Into Items. */
function listFields(location: 'query' | 'body'): Field[] {
	return [
		returnAll,
		field(
			{
				displayName: 'Page Number',
				name: 'pageNo',
				type: 'number',
				default: 1,
				description: 'The page to read, starting at 1',
				displayOptions: { show: { returnAll: [false] } },
			},
			{ in: location, kind: 'integer', min: 1 },
		),
		field(
			{
				displayName: 'Page Size',
				name: 'pageSize',
				type: 'number',
				default: 10,
				description: 'Rows per page, at most 100. With Return All, fewer larger pages mean fewer requests.',
			},
			{ in: location, kind: 'integer', min: 1, max: 100, required: true },
		),
		field({
			displayName: 'Split Into Items',
			name: 'splitIntoItems',
			type: 'boolean',
			default: false,
			description:
				"Whether to output one item per row (reading on from Page Number up to Limit) instead of SocialHub's page response as one item",
			displayOptions: { show: { returnAll: [false] } },
		}),
		limit({ show: { returnAll: [false], splitIntoItems: [true] } }),
	];
}


/**
 * Version 1: the vendor's contract. Lists keep its Page Number and Page Size and output SocialHub's
 * page as one item unless Return All or Split Into Items asks for rows; every answer is output as
 * SocialHub's envelope (`code`, `msg`, `data`), as the vendor's node output it.
 */
export const v1Behaviour: VersionBehaviour = {
	version: 1,
	listFields,
	rowsFromLists: (context) =>
		(context.getNodeParameter('returnAll', false) as boolean) || (context.getNodeParameter('splitIntoItems', false) as boolean),
	output: (body: IDataObject) => [body],
};
