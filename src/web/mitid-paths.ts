// The citizen's MitID log-in's paths (web/mitid.routes.tsx): the start, and the callback the NemLog-in
// broker sends the browser back to, registered with the broker as BASE_URL + MITID_CALLBACK_PATH.

export const MITID_START_PATH = '/log-ind/mitid';
export const MITID_CALLBACK_PATH = '/log-ind/mitid/retur';
