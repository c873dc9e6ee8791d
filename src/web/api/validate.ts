/** Parses a request part (query, params, body) with its schema; the first problem names the part and field. */
export { parseOrExplain as parseInput } from "../form.js";
