/** The build-time index of schemas/ (vite.config.ts, `schemaIndex`). */
declare module 'virtual:schema-index' {
  // An ambient module cannot import by a relative path; a type query is the way in.
  // eslint-disable-next-line @typescript-eslint/consistent-type-imports
  const index: readonly import('../core/instrument/schema-index').SchemaIndexEntry[]
  export default index
}
