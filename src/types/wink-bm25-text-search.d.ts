// wink-bm25-text-search ships no types; this covers the part the search index uses.
declare module 'wink-bm25-text-search' {
  interface BM25Engine {
    defineConfig(config: { fldWeights: Record<string, number>; bm25Params?: { k1?: number; b?: number; k?: number } }): boolean;
    definePrepTasks(tasks: ((input: string) => string | string[])[], field?: string): number;
    addDoc(doc: Record<string, string>, id: string | number): number;
    consolidate(fp?: number): boolean;
    search(text: string, limit?: number): [string | number, number][];
    exportJSON(): string;
    importJSON(json: string): boolean;
    reset(): boolean;
  }
  function bm25(): BM25Engine;
  export default bm25;
}
