// @lhncbc/ucum-lhc ships no types: the one call the tests make.
declare module '@lhncbc/ucum-lhc' {
  const ucum: {
    UcumLhcUtils: {
      getInstance(): { validateUnitString(unit: string): { status: string; msg: string[] } }
    }
  }
  export default ucum
}
