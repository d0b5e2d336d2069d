export const genderOptions = [
	{ name: 'Unknown', value: 0 },
	{ name: 'Male', value: 1 },
	{ name: 'Female', value: 2 },
];

export const flagOptions = [
	{ name: 'Yes', value: 1 },
	{ name: 'No', value: 0 },
];

/** The channels a customer can agree to receive messages on: parameter name and label. */
export const receiveFlags: Array<[string, string]> = [
	['receiveSmsFlag', 'Receive SMS'],
	['receiveEmailFlag', 'Receive Email'],
	['receiveAppFlag', 'Receive App Push'],
	['receiveWecomFlag', 'Receive WeCom'],
	['receiveWechatFlag', 'Receive WeChat'],
	['receiveWhatsAppFlag', 'Receive WhatsApp'],
	['receiveLineFlag', 'Receive LINE'],
	['receiveMessagerFlag', 'Receive Messenger'],
];
