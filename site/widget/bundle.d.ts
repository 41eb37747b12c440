/** The bundled `<agenda-rbbg>` script (scripts/lib/widget-bundle.mjs, a Vite plugin of astro.config.mjs). */
declare module 'virtual:agenda-rbbg' {
  const code: string
  export default code
}
