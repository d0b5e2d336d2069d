import type { INodeTypeBaseDescription, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { resources } from '../resources';
import { CREDENTIAL_TYPE } from '../transport/constants';
import { CREDENTIAL_TEST } from '../transport/credentialTest';
import { preparedRequest } from '../transport/prepare';
import { createOperationRunner } from '../transport/runner';
import type { NodeVersion } from './operation';
import { versionProperties } from './operation';

/** One version's whole description: only that version's properties are visited per item. */
export function versionDescription(base: INodeTypeBaseDescription, version: NodeVersion): INodeTypeDescription {
	const { properties, labels, names } = versionProperties(resources, version, preparedRequest);
	return {
		...base,
		version,
		// "Points: Adjust" (version 2), "Points Management: Adjust Member Points" (version 1).
		subtitle: `={{ ${JSON.stringify(names)}[$parameter["resource"] + "." + $parameter["operation"]] }}`,
		defaults: { name: 'SocialHub' },
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		// The node tests the credential (see transport/credentialTest.ts).
		credentials: [{ name: CREDENTIAL_TYPE, required: true, testedBy: CREDENTIAL_TEST }],
		// The base URL comes from the credential's `authenticate`, so no expression runs per item.
		requestDefaults: {
			headers: {
				Accept: 'application/json',
				'Content-Type': 'application/json;charset=utf-8',
			},
			json: true,
		},
		requestOperations: { pagination: createOperationRunner(labels) },
		properties,
	};
}
