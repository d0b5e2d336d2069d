import type { INodeTypeBaseDescription, INodeTypeDescription } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { resources } from './resources';
import type { VersionBehaviour } from './shared/operation';
import { versionProperties } from './shared/properties';
import { CREDENTIAL_TYPE } from './transport/constants';
import { CREDENTIAL_TEST } from './transport/credentialTest';
import { preparedRequest } from './transport/prepare';
import { createOperationRunner } from './transport/runner';

/**
 * One version's whole description, from the resources' operations and the version's behaviour
 * (v1/behaviour.ts, v2/behaviour.ts). Every request of every operation then runs through one
 * runner (transport/runner.ts): see CONTRIBUTING.md's request map.
 */
export function versionDescription(base: INodeTypeBaseDescription, behaviour: VersionBehaviour): INodeTypeDescription {
	const { properties, labels, names } = versionProperties(resources, behaviour, (build) => preparedRequest(build, behaviour));
	return {
		...base,
		version: behaviour.version,
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
		requestOperations: { pagination: createOperationRunner(labels, behaviour) },
		properties,
	};
}
