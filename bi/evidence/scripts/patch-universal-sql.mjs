// postinstall: let @evidence-dev/universal-sql start on @duckdb/duckdb-wasm 1.28.0.
//
// The package.json pins duckdb-wasm to 1.28.0 (DuckDB 0.9), because newer builds fetch DuckDB's
// parquet extension over the network when a page query runs, and the build hangs on a machine
// without one. universal-sql opens every connection with two settings DuckDB 0.9 does not have yet
// (`ieee_floating_point_ops`, `old_implicit_casting`) and stops on the error. This script makes
// exactly those two statements tolerate "unrecognized configuration parameter" and nothing else.
// It is idempotent, and fails the install when the statements are not where it expects them
// (a new universal-sql version: check whether the pin and this script are still needed).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SETTINGS = ['ieee_floating_point_ops', 'old_implicit_casting'];
const MARK = '/* market_sizing: tolerated on duckdb-wasm 1.28 */';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const clients = ['browser.js', 'node.js'].map((name) =>
	join(root, 'node_modules/@evidence-dev/universal-sql/src/client-duckdb', name)
);

// The node client's connection is duckdb-wasm's blocking one, whose query() throws instead of
// rejecting: an async arrow turns either into a rejected promise.
const tolerate = (statement) =>
	`(async () => ${statement})().catch((error) => { ${MARK} ` +
	`if (!/unrecognized configuration parameter/i.test(String(error?.message ?? error))) throw error; })`;

const count = (source, text) => source.split(text).length - 1;

for (const file of clients) {
	const original = readFileSync(file, 'utf8');
	let source = original;
	for (const setting of SETTINGS) {
		const statement = new RegExp(`(?<!=> )connection\\.query\\('SET ${setting} = [a-z]+;'\\)`, 'g');
		source = source.replace(statement, (found) => tolerate(found));
		const statements = count(source, `SET ${setting} `);
		const patched = new RegExp(`'SET ${setting} = [a-z]+;'\\)\\)\\(\\)\\.catch\\(\\(error\\) => \\{ /\\* market_sizing`, 'g');
		const tolerated = source.match(patched)?.length ?? 0;
		if (statements === 0 || tolerated !== statements) {
			throw new Error(
				`${file}: expected \`connection.query('SET ${setting} = ...;')\` statements; review scripts/patch-universal-sql.mjs`
			);
		}
	}
	if (source === original) {
		console.log(`already patched: ${file}`);
	} else {
		writeFileSync(file, source);
		console.log(`patched: ${file}`);
	}
}
