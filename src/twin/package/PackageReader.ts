/**
 * Reads the files of one city package, wherever it lives: a folder on disk (node) or a URL
 * (browser, or node's fetch). Paths are relative to city.json. Both throw PackageFileMissing for a
 * file that is not there, and an Error naming the file for any other failure.
 */
export interface PackageReader {
  /** Where the package is, for messages: a folder or a URL. */
  readonly location: string;
  text(path: string): Promise<string>;
  bytes(path: string): Promise<Uint8Array>;
}

/** A package file that does not exist (HTTP 404, ENOENT). */
export class PackageFileMissing extends Error {
  constructor(readonly file: string) {
    super(`${file}: no such file in the city package`);
    this.name = 'PackageFileMissing';
  }
}

/** A reader over HTTP: `baseUrl` is the package folder's URL (e.g. '/tilesets/demo'). */
export function fetchPackageReader(baseUrl: string, fetchFn: typeof fetch = (...a) => fetch(...a)): PackageReader {
  const base = baseUrl.replace(/\/$/, '');
  const get = async (path: string): Promise<Response> => {
    const url = `${base}/${path}`;
    let res: Response;
    try {
      res = await fetchFn(url);
    } catch (err) {
      throw new Error(`${url}: cannot fetch (${(err as Error).message})`);
    }
    if (res.status === 404) throw new PackageFileMissing(url);
    if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
    return res;
  };
  return {
    location: base,
    text: async (path) => (await get(path)).text(),
    bytes: async (path) => new Uint8Array(await (await get(path)).arrayBuffer()),
  };
}
