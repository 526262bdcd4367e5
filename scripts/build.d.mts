// Types for build.mjs, which runs before anything is compiled and so is JavaScript.

/** The build `npm start` and the borgerbudget command run: dist/borgerbudget.js. */
export declare const DIST_ENTRY: string;
/** True when `entry` is missing or older than any input (a folder's TypeScript files, or a file). */
export declare function isStale(entry?: string, inputs?: string[]): boolean;
/** The path of an up-to-date dist/ build, building it first when it is missing or out of date. */
export declare function ensureBuilt(): Promise<string>;
/** Bundles the command into `outdir` (dist/ unless told); resolves with the entry's path. */
export declare function build(outdir?: string): Promise<string>;
