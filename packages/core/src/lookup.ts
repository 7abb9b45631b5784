// Tables looked up with keys from outside (URLs, files, forms) have no prototype, so a key such as
// "constructor" or "__proto__" finds nothing instead of an inherited function.
export function lookupTable<V>(entries: Readonly<Record<string, V>>): Readonly<Record<string, V>> {
  return Object.freeze(Object.assign(Object.create(null) as Record<string, V>, entries));
}
