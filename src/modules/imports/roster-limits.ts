/** What one roster file may cost the reader; read at each import so an operator (or a test) can set them. */
export type ImportLimits = {
  /** Data rows over all sheets. */
  maxRows: number;
  /** Uncompressed bytes of all the file's parts (sheet XML, shared strings). */
  maxXmlBytes: number;
  /** The reader worker's heap (V8 old generation), in MB. */
  heapMb: number;
};

const num = (v: string | undefined, fallback: number) => (v && Number(v) > 0 ? Number(v) : fallback);

/** CEDU_IMPORT_MAX_ROWS (200,000), CEDU_IMPORT_MAX_XML_MB (200), CEDU_IMPORT_WORKER_HEAP_MB (512). */
export function importLimits(env: NodeJS.ProcessEnv = process.env): ImportLimits {
  return {
    maxRows: num(env.CEDU_IMPORT_MAX_ROWS, 200_000),
    maxXmlBytes: Math.round(num(env.CEDU_IMPORT_MAX_XML_MB, 200) * 1048576),
    heapMb: num(env.CEDU_IMPORT_WORKER_HEAP_MB, 512),
  };
}
