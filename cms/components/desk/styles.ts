/**
 * The desk's styles, on the admin theme's variables (light and dark themes alike). Large targets, visible
 * focus, nothing told by colour alone; the check-in page is laid out for a phone.
 */
export const DESK_CSS = `
.desk { max-width: 90rem; padding-bottom: 4rem; color: var(--theme-text); }
.desk h1 { margin: 0.5rem 0 0.25rem; font-size: 1.9rem; line-height: 1.2; }
.desk h2 { margin: 2.25rem 0 0.75rem; font-size: 1.35rem; }
.desk h3 { margin: 1.25rem 0 0.5rem; font-size: 1.1rem; }
.desk p { margin: 0.25rem 0 0.75rem; line-height: 1.5; }
.desk a { color: var(--theme-text); text-decoration: underline; text-underline-offset: 2px; }
.desk :focus-visible { outline: 3px solid var(--theme-text); outline-offset: 2px; }
.desk .desk-muted { color: var(--theme-elevation-800); }
.desk .desk-back { display: inline-block; margin-top: 0.5rem; }
.desk-scroll { overflow-x: auto; margin: 0.5rem 0 1rem; }
.desk table { border-collapse: collapse; width: 100%; font-size: 0.95rem; }
.desk caption { text-align: left; font-weight: 600; padding: 0 0 0.5rem; }
.desk th, .desk td { text-align: left; vertical-align: top; padding: 0.55rem 0.6rem; border-bottom: 1px solid var(--theme-elevation-150); }
.desk thead th { border-bottom: 2px solid var(--theme-elevation-800); white-space: nowrap; }
.desk td.desk-when { white-space: nowrap; }
.desk td.desk-num, .desk th.desk-num { text-align: right; font-variant-numeric: tabular-nums; }
.desk tr.desk-past td { color: var(--theme-elevation-800); }
.desk .desk-tag { display: inline-block; padding: 0.1rem 0.45rem; border: 1px solid var(--theme-elevation-800); border-radius: 3px; font-size: 0.85rem; white-space: nowrap; }
.desk .desk-tag--attended, .desk .desk-tag--confirmed { font-weight: 600; }
.desk .desk-tag--cancelled { text-decoration: line-through; }
.desk dl.desk-counts { display: grid; grid-template-columns: repeat(auto-fill, minmax(10rem, 1fr)); gap: 0.75rem; margin: 0.5rem 0 1rem; }
.desk dl.desk-counts div { border: 1px solid var(--theme-elevation-150); border-radius: 4px; padding: 0.6rem 0.75rem; }
.desk dl.desk-counts dt { font-size: 0.9rem; color: var(--theme-elevation-800); }
.desk dl.desk-counts dd { margin: 0.15rem 0 0; font-size: 1.35rem; font-weight: 600; }
.desk dl.desk-counts dd span { display: block; font-size: 0.85rem; font-weight: 400; color: var(--theme-elevation-800); }
.desk form.desk-inline { display: inline; margin: 0; }
.desk .desk-actions { display: flex; flex-wrap: wrap; gap: 0.4rem; align-items: flex-start; }
.desk button, .desk .desk-button { display: inline-flex; align-items: center; justify-content: center; min-height: 2.5rem; padding: 0.45rem 0.9rem; border-radius: 4px; border: 2px solid var(--theme-elevation-800); background: var(--theme-elevation-0); color: var(--theme-text); font: inherit; font-weight: 600; cursor: pointer; text-decoration: none; }
.desk button.desk-primary, .desk .desk-button.desk-primary { background: var(--theme-elevation-800); color: var(--theme-elevation-0); }
.desk button:hover, .desk .desk-button:hover { border-color: var(--theme-text); text-decoration: underline; }
.desk button.desk-small, .desk .desk-button.desk-small { min-height: 2.25rem; padding: 0.3rem 0.65rem; font-size: 0.9rem; }
.desk fieldset { border: 1px solid var(--theme-elevation-150); border-radius: 4px; margin: 0 0 1rem; padding: 0.75rem 1rem 1rem; }
.desk legend { font-weight: 600; padding: 0 0.35rem; }
.desk .desk-fields { display: grid; grid-template-columns: repeat(auto-fill, minmax(14rem, 1fr)); gap: 0.9rem 1.25rem; align-items: end; }
.desk label { display: block; font-weight: 600; margin-bottom: 0.3rem; }
.desk .desk-hint { display: block; font-weight: 400; font-size: 0.9rem; color: var(--theme-elevation-800); margin: 0.2rem 0 0; }
.desk input[type=text], .desk input[type=email], .desk input[type=tel], .desk input[type=number], .desk input[type=date], .desk select, .desk textarea { width: 100%; min-height: 2.5rem; padding: 0.4rem 0.6rem; border: 1px solid var(--theme-elevation-800); border-radius: 4px; background: var(--theme-input-bg, var(--theme-elevation-0)); color: var(--theme-text); font: inherit; }
.desk textarea { min-height: 5rem; }
.desk .desk-radios { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; }
.desk .desk-radios label, .desk label.desk-check { display: inline-flex; gap: 0.45rem; align-items: center; font-weight: 400; margin: 0; }
.desk input[type=checkbox], .desk input[type=radio] { width: 1.35rem; height: 1.35rem; margin: 0; accent-color: var(--theme-elevation-800); }
.desk .desk-notice { margin: 0.75rem 0 1rem; padding: 0.75rem 1rem; border-radius: 4px; border: 1px solid var(--theme-elevation-800); border-left-width: 8px; }
.desk .desk-notice--error { border-color: var(--theme-error-500); background: var(--theme-error-50); }
.desk .desk-notice--done { border-color: var(--theme-success-500); background: var(--theme-success-50); }
.desk .desk-panel { margin: 1rem 0; padding: 1rem 1.25rem; border: 2px solid var(--theme-elevation-800); border-radius: 4px; }
.desk .desk-sensitive { font-size: 0.8rem; font-weight: 600; display: block; color: var(--theme-elevation-800); }
.desk nav.desk-pages ul { display: flex; gap: 1rem; list-style: none; padding: 0; margin: 1rem 0; align-items: center; }
.desk-checkin { max-width: 30rem; }
.desk-checkin .desk-card { border: 2px solid var(--theme-elevation-800); border-radius: 6px; padding: 1rem 1.25rem; margin: 1rem 0; font-size: 1.1rem; }
.desk-checkin .desk-card p { margin: 0.3rem 0; }
.desk-checkin .desk-card .desk-name { font-size: 1.5rem; font-weight: 700; }
.desk-checkin button.desk-big { width: 100%; min-height: 4rem; font-size: 1.4rem; }
`
