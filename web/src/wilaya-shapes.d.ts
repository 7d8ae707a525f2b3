/** Built from react-algeria-map by web/build/wilaya-shapes.ts. */
declare module 'virtual:wilaya-shapes' {
  export const viewBox: string;
  export const shapes: { code: string; d: string; carved: boolean }[];
}
