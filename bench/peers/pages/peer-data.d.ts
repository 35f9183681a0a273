// The generated forms of one size, by page (bench/peers/vite.config.ts); each page casts the data.
declare module 'virtual:peer-data/*' {
  export const load: (size: string) => Promise<unknown> | undefined
}
