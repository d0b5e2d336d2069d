import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

/** What an operation output, as a test reads it: version 1 keeps SocialHub's envelope (`data`), version 2 outputs the resource. */
export function outputOf(item: INodeExecutionData, settings: { typeVersion?: number } = {}): IDataObject {
	return (settings.typeVersion === 1 ? item.json.data : item.json) as IDataObject;
}
